/**
 * Intake: form responses and typed rows become Entries rows with an Entry ID and an Entered At.
 * - The form trigger appends the one response it was fired for.
 * - Reconcile (before every report, and from the menu) adds every response that has no entry yet
 *   (a trigger that failed or was disabled loses nothing), and stamps typed or imported rows that
 *   have no Entry ID or Entered At yet, with the time BadgeDesk first sees them (DESIGN.md).
 * Responses are matched to entries by their key in Source (timestamp + respondent), never by row.
 */

import { ENTRIES } from "../workbook/schemas";
import { readTable, requireSheet } from "../workbook/table";
import { type CellUpdate, writeCells } from "../workbook/write";
import { applyCorrection, type CorrectionOutcome } from "./corrections";
import { ENTRIES_BOOK, entriesHeader, entriesRow, newEntryId, TYPED_SOURCE } from "./entries-sheet";
import { RESPONSE_SHEET_KEY } from "./form";
import { type ResponseEntry, responseEntry, responseReader } from "./form-responses";
import { writeLog } from "./log";
import type { Cell, Services } from "./ports";
import { handledCorrections, RECEIPT_KIND, type ReceiptLine } from "./receipt-queue";
import { queueReceipts } from "./receipts";
import { loadSettings } from "./settings";
import { requireWorkLock } from "./work-lock";

/**
 * Keys reconcile added lately. The trigger of a response reconcile already added (it waited for
 * the lock while reconcile ran) finds its key here and adds nothing: reading all of Entries to
 * check would cost a form submission ~10 s at 100,000 rows (apps-script-costs.md).
 */
const RECENT_KEY = "badgedesk.intake.recent";
/** A trigger normally runs within seconds of the submission; an hour is ample. */
const RECENT_MS = 60 * 60 * 1000;
/** A response reconcile adds gets a receipt only if it is younger than this. */
const LATE_RECEIPT_MS = 7 * 24 * 60 * 60 * 1000;

export interface Submission {
  /** The response sheet's name (e.range's sheet). */
  sheet: string;
  /** The response row's cells, as e.range.getValues()[0] gives them (Timestamp a Date). */
  values: Cell[];
}

export interface SubmissionResult {
  added: boolean;
  /** The new entry's ID, or the one a correction named. */
  entryId: string;
  /** For a correction: whether it was applied (false: refused, the receipt says why). */
  corrected?: boolean;
}

/** The form trigger: one Entries row for the response (takes the script lock). */
export function recordFormSubmission(services: Services, submission: Submission): SubmissionResult {
  return requireWorkLock(services, "the instructor form", () => {
    const { workbook } = services;
    const header = requireSheet(workbook, submission.sheet).readTop(1)[0] ?? [];
    const read = responseReader(submission.sheet, header)(submission.values);
    const response = responseEntry(read);
    if (!response) throw new Error(`Sheet "${submission.sheet}": the submitted row has no Timestamp date.`);
    const recent: string[] = JSON.parse(services.scriptProperties.get(RECENT_KEY) ?? "[]");
    if (recent.includes(response.key)) return { added: false, entryId: "" };
    if (response.correcting) {
      const outcome = applyCorrection(services, response);
      queueReceipts(services, [correctionLine(response, outcome)]);
      return { added: false, entryId: outcome.entryId, corrected: outcome.corrected };
    }
    const entries = requireSheet(workbook, ENTRIES.sheet);
    const entryId = newEntryId(services.newId);
    entries.append([entriesRow(entriesHeader(entries), { "Entry ID": entryId, ...response.values })]);
    writeLog(services, { action: "Form response", counts: { entries: 1 }, outcome: `Added ${entryId}` });
    queueReceipts(services, [entryLine(response, entryId)]);
    return { added: true, entryId };
  });
}

function entryLine(response: ResponseEntry, entryId: string): ReceiptLine {
  return {
    instructorEmail: String(response.values["Instructor Email"]),
    instructorName: String(response.values["Instructor Name"]),
    kind: RECEIPT_KIND.entry,
    entryId,
    details: "",
    response: "",
  };
}

/** The correction's line: its Response key is how reconcile knows it was handled. */
function correctionLine(response: ResponseEntry, outcome: CorrectionOutcome): ReceiptLine {
  return {
    ...entryLine(response, outcome.entryId),
    kind: outcome.corrected ? RECEIPT_KIND.corrected : RECEIPT_KIND.refused,
    details: outcome.corrected ? outcome.changes.join("; ") : outcome.reason,
    response: response.key,
  };
}

export interface ReconcileResult {
  /** Form responses that had no entry (their trigger failed or never ran). */
  added: number;
  /** Correction responses whose trigger never ran, applied (or refused) now. */
  corrected: number;
  /** Typed or imported rows given an Entry ID and/or Entered At. */
  stamped: number;
  problems: string[];
}

/** The form's responses as entries, or a problem when the response sheet cannot be read. */
function formResponses(services: Services, problems: string[]): ResponseEntry[] {
  if (!loadSettings(services.scriptProperties).formId) return [];
  const name = services.scriptProperties.get(RESPONSE_SHEET_KEY) ?? "";
  const sheet = name ? services.workbook.sheet(name) : null;
  if (!sheet) {
    problems.push(
      `The instructor form's response sheet "${name}" is missing (renamed?): form responses were not checked. ` +
        "Give it back its name.",
    );
    return [];
  }
  const grid = sheet.readAll();
  if (grid.length === 0) return [];
  const reader = responseReader(name, grid[0]);
  const out: ResponseEntry[] = [];
  for (const values of grid.slice(1)) {
    const response = responseEntry(reader(values));
    if (response) out.push(response);
  }
  return out;
}

/**
 * The reconcile pass (see the file comment). The caller holds the script lock (the menu's entry
 * point and the monthly cycle take it), so the appends cannot interleave with a trigger's.
 */
export function reconcileIntake(services: Services): ReconcileResult {
  const { workbook } = services;
  const problems: string[] = [];
  const responses = formResponses(services, problems);
  const sheet = requireSheet(workbook, ENTRIES.sheet);
  const table = readTable(sheet, ENTRIES_BOOK);
  const now = services.clock.now();

  const stamps: CellUpdate[] = [];
  const sources = new Map<string, number>();
  for (const row of table.rows) {
    const source = String(row.get("Source")).trim();
    sources.set(source, (sources.get(source) ?? 0) + 1);
    const values: Partial<Record<string, Cell>> = {};
    if (String(row.get("Entry ID")).trim() === "") values["Entry ID"] = newEntryId(services.newId);
    if (row.get("Entered At") === "") values["Entered At"] = now;
    if (Object.keys(values).length === 0) continue;
    if (source === "") values.Source = TYPED_SOURCE;
    stamps.push({ rowNumber: row.rowNumber, values });
  }

  // Counted, not just looked up: two responses from one instructor in the same second both count.
  // A correction is no new entry: it is applied here only if its trigger never handled it.
  const missing: ResponseEntry[] = [];
  const corrections: ResponseEntry[] = [];
  const handled = responses.some((r) => r.correcting) ? handledCorrections(services) : new Set<string>();
  for (const response of responses) {
    if (response.correcting) {
      if (!handled.has(response.key)) corrections.push(response);
      continue;
    }
    const have = sources.get(response.key) ?? 0;
    if (have > 0) sources.set(response.key, have - 1);
    else missing.push(response);
  }

  writeCells(sheet, table, stamps);
  if (missing.length > 0) {
    const ids = missing.map(() => newEntryId(services.newId));
    sheet.append(missing.map((r, i) => entriesRow(table, { "Entry ID": ids[i], ...r.values })));
    // A receipt weeks late would puzzle more than help: only recent responses get one.
    const lines = missing.map((r, i) => ({ r, line: entryLine(r, ids[i]) }));
    queueReceipts(
      services,
      lines.filter(({ r }) => now.getTime() - r.timestamp.getTime() < LATE_RECEIPT_MS).map(({ line }) => line),
    );
  }
  for (const response of corrections) {
    services.workbook.flush();
    queueReceipts(services, [correctionLine(response, applyCorrection(services, response))]);
  }
  const done = [...missing, ...corrections];
  if (done.length > 0) {
    const recent = done.filter((r) => now.getTime() - r.timestamp.getTime() < RECENT_MS).map((r) => r.key);
    services.scriptProperties.set(RECENT_KEY, JSON.stringify(recent.slice(-100)));
  }
  const result = { added: missing.length, corrected: corrections.length, stamped: stamps.length, problems };
  writeLog(services, {
    action: "Reconcile entries",
    counts: {
      "responses added": result.added,
      "corrections applied": result.corrected,
      "rows stamped": result.stamped,
    },
    outcome: problems.length ? problems.join(" ") : "OK",
  });
  return result;
}
