import { type CycleState, describeCycle } from "../domain/cycle-state";
import { composeCycleSummary } from "../domain/cycle-summary";
import { escapeHtml } from "../domain/merge";
import { monthLabel, reportSheetName } from "../domain/month";
import { readTable, reportRowOf, reportSchema } from "../workbook";
import type { Services } from "./ports";
import type { Settings } from "./settings";

/** A saved ISO time as the specialist reads it: in the spreadsheet's zone. */
export function whenText(services: Pick<Services, "formatDate" | "workbook">): (iso: string) => string {
  return (iso) => services.formatDate(new Date(iso), services.workbook.timeZone(), "EEE d MMM yyyy, h:mm a");
}

/** Who hears about the cycle: the specialist in Settings, else the account the run belongs to. */
export function specialistOf(services: Pick<Services, "users">, settings: Settings): string {
  return settings.specialistEmail.trim() || services.users.effective();
}

/** The month's summary, counted from its report tab (one read), with a link to the tab. */
export function sendCycleSummary(services: Services, settings: Settings, state: CycleState): void {
  const name = reportSheetName(state.month);
  const sheet = services.workbook.sheet(name);
  const rows = sheet ? readTable(sheet, reportSchema(state.month)).rows.map(reportRowOf) : [];
  const message = composeCycleSummary({
    month: state.month,
    rows,
    reportUrl: sheet ? services.workbook.sheetUrl(name) : services.workbook.url(),
    slices: state.slices,
    startedAt: state.startedAt,
  });
  services.mailer.send({ to: specialistOf(services, settings), ...message, name: settings.senderName });
}

/**
 * The cycle stopped and needs a person. Best effort: with the mail quota spent this cannot go
 * either, and the Log and the progress view already say the same.
 */
export function tellCycleStopped(services: Services, settings: Settings, state: CycleState): string {
  const label = monthLabel(state.month);
  const textBody = [
    `BadgeDesk stopped the monthly cycle for ${label}.`,
    "",
    state.stopped,
    "",
    `Where it stands: ${describeCycle(state, whenText(services))}`,
    "",
    "Fix the cause, then choose BadgeDesk → Run the cycle now… to go on from there.",
  ].join("\n");
  try {
    services.mailer.send({
      to: specialistOf(services, settings),
      subject: `BadgeDesk: the cycle for ${label} stopped and needs you`,
      textBody,
      htmlBody: textBody.split("\n").map(escapeHtml).join("<br>"),
      name: settings.senderName,
    });
    return "";
  } catch (error) {
    return `The stop notice could not be e-mailed: ${(error as Error).message}`;
  }
}
