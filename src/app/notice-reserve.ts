/**
 * Students' notices come first: instructors' receipts and digests share the daily mail quota with
 * them (one quota per account: apps-script.md), so they only take what the notices still owed
 * today leave over.
 */

import { addMonths, priorMonth, reportSheetName } from "../domain/month";
import { DECISION, NOTICE_STATUS } from "../domain/words";
import { readTable, reportRowOf, reportSchema } from "../workbook";
import { loadCycle } from "./cycle-store";
import { CONTINUATION_KEY } from "./notice-run";
import type { Services } from "./ports";
import type { Settings } from "./settings";

/** The cycle phases before its notices are all out. */
const BEFORE_NOTICES_DONE = new Set(["intake", "report", "notices"]);

/**
 * Report rows still waiting for their notice, counted as messages (an overestimate: a student with
 * two credentials gets one): in the months whose notices are under way (the cycle's, and a menu
 * run's continuing on its own), and in the recent report tabs a person built but has not sent yet.
 * Null when an under-way month's report is not built yet, so what it will owe is unknown.
 */
export function noticesOwed(services: Services, settings: Settings): number | null {
  const timeZone = services.workbook.timeZone();
  const prior = priorMonth(services.clock.now(), timeZone, services.formatDate);
  const recent = [prior, addMonths(prior, -1)].filter((m) => services.workbook.sheet(reportSheetName(m)));
  const months = new Set<string>(recent);
  const cycle = loadCycle(services.scriptProperties);
  if (cycle && cycle.stopped === "" && BEFORE_NOTICES_DONE.has(cycle.phase)) months.add(cycle.month);
  const continuing = services.scriptProperties.get(CONTINUATION_KEY);
  if (continuing) months.add((JSON.parse(continuing) as { month: string }).month);
  const messaged: string[] = settings.vendorNoteEnabled ? [DECISION.badge, DECISION.vendorBadge] : [DECISION.badge];
  let owed = 0;
  for (const month of months) {
    const tab = services.workbook.sheet(reportSheetName(month));
    if (!tab) return null;
    for (const row of readTable(tab, reportSchema(month)).rows.map(reportRowOf)) {
      const status = String(row["Notice Status"]);
      const waiting = status === NOTICE_STATUS.none || status === NOTICE_STATUS.failed;
      if (messaged.includes(String(row.Decision)) && waiting) owed += 1;
    }
  }
  return owed;
}
