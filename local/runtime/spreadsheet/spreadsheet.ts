import { emulate } from "../execution";
import { parseA1, splitSheetName } from "./a1";
import { type Ctx, checkedGrid, fail, guard, type Spreadsheet, sheetOf } from "./context";

type SpreadsheetApi = Pick<
  Spreadsheet,
  | "getId"
  | "getUrl"
  | "getName"
  | "rename"
  | "getSpreadsheetTimeZone"
  | "setSpreadsheetTimeZone"
  | "getSpreadsheetLocale"
  | "getSheetByName"
  | "getSheetById"
  | "getSheets"
  | "getNumSheets"
  | "insertSheet"
  | "deleteSheet"
  | "getRange"
  | "toast"
  | "getFormUrl"
  | "getActiveSheet"
  | "setActiveSheet"
  | "getActiveRange"
>;

export function makeSpreadsheet(ctx: Ctx): Spreadsheet {
  const { session, model } = ctx;
  const impl: SpreadsheetApi = {
    getId: () => {
      session.other();
      return model.id;
    },
    getUrl: () => {
      session.other();
      return model.url;
    },
    getName: () => {
      session.other();
      return model.name;
    },
    rename(name: string) {
      session.format();
      model.name = name;
    },
    getSpreadsheetTimeZone: () => {
      session.other();
      return model.timeZone;
    },
    setSpreadsheetTimeZone(timeZone: string) {
      session.format();
      model.timeZone = timeZone;
    },
    getSpreadsheetLocale: () => {
      session.other();
      return model.locale;
    },
    getSheetByName(name: string) {
      session.other();
      // Case-insensitive, as in Sheets (S: Stack Overflow reports); an exact match wins.
      const sheet = model.sheet(name) ?? model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      return sheet ? ctx.sheet(sheet) : null;
    },
    getSheetById(id: number) {
      session.other();
      const sheet = model.sheets.find((s) => s.id === id);
      return sheet ? ctx.sheet(sheet) : null;
    },
    getSheets: () => {
      session.other();
      return ctx.realm.Array.from(model.sheets, (s) => ctx.sheet(s));
    },
    getNumSheets: () => {
      session.other();
      return model.sheets.length;
    },
    // insertSheet(), (index), (name), (name, index): the index is 0-based; the new sheet becomes active.
    insertSheet(a?: unknown, b?: unknown) {
      session.shape();
      const name = typeof a === "string" ? a : nextSheetName(ctx);
      const index = typeof a === "number" ? a : typeof b === "number" ? b : model.sheets.length;
      const sheet = guard(ctx, () => model.insertSheet(name, Math.min(index, model.sheets.length)));
      model.activeSheetId = sheet.id;
      return ctx.sheet(sheet);
    },
    deleteSheet(handle: GoogleAppsScript.Spreadsheet.Sheet) {
      session.shape();
      const sheet = sheetOf(ctx, handle);
      guard(ctx, () => model.deleteSheet(sheet.name));
    },
    // "Sheet!A1:B2", or A1 on the active sheet.
    getRange(reference: string) {
      session.other();
      const { sheet: name, a1 } = splitSheetName(reference);
      const sheet = name === undefined ? model.activeSheet() : model.sheet(name);
      if (!sheet) fail(ctx, "Range not found");
      const grid = parseA1(a1, sheet.maxRows, sheet.maxColumns) ?? fail(ctx, "Range not found");
      return ctx.range(sheet, checkedGrid(ctx, sheet, grid.row, grid.column, grid.numRows, grid.numColumns));
    },
    toast(message: string, title = "", timeoutSeconds: number | null = 5) {
      session.other();
      model.ui.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
    },
    getFormUrl: () => {
      session.other();
      return model.formUrl;
    },
    getActiveSheet: () => {
      session.other();
      return ctx.sheet(model.activeSheet());
    },
    setActiveSheet(handle: GoogleAppsScript.Spreadsheet.Sheet) {
      session.other();
      model.activeSheetId = sheetOf(ctx, handle).id;
      return handle;
    },
    getActiveRange: () => {
      session.other();
      const active = model.activeRange();
      return ctx.range(active.sheet, active.range);
    },
  };
  return emulate(ctx.exec, "Spreadsheet", impl, "LIMITED") as unknown as Spreadsheet;
}

function nextSheetName(ctx: Ctx): string {
  for (let n = ctx.model.sheets.length + 1; ; n++) {
    if (!ctx.model.sheet(`Sheet${n}`)) return `Sheet${n}`;
  }
}
