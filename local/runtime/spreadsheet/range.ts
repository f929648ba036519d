import { emulate } from "../execution";
import { type GridRange, toA1 } from "./a1";
import { dataValidation, validationOf } from "./builders";
import { type Cell, type CellValue, cellValue } from "./cells";
import { type Ctx, checkedGrid, fail, type Range, remember, scriptRows } from "./context";
import { displayText } from "./display";
import { enteredCell } from "./entry";
import type { SheetModel } from "./model";
import { protection } from "./protection";
import { type SortSpec, sortRows } from "./sort";

type RangeApi = Pick<
  Range,
  | "activate"
  | "clear"
  | "clearContent"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontWeight"
  | "getFormula"
  | "getFormulas"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "offset"
  | "protect"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setFontWeight"
  | "setFormula"
  | "setFormulas"
  | "setNote"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "sort"
>;

/** Replaces each cell of the range with `change(cell, i, j)` (format setters: applied at once). */
function mapCells(sheet: SheetModel, grid: GridRange, change: (cell: Cell | undefined, i: number, j: number) => Cell) {
  for (let i = 0; i < grid.numRows; i++) {
    for (let j = 0; j < grid.numColumns; j++) {
      sheet.setCell(grid.row + i, grid.column + j, change(sheet.cell(grid.row + i, grid.column + j), i, j));
    }
  }
}

function checkDimensions(ctx: Ctx, grid: GridRange, data: unknown[][]): void {
  if (!Array.isArray(data) || data.length !== grid.numRows) {
    fail(
      ctx,
      `The number of rows in the data does not match the number of rows in the range. The data has ${
        Array.isArray(data) ? data.length : 0
      } but the range has ${grid.numRows}.`,
    );
  }
  for (const row of data) {
    const width = Array.isArray(row) ? row.length : 0;
    if (width !== grid.numColumns) {
      fail(
        ctx,
        `The number of columns in the data does not match the number of columns in the range. The data has ${width} but the range has ${grid.numColumns}.`,
      );
    }
  }
}

/**
 * A Range over one sheet's model. Values read as Sheets gives them (Date, number, boolean, '' for
 * empty; a formula's value is its text, unevaluated); writes go through the execution's session so
 * batch writes are paid at commit and undone if the execution is killed.
 */
export function makeRange(ctx: Ctx, sheet: SheetModel, grid: GridRange): Range {
  const cells = grid.numRows * grid.numColumns;
  const tz = () => ctx.model.timeZone;
  const read = <T>(pick: (cell: Cell | undefined) => T): T[][] => {
    ctx.session.read(cells);
    return scriptRows(
      ctx,
      sheet.cells(grid).map((r) => r.map(pick)),
    );
  };
  const readFirst = <T>(pick: (cell: Cell | undefined) => T): T => {
    ctx.session.readOne();
    return pick(sheet.cell(grid.row, grid.column));
  };
  const format = (change: (cell: Cell | undefined, i: number, j: number) => Cell) => {
    ctx.session.format();
    mapCells(sheet, grid, change);
    return range;
  };
  const write = (batch: boolean, change: (cell: Cell | undefined, i: number, j: number) => Cell) => {
    ctx.session.willWrite(sheet, grid, batch);
    mapCells(sheet, grid, change);
    return range;
  };

  const impl: RangeApi = {
    getValues: () => read(cellValue) as CellValue[][],
    getDisplayValues: () => read((c) => displayText(c, tz())),
    getFormulas: () => read((c) => c?.formula ?? ""),
    getNumberFormats: () => read((c) => c?.numberFormat ?? "General"),
    getBackgrounds: () => read((c) => c?.background ?? "#ffffff"),
    getDataValidations: () => {
      ctx.session.read(cells);
      return scriptRows(
        ctx,
        sheet.cells(grid).map((r) => r.map((c) => (c?.validation ? dataValidation(ctx, c.validation) : null))),
      );
    },
    getValue: () => readFirst(cellValue),
    getDisplayValue: () => readFirst((c) => displayText(c, tz())),
    getFormula: () => readFirst((c) => c?.formula ?? ""),
    getNumberFormat: () => readFirst((c) => c?.numberFormat ?? "General"),
    getBackground: () => readFirst((c) => c?.background ?? "#ffffff"),
    getFontWeight: () => readFirst((c) => (c?.bold ? "bold" : "normal")),
    getNote: () => readFirst((c) => c?.note ?? ""),
    getDataValidation: () => readFirst((c) => (c?.validation ? dataValidation(ctx, c.validation) : null)),

    setValues(values: unknown[][]) {
      checkDimensions(ctx, grid, values);
      return write(true, (c, i, j) => enteredCell(values[i][j], tz(), c));
    },
    setFormulas(formulas: string[][]) {
      checkDimensions(ctx, grid, formulas);
      return write(true, (c, i, j) => enteredCell(formulas[i][j], tz(), c));
    },
    setValue(value: unknown) {
      ctx.exec.charge(ctx.exec.costs.singleCellSetMs);
      return write(false, (c) => enteredCell(value, tz(), c));
    },
    setFormula(formula: string) {
      ctx.exec.charge(ctx.exec.costs.singleCellSetMs);
      return write(false, (c) => enteredCell(formula, tz(), c));
    },
    clearContent() {
      ctx.exec.charge(ctx.exec.costs.formatSetterMs);
      return write(false, (c) => enteredCell("", tz(), c));
    },
    // clear() removes contents and formats; data validation and notes stay (Range.clear reference).
    clear() {
      ctx.exec.charge(ctx.exec.costs.formatSetterMs);
      return write(false, (c) => ({ value: "", validation: c?.validation, note: c?.note }));
    },

    setNumberFormat: (pattern: string) => format((c) => ({ ...(c ?? { value: "" }), numberFormat: pattern })),
    setNumberFormats(patterns: string[][]) {
      checkDimensions(ctx, grid, patterns);
      return format((c, i, j) => ({ ...(c ?? { value: "" }), numberFormat: patterns[i][j] }));
    },
    setFontWeight: (weight: "bold" | "normal" | null) =>
      format((c) => ({ ...(c ?? { value: "" }), bold: weight === "bold" })),
    setBackground: (color: string | null) =>
      format((c) => ({ ...(c ?? { value: "" }), background: color ?? undefined })),
    setBackgrounds(colors: Array<Array<string | null>>) {
      checkDimensions(ctx, grid, colors);
      return format((c, i, j) => ({ ...(c ?? { value: "" }), background: colors[i][j] ?? undefined }));
    },
    setNote: (note: string | null) => format((c) => ({ ...(c ?? { value: "" }), note: note || undefined })),
    setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
      const validation = rule === null ? undefined : validationOf(rule);
      if (rule !== null && !validation) fail(ctx, "Invalid argument: rule");
      return format((c) => ({ ...(c ?? { value: "" }), validation: validation && { ...validation } }));
    },

    getA1Notation: () => toA1(grid),
    getRow: () => grid.row,
    getColumn: () => grid.column,
    getNumRows: () => grid.numRows,
    getNumColumns: () => grid.numColumns,
    getLastRow: () => grid.row + grid.numRows - 1,
    getLastColumn: () => grid.column + grid.numColumns - 1,
    getSheet: () => ctx.sheet(sheet),
    offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
      return ctx.range(
        sheet,
        checkedGrid(
          ctx,
          sheet,
          grid.row + rowOffset,
          grid.column + columnOffset,
          numRows ?? grid.numRows,
          numColumns ?? grid.numColumns,
        ),
      );
    },
    activate() {
      ctx.session.other();
      ctx.model.activeSheetId = sheet.id;
      ctx.model.setSelection(sheet, grid);
      return range;
    },
    protect() {
      ctx.session.format();
      const record = {
        id: ctx.model.newObjectId(),
        type: "RANGE" as const,
        range: { ...grid },
        description: "",
        warningOnly: false,
      };
      sheet.protections.push(record);
      return protection(ctx, sheet, record);
    },
    sort(spec: unknown) {
      ctx.session.shape();
      sortRows(sheet, grid, spec as SortSpec, (m) => fail(ctx, m));
      return range;
    },
  };
  const range = remember(emulate(ctx.exec, "Range", impl, "LIMITED") as unknown as Range, sheet, grid);
  return range;
}
