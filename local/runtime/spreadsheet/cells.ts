/** What one cell holds. Cells are replaced, never mutated, so a snapshot can be restored. */
export type CellValue = string | number | boolean | Date;

export interface ValidationRule {
  criteria: "VALUE_IN_LIST" | "VALUE_IN_RANGE";
  /** The list, for VALUE_IN_LIST. */
  values?: string[];
  /** "Sheet!A1:A9", for VALUE_IN_RANGE. */
  rangeA1?: string;
  showDropdown: boolean;
  allowInvalid: boolean;
}

export interface Cell {
  /** '' when empty. For a formula cell: the formula text (formulas are not evaluated here). */
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  background?: string;
  validation?: ValidationRule;
  note?: string;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** True when the cell has a value or a formula: what getLastRow / getDataRange count. */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell) return "";
  return isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value;
}
