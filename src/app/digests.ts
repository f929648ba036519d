/**
 * The monthly Needs fix digest: once the month's report is built, each instructor with Needs fix
 * entries in it gets one message listing them with their correction links. Queued here, sent by
 * the receipts run (receipts.ts) with the quota the students' notices leave; an entry fixed before
 * its digest goes is left out, and an instructor with nothing left open gets nothing.
 */

import { monthLabel, priorMonth, reportSheetName } from "../domain/month";
import { DECISION } from "../domain/words";
import { readTable, reportRowOf, reportSchema } from "../workbook";
import { findRowsByEntryId, requireSheet } from "../workbook/table";
import { requireOperator } from "./access";
import { ENTRIES_BOOK } from "./entries-sheet";
import { writeLog } from "./log";
import type { Services } from "./ports";
import { RECEIPT_KIND, type ReceiptLine } from "./receipt-queue";
import { queueReceipts } from "./receipts";
import { loadSettings } from "./settings";

/** Months whose digest was queued (JSON list, the last MONTHS_KEPT): a rebuilt report queues none again. */
const DIGESTED_KEY = "badgedesk.digests.months";
const MONTHS_KEPT = 24;

export interface DigestResult {
  month: string;
  /** Instructors who will get a digest. */
  instructors: number;
  /** Needs fix entries listed in them. */
  entries: number;
  /** Needs fix entries with no instructor address to write to (typed or imported rows). */
  noAddress: number;
  /** True when this month's digest had been queued before: nothing was queued again. */
  already: boolean;
}

/**
 * Queues the Needs fix digests of `month` from its report tab (one read each of the tab and
 * Entries). The caller holds the script lock. Call it after the report is built.
 */
export function queueNeedsFixDigests(services: Services, options: { month: string; again?: boolean }): DigestResult {
  const { month } = options;
  const done: string[] = JSON.parse(services.scriptProperties.get(DIGESTED_KEY) ?? "[]");
  const result: DigestResult = { month, instructors: 0, entries: 0, noAddress: 0, already: done.includes(month) };
  if (result.already && !options.again) return result;
  const name = reportSheetName(month);
  const report = readTable(requireSheet(services.workbook, name), reportSchema(month)).rows.map(reportRowOf);
  const ids = report.filter((r) => r.Decision === DECISION.needsFix).map((r) => String(r["Entry ID"]).trim());
  const entries = findRowsByEntryId(readTable(requireSheet(services.workbook, ENTRIES_BOOK.sheet), ENTRIES_BOOK), ids);
  const lines: ReceiptLine[] = [];
  for (const id of ids) {
    const row = entries.get(id);
    const email = String(row?.get("Instructor Email") ?? "").trim();
    if (!row || !email.includes("@")) {
      result.noAddress += 1;
      continue;
    }
    lines.push({
      instructorEmail: email,
      instructorName: String(row.get("Instructor Name")),
      kind: RECEIPT_KIND.needsFix,
      entryId: id,
      details: month,
    });
  }
  queueReceipts(services, lines);
  const months = [...done.filter((m) => m !== month), month];
  services.scriptProperties.set(DIGESTED_KEY, JSON.stringify(months.slice(-MONTHS_KEPT)));
  result.instructors = new Set(lines.map((l) => l.instructorEmail.toLowerCase())).size;
  result.entries = lines.length;
  writeLog(services, {
    action: `Needs fix digests ${month}`,
    counts: { instructors: result.instructors, entries: result.entries, "no address": result.noAddress },
    outcome: lines.length
      ? "Queued: they go once the students' notices have their share of the mail quota."
      : "None needed.",
  });
  return result;
}

/**
 * "Send needs-fix digests…": the month's digests again, on purpose (operators only). The caller
 * holds the script lock. `month` blank means the prior month.
 */
export function needsFixDigestsFromMenu(services: Services, month: string): DigestResult & { message: string } {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "send needs-fix digests");
  const chosen = month || priorMonth(services.clock.now(), services.workbook.timeZone(), services.formatDate);
  if (!/^\d{4}-\d{2}$/.test(chosen)) throw new Error(`"${chosen}" is not a month: write it like 2026-10.`);
  const result = queueNeedsFixDigests(services, { month: chosen, again: true });
  const label = monthLabel(chosen);
  const message = result.entries
    ? `${label}: ${result.instructors} instructor(s) get a list of their ${result.entries} entries that need a fix, within a few minutes (students' notices go first).`
    : `${label}: no entry that needs a fix has an instructor to write to.`;
  return {
    ...result,
    message: result.noAddress ? `${message} ${result.noAddress} entries have no instructor e-mail.` : message,
  };
}
