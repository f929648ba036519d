import { type Execution, ExecutionKilled } from "../execution";
import type { Realm } from "../runtime";
import type { GridRange } from "./a1";
import type { SheetModel, SpreadsheetModel } from "./model";
import type { SheetSession } from "./session";

export type Range = GoogleAppsScript.Spreadsheet.Range;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What every emulated spreadsheet object of one execution shares. */
export interface Ctx {
  exec: Execution;
  realm: Realm;
  model: SpreadsheetModel;
  session: SheetSession;
  spreadsheet(): Spreadsheet;
  sheet(sheet: SheetModel): Sheet;
  range(sheet: SheetModel, grid: GridRange): Range;
}

/** An Error of the script's realm, so `e instanceof Error` and `e.message` behave as in Apps Script. */
export function fail(ctx: Ctx, message: string): never {
  throw ctx.exec.makeError(message);
}

/** Runs a model operation, turning its host Error into one of the script's realm. */
export function guard<T>(ctx: Ctx, action: () => T): T {
  try {
    return action();
  } catch (error) {
    // Host errors (the model's) are re-made in the script's realm; script-realm ones pass as they are.
    if (error instanceof Error && !(error instanceof ExecutionKilled)) fail(ctx, error.message);
    throw error;
  }
}

/** A 2-D array of the script's realm (so `instanceof Array` holds inside the script). */
export function scriptRows<T>(ctx: Ctx, rows: T[][]): T[][] {
  return ctx.realm.Array.from(rows, (r) => ctx.realm.Array.from(r)) as T[][];
}

/** The model behind each emulated object the script may hand back to us (a Range to addRange…). */
const sheetRefs = new WeakMap<object, SheetModel>();
const rangeRefs = new WeakMap<object, { sheet: SheetModel; grid: GridRange }>();

export function remember<T extends object>(handle: T, sheet: SheetModel, grid?: GridRange): T {
  if (grid) rangeRefs.set(handle, { sheet, grid });
  else sheetRefs.set(handle, sheet);
  return handle;
}

export function rangeOf(ctx: Ctx, handle: unknown): { sheet: SheetModel; grid: GridRange } {
  const ref = typeof handle === "object" && handle !== null ? rangeRefs.get(handle) : undefined;
  return ref ?? fail(ctx, "Invalid argument: range");
}

export function sheetOf(ctx: Ctx, handle: unknown): SheetModel {
  const ref = typeof handle === "object" && handle !== null ? sheetRefs.get(handle) : undefined;
  return ref ?? fail(ctx, "Invalid argument: sheet");
}

/** Google's checks on getRange(row, column, numRows, numColumns), then the sheet's bounds. */
export function checkedGrid(
  ctx: Ctx,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): GridRange {
  if (row < 1) fail(ctx, "The starting row of the range is too small.");
  if (column < 1) fail(ctx, "The starting column of the range is too small.");
  if (numRows < 1) fail(ctx, "The number of rows in the range must be at least 1.");
  if (numColumns < 1) fail(ctx, "The number of columns in the range must be at least 1.");
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    fail(ctx, "The coordinates of the range are outside the dimensions of the sheet.");
  }
  return { row, column, numRows, numColumns };
}
