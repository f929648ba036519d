import path from "node:path";
import ExcelJS from "exceljs";
import { type Cell, type CellValue, isDate } from "./spreadsheet/cells";
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT } from "./spreadsheet/display";
import { type SheetModel, SpreadsheetModel } from "./spreadsheet/model";
import { fromWallClock, wallClock } from "./spreadsheet/zone";

/**
 * .xlsx files for the spreadsheet model, so a specialist can dry-run on a download of the real
 * sheet. Kept: sheet order, values, formulas, number formats, dates, bold, backgrounds, notes,
 * list validations, frozen rows, hidden sheets. Not kept: charts, protections, conditional formats.
 *
 * Dates: an .xlsx cell holds a wall-clock time with no zone, and exceljs reads and writes it as if it
 * were UTC (toolchain.md). Sheets exports the wall clock of the spreadsheet's zone, so a Date is
 * written as its wall clock in that zone and read back from it, to the second.
 */
export async function saveWorkbook(model: SpreadsheetModel, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      state: sheet.hidden ? "hidden" : "visible",
      views: sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }] : [],
    });
    sheet.rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (cell) writeCell(ws.getCell(i + 1, j + 1), cell, model);
      });
    });
  }
  await workbook.xlsx.writeFile(file);
}

function writeCell(target: ExcelJS.Cell, cell: Cell, model: SpreadsheetModel): void {
  if (cell.formula !== undefined)
    target.value = { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  else if (isDate(cell.value)) {
    const w = wallClock(cell.value, model.timeZone);
    target.value = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
    const hasTime = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
    target.numFmt = cell.numberFormat ?? (hasTime ? DEFAULT_DATE_TIME_FORMAT : DEFAULT_DATE_FORMAT);
  } else if (cell.value !== "") target.value = cell.value;
  if (cell.numberFormat && !isDate(cell.value)) target.numFmt = cell.numberFormat;
  if (cell.bold) target.font = { bold: true };
  if (cell.background) {
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.background.replace("#", "")}` } };
  }
  if (cell.note) target.note = cell.note;
  const v = cell.validation;
  if (v) {
    target.dataValidation = {
      type: "list",
      allowBlank: true,
      showErrorMessage: !v.allowInvalid,
      formulae: [v.criteria === "VALUE_IN_LIST" ? `"${(v.values ?? []).join(",")}"` : (v.rangeA1 ?? "")],
    };
  }
}

export interface LoadOptions {
  /** The spreadsheet's time zone: the zone the file's wall-clock dates are read in. */
  timeZone: string;
  /** The spreadsheet's name (default: the file name without .xlsx). */
  name?: string;
  cellLimit?: number;
}

/** Reads an .xlsx file into a new spreadsheet model (use `useWorkbook` to run a script on it). */
export async function loadWorkbook(file: string, options: LoadOptions): Promise<SpreadsheetModel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const model = new SpreadsheetModel({
    name: options.name ?? path.basename(file, path.extname(file)),
    timeZone: options.timeZone,
    cellLimit: options.cellLimit,
    empty: true,
  });
  workbook.eachSheet((ws) => {
    const sheet = model.insertSheet(ws.name);
    readSheet(ws, sheet, options.timeZone);
    model.grow(sheet, ws.rowCount, ws.columnCount);
  });
  if (model.sheets.length === 0) model.insertSheet("Sheet1");
  return model;
}

function readSheet(ws: ExcelJS.Worksheet, sheet: SheetModel, timeZone: string): void {
  const view = ws.views?.[0];
  if (view?.state === "frozen") sheet.frozenRows = view.ySplit ?? 0;
  sheet.hidden = ws.state === "hidden" || ws.state === "veryHidden";
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (source, c) => {
      const cell = readCell(source, timeZone);
      if (cell) sheet.setCell(r, c, cell);
    });
  });
}

function readCell(source: ExcelJS.Cell, timeZone: string): Cell | undefined {
  const cell: Cell = { value: "" };
  const raw = source.value;
  if (source.formula) {
    cell.formula = `=${source.formula}`;
    cell.value = cell.formula;
  } else cell.value = plainValue(raw, timeZone);
  if (source.numFmt && source.numFmt !== "General") cell.numberFormat = source.numFmt;
  if (source.font?.bold) cell.bold = true;
  const fill = source.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) {
    cell.background = `#${fill.fgColor.argb.slice(-6).toLowerCase()}`;
  }
  if (typeof source.note === "string") cell.note = source.note;
  else if (source.note?.texts) cell.note = source.note.texts.map((t) => t.text).join("");
  const dv = source.dataValidation;
  if (dv?.type === "list" && dv.formulae?.[0] !== undefined) {
    const formula = String(dv.formulae[0]);
    const quoted = /^"(.*)"$/.exec(formula);
    cell.validation = quoted
      ? {
          criteria: "VALUE_IN_LIST",
          values: quoted[1].split(","),
          showDropdown: true,
          allowInvalid: !dv.showErrorMessage,
        }
      : { criteria: "VALUE_IN_RANGE", rangeA1: formula, showDropdown: true, allowInvalid: !dv.showErrorMessage };
  }
  const empty = cell.value === "" && cell.formula === undefined && Object.keys(cell).length === 1;
  return empty ? undefined : cell;
}

function plainValue(raw: ExcelJS.CellValue, timeZone: string): CellValue {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) {
    return fromWallClock(
      {
        year: raw.getUTCFullYear(),
        month: raw.getUTCMonth() + 1,
        day: raw.getUTCDate(),
        hour: raw.getUTCHours(),
        minute: raw.getUTCMinutes(),
        // Excel's serial day fractions drift by a millisecond or so: round to the second.
        second: raw.getUTCSeconds() + Math.round(raw.getUTCMilliseconds() / 1000),
      },
      timeZone,
    );
  }
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if ("richText" in raw) return raw.richText.map((t) => t.text).join("");
  if ("hyperlink" in raw) return String(raw.text);
  if ("error" in raw) return String(raw.error);
  if ("result" in raw && raw.result !== undefined) return plainValue(raw.result as ExcelJS.CellValue, timeZone);
  return String(raw);
}
