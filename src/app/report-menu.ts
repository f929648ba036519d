/**
 * "Build monthly report…" from the menu: ask the month (default the prior one), reconcile intake
 * first (a missed form response must be in the report), build, and offer to pull in the backlog.
 */

import { priorMonth } from "../domain/month";
import { reconcileIntake } from "./intake";
import type { Services } from "./ports";
import { buildMonthlyReport, type ReportResult } from "./report";
import { requireWorkLock } from "./work-lock";

/** The questions the menu asks, answered by the person (SpreadsheetApp's prompt and alert). */
export interface Ask {
  /** The typed text, or null when the person cancels. */
  text(title: string, prompt: string): string | null;
  yes(title: string, prompt: string): boolean;
}

const TITLE = "Build monthly report";

export function buildReportFromMenu(services: Services, ask: Ask): ReportResult | null {
  const suggested = priorMonth(services.clock.now(), services.workbook.timeZone(), services.formatDate);
  const typed = ask.text(TITLE, `Which month? Type it as yyyy-MM, or leave it blank for ${suggested}.`);
  if (typed === null) return null;
  const month = typed.trim() || suggested;
  return requireWorkLock(services, `${services.users.active() || "someone"} from the menu`, () => {
    reconcileIntake(services);
    let result = buildMonthlyReport(services, { month });
    if (result.backlog > 0) {
      const pull = ask.yes(
        TITLE,
        `${result.backlog} entries from earlier months appear in no report (listed in the summary of ` +
          `${result.sheet}). Pull them into this report?`,
      );
      if (pull) result = buildMonthlyReport(services, { month, includeBacklog: true });
    }
    return result;
  });
}
