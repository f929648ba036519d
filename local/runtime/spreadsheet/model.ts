import type { Runtime } from "../runtime";
import { type GridRange, toA1 } from "./a1";
import { type Cell, type CellValue, cellValue, hasContent } from "./cells";
import { displayText } from "./display";
import { enteredCell } from "./entry";

/** A new sheet's grid in Google Sheets: 1000 rows × 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface ProtectionRecord {
  id: number;
  type: "RANGE" | "SHEET";
  /** The protected cells; the whole sheet for a SHEET protection. */
  range: GridRange;
  description: string;
  warningOnly: boolean;
}

/** A conditional format rule as built (recorded, not applied to how cells look). */
export interface ConditionalRuleRecord {
  whenTextEqualTo?: string;
  background?: string;
  /** A1 ranges on the rule's sheet. */
  ranges: string[];
}

export interface ChartRecord {
  id: number;
  /** Charts.ChartType name: COLUMN, BAR, LINE, PIE, COMBO… */
  type: string;
  /** A1 ranges of the chart's data, "Sheet!A1:B9". */
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class SheetModel {
  /** Rows of cells, only as long as the content; the grid's size is maxRows × maxColumns. */
  readonly rows: Array<Array<Cell | undefined>> = [];
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  hidden = false;
  readonly protections: ProtectionRecord[] = [];
  conditionalRules: ConditionalRuleRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly columnWidths = new Map<number, number>();

  constructor(
    /** The gid, as in the sheet's URL `#gid=`. */
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, cell: Cell | undefined): void {
    let r = this.rows[row - 1];
    if (!r) {
      while (this.rows.length < row) this.rows.push([]);
      r = this.rows[row - 1];
    }
    r[column - 1] = cell;
  }

  /** The last row with a value or formula (0 for an empty sheet), as Sheet.getLastRow. */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (this.rows[i].some(hasContent)) return i + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      for (let j = row.length - 1; j >= last; j--) {
        if (hasContent(row[j])) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Every cell of a range, row by row (undefined for never-touched cells). */
  cells(range: GridRange): Array<Array<Cell | undefined>> {
    const out: Array<Array<Cell | undefined>> = [];
    for (let i = 0; i < range.numRows; i++) {
      const source = this.rows[range.row - 1 + i];
      const line: Array<Cell | undefined> = new Array(range.numColumns);
      for (let j = 0; j < range.numColumns; j++) line[j] = source?.[range.column - 1 + j];
      out.push(line);
    }
    return out;
  }
}

export interface MenuItemRecord {
  caption?: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuRecord;
}

export interface MenuRecord {
  /** The caption of createMenu; "Add-on" for createAddonMenu (shown under Extensions). */
  title: string;
  addon: boolean;
  items: MenuItemRecord[];
}

export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";

/** What the person clicks (and types, for a prompt) at the next alert or prompt. */
export interface UiAnswer {
  button: ButtonName;
  text?: string;
}

export interface DialogRecord {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  content: string;
  width?: number;
  height?: number;
  /** The HtmlOutput object the script handed over. */
  output: unknown;
}

export interface UiRecord {
  /** Menus added with addToUi, latest last (a later addToUi of the same title replaces it). */
  menus: MenuRecord[];
  alerts: Array<{ kind: "alert" | "prompt"; title: string; prompt: string; buttons: string; answer: UiAnswer }>;
  /** Scripted answers, used in order; when empty the first button of the set is clicked (OK or YES). */
  answers: UiAnswer[];
  dialogs: DialogRecord[];
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null }>;
}

export interface SpreadsheetOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Cells allowed in the whole spreadsheet (Google: 10 million). */
  cellLimit?: number;
  /** Start with no sheet (for a loader that adds its own). */
  empty?: boolean;
}

/**
 * The one spreadsheet the script is bound to: it outlives executions. Tests, the FormApp module and
 * the xlsx loader use these host methods; they cost nothing and are never pending.
 */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly cellLimit: number;
  readonly sheets: SheetModel[] = [];
  activeSheetId = 0;
  /** The selected cells of each sheet by id (A1 where nothing was selected), as a person left them. */
  private readonly selections = new Map<number, GridRange>();
  /** The form that writes its responses here (set by the FormApp module). */
  formUrl: string | null = null;
  readonly ui: UiRecord = { menus: [], alerts: [], answers: [], dialogs: [], toasts: [] };
  private nextSheetId = 0;
  private nextObjectId = 1;

  constructor(options: SpreadsheetOptions = {}) {
    this.id = options.id ?? "1BadgeDeskLocalSpreadsheet0000000000000000";
    this.name = options.name ?? "BadgeDesk";
    this.timeZone = options.timeZone ?? "America/Chicago";
    this.locale = options.locale ?? "en_US";
    this.cellLimit = options.cellLimit ?? 10_000_000;
    if (!options.empty) this.insertSheet("Sheet1");
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The sheet named `name`, or an error naming it (for host callers that expect it to exist). */
  requireSheet(name: string): SheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}" in ${this.name}.`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Adds a sheet of 1000 × 26 cells; Google's error for a duplicate name or a full workbook. */
  insertSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.checkGrowth(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = new SheetModel(this.nextSheetId, name);
    // Google gives the first sheet gid 0 and later ones large random ids; sequential is enough here.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 1;
    this.sheets.splice(index, 0, sheet);
    if (this.sheets.length === 1) this.activeSheetId = sheet.id;
    return sheet;
  }

  deleteSheet(name: string): void {
    const sheet = this.requireSheet(name);
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  activeSheet(): SheetModel {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  /**
   * A person clicks sheet `name` and selects cells there (host side, free): what getActiveSheet and
   * getActiveRange then return. Rows and columns are 1-based.
   */
  select(name: string, row: number, column: number, numRows = 1, numColumns = 1): void {
    const sheet = this.requireSheet(name);
    this.activeSheetId = sheet.id;
    this.setSelection(sheet, { row, column, numRows, numColumns });
  }

  /** Records `range` as the selection of `sheet` (Range.activate, or a person's click). */
  setSelection(sheet: SheetModel, range: GridRange): void {
    this.selections.set(sheet.id, { ...range });
  }

  /** The active sheet's selected cells: A1 until something else is selected there. */
  activeRange(): { sheet: SheetModel; range: GridRange } {
    const sheet = this.activeSheet();
    return { sheet, range: { ...(this.selections.get(sheet.id) ?? { row: 1, column: 1, numRows: 1, numColumns: 1 }) } };
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** Throws Google's error when adding `cells` would pass the spreadsheet's cell limit. */
  checkGrowth(cells: number): void {
    if (this.cellCount() + cells > this.cellLimit) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${this.cellLimit} cells.`,
      );
    }
  }

  /** Grows a sheet's grid so it has at least `rows` rows and `columns` columns. */
  grow(sheet: SheetModel, rows: number, columns: number): void {
    const newRows = Math.max(rows, sheet.maxRows);
    const newColumns = Math.max(columns, sheet.maxColumns);
    this.checkGrowth(newRows * newColumns - sheet.maxRows * sheet.maxColumns);
    sheet.maxRows = newRows;
    sheet.maxColumns = newColumns;
  }

  newObjectId(): number {
    return this.nextObjectId++;
  }

  /** The sheet's values from A1 to its last row and column with content, as getDataRange().getValues(). */
  values(name: string): CellValue[][] {
    const sheet = this.requireSheet(name);
    const rows = Math.max(1, sheet.lastRow());
    const columns = Math.max(1, sheet.lastColumn());
    return sheet.cells({ row: 1, column: 1, numRows: rows, numColumns: columns }).map((r) => r.map(cellValue));
  }

  /** The same area as `values`, as getDisplayValues shows it in the spreadsheet's zone. */
  displayValues(name: string): string[][] {
    const sheet = this.requireSheet(name);
    const rows = Math.max(1, sheet.lastRow());
    const columns = Math.max(1, sheet.lastColumn());
    return sheet
      .cells({ row: 1, column: 1, numRows: rows, numColumns: columns })
      .map((r) => r.map((c) => displayText(c, this.timeZone)));
  }

  /** Formulas over the same area ('' where a cell holds no formula). */
  formulas(name: string): string[][] {
    const sheet = this.requireSheet(name);
    const rows = Math.max(1, sheet.lastRow());
    const columns = Math.max(1, sheet.lastColumn());
    return sheet
      .cells({ row: 1, column: 1, numRows: rows, numColumns: columns })
      .map((r) => r.map((c) => c?.formula ?? ""));
  }

  /**
   * Writes values at (row, column), growing the grid when needed. Values are stored as given
   * (a string stays a string) unless `asEntered`, which parses them as a person typing would.
   */
  setValues(
    name: string,
    row: number,
    column: number,
    values: unknown[][],
    options: { asEntered?: boolean } = {},
  ): void {
    const sheet = this.requireSheet(name);
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    this.grow(sheet, row + values.length - 1, column + width - 1);
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        const previous = sheet.cell(row + i, column + j);
        const cell = options.asEntered ? enteredCell(v, this.timeZone, previous) : rawCell(v, previous);
        sheet.setCell(row + i, column + j, cell);
      });
    });
  }

  /**
   * Appends a row after the last row with content, as a form response lands in its sheet: the
   * values are stored as given (a submitted "=1+1" stays text). Returns the row number.
   */
  appendRow(name: string, values: unknown[], options: { asEntered?: boolean } = {}): number {
    const sheet = this.requireSheet(name);
    const row = sheet.lastRow() + 1;
    this.setValues(name, row, 1, [values], options);
    return row;
  }

  charts(name: string): ChartRecord[] {
    return this.requireSheet(name).charts;
  }

  protections(name: string): ProtectionRecord[] {
    return this.requireSheet(name).protections;
  }

  conditionalRules(name: string): ConditionalRuleRecord[] {
    return this.requireSheet(name).conditionalRules;
  }

  /** The cell at (row, column), with its format, validation and note. */
  cell(name: string, row: number, column: number): Cell | undefined {
    return this.requireSheet(name).cell(row, column);
  }

  /** "Sheet!A1:B2" for a range of a sheet, quoting the name when Sheets would. */
  a1(sheet: SheetModel, range: GridRange): string {
    const quoted = /^[A-Za-z0-9_]+$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
    return `${quoted}!${toA1(range)}`;
  }
}

function rawCell(value: unknown, previous: Cell | undefined): Cell {
  const cell: Cell = { ...previous, value: "" };
  delete cell.formula;
  if (value === null || value === undefined) return cell;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") cell.value = value;
  else if (Object.prototype.toString.call(value) === "[object Date]") cell.value = new Date((value as Date).getTime());
  else cell.value = String(value);
  return cell;
}

const KEY = "spreadsheet";

/** The runtime's spreadsheet, made on first use: one "Sheet1", in the manifest's time zone. */
export function spreadsheetOf(runtime: Runtime): SpreadsheetModel {
  return runtime.model(
    KEY,
    () => new SpreadsheetModel({ timeZone: runtime.manifest.timeZone, cellLimit: runtime.limits.cellsPerSpreadsheet }),
  );
}

/** Binds the runtime's script to `model` (a workbook loaded from .xlsx, say) instead of a new one. */
export function useWorkbook(runtime: Runtime, model: SpreadsheetModel): SpreadsheetModel {
  runtime.state.set(KEY, model);
  return model;
}
