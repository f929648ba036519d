import type { Execution } from "../execution";
import { emulate } from "../execution";
import { registerServices } from "../runtime";
import { makeSpreadsheetApp } from "./app";
import type { Ctx } from "./context";
import { ChartType } from "./enums";
import { spreadsheetOf } from "./model";
import { makeRange } from "./range";
import { SheetSession } from "./session";
import { makeSheet } from "./sheet";
import { makeSpreadsheet } from "./spreadsheet";

const sessions = new WeakMap<Execution, SheetSession>();
const hooked = new WeakSet<object>();

/**
 * SpreadsheetApp and Charts for every execution, over the runtime's one persistent spreadsheet.
 * At the end of an execution pending writes are committed (and paid), or undone when it was killed.
 */
registerServices((exec, runtime, realm) => {
  if (!hooked.has(runtime)) {
    hooked.add(runtime);
    runtime.endHooks.push((ended, record) => {
      const session = sessions.get(ended);
      if (!session) return;
      if (record.killed) session.discard();
      else session.commit();
    });
  }
  const model = spreadsheetOf(runtime);
  const session = new SheetSession(exec, model);
  sessions.set(exec, session);
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  const ctx: Ctx = {
    exec,
    realm,
    model,
    session,
    spreadsheet: () => {
      spreadsheet ??= makeSpreadsheet(ctx);
      return spreadsheet;
    },
    sheet: (sheet) => makeSheet(ctx, sheet),
    range: (sheet, grid) => makeRange(ctx, sheet, grid),
  };
  const charts: Pick<typeof Charts, "ChartType"> = { ChartType };
  return {
    SpreadsheetApp: makeSpreadsheetApp(ctx),
    Charts: emulate(exec, "Charts", charts, "NONE"),
  };
});

export { type GridRange, parseA1, toA1 } from "./a1";
export type { Cell, CellValue, ValidationRule } from "./cells";
export { displayText, formatDate } from "./display";
export type {
  ButtonName,
  ChartRecord,
  ConditionalRuleRecord,
  DialogRecord,
  MenuItemRecord,
  MenuRecord,
  ProtectionRecord,
  SpreadsheetOptions,
  UiAnswer,
  UiRecord,
} from "./model";
export { SheetModel, SpreadsheetModel, spreadsheetOf, useWorkbook } from "./model";
export { fromWallClock, wallClock } from "./zone";
