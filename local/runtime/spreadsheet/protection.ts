import { emulate } from "../execution";
import type { Ctx } from "./context";
import { ProtectionType } from "./enums";
import type { ProtectionRecord, SheetModel } from "./model";

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A protected range or sheet. The runner owns the file, so it can always edit (canEdit is true). */
export function protection(ctx: Ctx, sheet: SheetModel, record: ProtectionRecord): Protection {
  const impl: Pick<
    Protection,
    | "setDescription"
    | "getDescription"
    | "setWarningOnly"
    | "isWarningOnly"
    | "remove"
    | "getRange"
    | "getProtectionType"
    | "canEdit"
  > = {
    setDescription(description: string) {
      ctx.session.format();
      record.description = description;
      return handle;
    },
    getDescription: () => {
      ctx.session.other();
      return record.description;
    },
    setWarningOnly(warningOnly: boolean) {
      ctx.session.format();
      record.warningOnly = warningOnly;
      return handle;
    },
    isWarningOnly: () => {
      ctx.session.other();
      return record.warningOnly;
    },
    remove() {
      ctx.session.format();
      const at = sheet.protections.indexOf(record);
      if (at >= 0) sheet.protections.splice(at, 1);
    },
    getRange: () => {
      ctx.session.other();
      return ctx.range(sheet, record.range);
    },
    getProtectionType: () => ProtectionType[record.type],
    canEdit: () => true,
  };
  const handle = emulate(ctx.exec, "Protection", impl, "LIMITED") as unknown as Protection;
  return handle;
}
