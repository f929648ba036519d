/**
 * A correction: a form response whose "Correcting Entry ID" names an entry. It replaces that
 * entry's reported fields in place; Entry ID, Entered At (so the month it belongs to), Source and
 * Instructor Email stay. Refused, with the reason the instructor reads in their receipt, when the
 * entry is gone, was reported by someone else, or something already left the building for it (its
 * notice or its badge): the report keeps such a row as it was sent (domain/report.ts isActedOn),
 * so a silent change would never reach the student.
 *
 * The caller holds the script lock.
 */

import { isValidDate } from "../domain/dates";
import { monthOfReportSheet } from "../domain/month";
import { isActedOn } from "../domain/report";
import { BADGE_STATUS, NOTICE_STATUS } from "../domain/words";
import { reportRowOf } from "../workbook/records";
import { LEDGER, reportSchema } from "../workbook/schemas";
import { findRowsByEntryId, readTable, requireSheet } from "../workbook/table";
import { writeCells } from "../workbook/write";
import { ENTRIES_BOOK, REPORTED_IN } from "./entries-sheet";
import type { ResponseEntry } from "./form-responses";
import { writeLog } from "./log";
import type { Cell, Services } from "./ports";
import { buildMonthlyReport } from "./report";

/** The fields a correction replaces: everything the instructor typed into the form. */
export const CORRECTED_FIELDS = [
  "Student First Name",
  "Student Last Name",
  "Student Email",
  "Credential",
  "Date Earned",
  "Program",
  "Site",
  "Instructor Name",
] as const;

export interface CorrectionOutcome {
  entryId: string;
  corrected: boolean;
  /** Why it was refused, in the instructor's words ("" when corrected). */
  reason: string;
  /** What changed, e.g. `Student Email "ben@tulsatech.c0m" → "ben@tulsatech.org"`. */
  changes: string[];
  /** The report tab rebuilt so the fixed entry's decision follows ("" when it is in none yet). */
  rebuilt: string;
}

function shown(services: Services, value: Cell): string {
  if (isValidDate(value)) return services.formatDate(value, services.workbook.timeZone(), "yyyy-MM-dd");
  return String(value).trim();
}

/** Why the entry can no longer be corrected by its instructor, or "" when it can. */
function actedOnReason(services: Services, entryId: string, reportedIn: string): string {
  const ledger = readTable(requireSheet(services.workbook, LEDGER.sheet), LEDGER);
  if (ledger.rows.some((row) => String(row.get("Entry ID")).trim() === entryId)) {
    return `entry ${entryId} is already badged, so it cannot be changed. If the badge is wrong, ask the badging specialist.`;
  }
  const month = monthOfReportSheet(reportedIn);
  const tab = month ? services.workbook.sheet(reportedIn) : null;
  if (!month || !tab) return "";
  const row = findRowsByEntryId(readTable(tab, reportSchema(month)), [entryId]).get(entryId);
  if (!row) return "";
  const report = reportRowOf(row);
  if (!isActedOn(report)) return "";
  const badge = String(report["Badge Status"]);
  if (badge === BADGE_STATUS.issued || String(report["Credly Badge ID"]).trim() !== "") {
    return `entry ${entryId} is already badged, so it cannot be changed. If the badge is wrong, ask the badging specialist.`;
  }
  if (badge === BADGE_STATUS.issuing) {
    return `entry ${entryId}'s badge is being issued right now, so it cannot be changed. Ask the badging specialist.`;
  }
  const notice = String(report["Notice Status"]);
  if (notice === NOTICE_STATUS.sent || notice === NOTICE_STATUS.sending) {
    return `the student has already been e-mailed about entry ${entryId} with the earlier details, so it cannot be changed here. Ask the badging specialist.`;
  }
  return "";
}

function refused(entryId: string, reason: string): CorrectionOutcome {
  return { entryId, corrected: false, reason, changes: [], rebuilt: "" };
}

/**
 * Applies the correction `response` (its `correcting` names the entry) sent by `respondent`.
 * Logs both versions of the fields it changed (addresses masked by writeLog), or the refusal.
 */
export function applyCorrection(services: Services, response: ResponseEntry): CorrectionOutcome {
  const entryId = response.correcting;
  const respondent = String(response.values["Instructor Email"] ?? "")
    .trim()
    .toLowerCase();
  const outcome = correct(services, response, entryId, respondent);
  writeLog(services, {
    action: "Correct entry",
    counts: { entry: entryId },
    outcome: outcome.corrected
      ? `Corrected by ${respondent}: ${outcome.changes.join("; ") || "nothing changed"}${outcome.rebuilt ? `; ${outcome.rebuilt} rebuilt` : ""}`
      : `Refused for ${respondent}: ${outcome.reason}`,
  });
  return outcome;
}

function correct(services: Services, response: ResponseEntry, entryId: string, respondent: string): CorrectionOutcome {
  const sheet = requireSheet(services.workbook, ENTRIES_BOOK.sheet);
  const entries = readTable(sheet, ENTRIES_BOOK);
  const row = findRowsByEntryId(entries, [entryId]).get(entryId);
  if (!row) {
    return refused(
      entryId,
      `there is no entry ${entryId} (it may have been removed). Send the student as a new entry, leaving "Correcting Entry ID" blank.`,
    );
  }
  const owner = String(row.get("Instructor Email")).trim().toLowerCase();
  if (owner !== "" && owner !== respondent) {
    return refused(entryId, `entry ${entryId} was reported by another instructor; only they can correct it.`);
  }
  const reportedIn = String(row.get(REPORTED_IN)).trim();
  const reason = actedOnReason(services, entryId, reportedIn);
  if (reason) return refused(entryId, reason);

  const values: Partial<Record<string, Cell>> = {};
  const changes: string[] = [];
  for (const field of CORRECTED_FIELDS) {
    const before = shown(services, row.get(field));
    const after = shown(services, response.values[field] ?? "");
    if (before === after) continue;
    values[field] = response.values[field];
    changes.push(`${field} "${before}" → "${after}"`);
  }
  writeCells(sheet, entries, [{ rowNumber: row.rowNumber, values }]);
  const month = monthOfReportSheet(reportedIn);
  let rebuilt = "";
  if (month && changes.length > 0 && services.workbook.sheet(reportedIn)) {
    services.workbook.flush();
    rebuilt = buildMonthlyReport(services, { month }).sheet;
  }
  return { entryId, corrected: true, reason: "", changes, rebuilt };
}
