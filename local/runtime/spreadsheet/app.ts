import { emulate } from "../execution";
import { conditionalRuleBuilder, validationBuilder } from "./builders";
import { type Ctx, fail, sheetOf } from "./context";
import { BorderStyle, DataValidationCriteria, ProtectionType } from "./enums";
import { makeUi } from "./ui";

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * SpreadsheetApp for a script bound to one spreadsheet. getUi works in AuthMode.NONE (an add-on's
 * onOpen builds its menu before authorisation); anything that opens the document needs LIMITED,
 * as Google's authorization-modes table says for bound scripts.
 */
export function makeSpreadsheetApp(ctx: Ctx): SpreadsheetApp {
  const document = (member: string) => {
    if (ctx.exec.authMode === "NONE") {
      fail(
        ctx,
        `You do not have permission to call SpreadsheetApp.${member}. This function runs in AuthMode.NONE and needs full authorization.`,
      );
    }
  };
  const impl: Pick<
    SpreadsheetApp,
    | "ProtectionType"
    | "DataValidationCriteria"
    | "BorderStyle"
    | "getActive"
    | "getActiveSpreadsheet"
    | "getActiveSheet"
    | "getActiveRange"
    | "setActiveSheet"
    | "openById"
    | "flush"
    | "getUi"
    | "newDataValidation"
    | "newConditionalFormatRule"
  > = {
    ProtectionType,
    DataValidationCriteria,
    BorderStyle,
    getActive() {
      document("getActive");
      ctx.session.open();
      return ctx.spreadsheet();
    },
    getActiveSpreadsheet() {
      document("getActiveSpreadsheet");
      ctx.session.open();
      return ctx.spreadsheet();
    },
    getActiveSheet() {
      document("getActiveSheet");
      ctx.session.other();
      return ctx.sheet(ctx.model.activeSheet());
    },
    getActiveRange() {
      document("getActiveRange");
      ctx.session.other();
      const active = ctx.model.activeRange();
      return ctx.range(active.sheet, active.range);
    },
    setActiveSheet(handle: GoogleAppsScript.Spreadsheet.Sheet) {
      document("setActiveSheet");
      ctx.session.other();
      ctx.model.activeSheetId = sheetOf(ctx, handle).id;
      return handle;
    },
    // The manifest's spreadsheets.currentonly scope reaches only the bound spreadsheet.
    openById(id: string) {
      document("openById");
      ctx.session.open();
      if (id !== ctx.model.id)
        fail(ctx, `Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
      return ctx.spreadsheet();
    },
    flush() {
      document("flush");
      ctx.session.flush();
    },
    getUi() {
      // Google: a trigger's run has no user interface to show a dialog in.
      if (ctx.exec.origin === "trigger") fail(ctx, "Cannot call SpreadsheetApp.getUi() from this context.");
      return makeUi(ctx);
    },
    newDataValidation: () => validationBuilder(ctx),
    newConditionalFormatRule: () => conditionalRuleBuilder(ctx),
  };
  return emulate(ctx.exec, "SpreadsheetApp", impl as SpreadsheetApp, "NONE");
}
