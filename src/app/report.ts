/**
 * Build monthly report: the tab "Badges yyyy-MM" of every entry *entered* in the month (in the
 * spreadsheet's zone, so DST-safe: the month's bounds come from the zone's own formatter), each with its
 * Decision and Reason. Rebuilding refreshes the decisions of rows not yet acted on and keeps every
 * progress column, matched by Entry ID (domain/report.ts buildReport), however the tab was sorted.
 *
 * Reads, one each: Entries, Credentials, Ledger, this month's tab, and the tabs of the
 * EARLIER_MONTHS months before it. "Already badged by an earlier report" needs the earlier reports'
 * Badge rows that are not in the Ledger yet, i.e. badges still on their way: notices wait a few
 * days, then the badges go, within the following month. Older months' badges are in the Ledger
 * (or were never issued, and then Credly itself refuses a second badge of a template for the same
 * earner: credly-api.md). Reading every earlier tab would grow by one read a month.
 *
 * The backlog — earlier entries in no report — comes from Entries' own "Reported In" column, which
 * this build fills for every row of the tab: no earlier tab has to be read to find it.
 */

import { catalogOf } from "../domain/catalog";
import { isValidDate } from "../domain/dates";
import { badgeKey, type Decision, decideMonth } from "../domain/decide";
import { type Entry, readEntry, studentName } from "../domain/entry";
import { addMonths, priorMonth, reportSheetName } from "../domain/month";
import { monthBounds } from "../domain/month-bounds";
import { buildReport, isActedOn, type ReportRow } from "../domain/report";
import { DECISION, DECISIONS, type DecisionWord } from "../domain/words";
import { credentialOf, ledgerKeysOf, rawEntryOf, reportRowOf } from "../workbook/records";
import { CREDENTIALS, ENTRIES, LEDGER, reportSchema } from "../workbook/schemas";
import { findRowsByEntryId, readTable, requireSheet, type Table, type TableRow } from "../workbook/table";
import { type CellUpdate, writeCells } from "../workbook/write";
import { requestDashboardRebuild } from "./dashboard";
import { ENTRIES_BOOK, REPORTED_IN } from "./entries-sheet";
import { writeLog } from "./log";
import type { Services, SheetPort } from "./ports";
import { type BacklogLine, writeReportTab } from "./report-sheet";

/** How many months before the report's month are read for badges still on their way. */
export const EARLIER_MONTHS = 2;

export interface ReportOptions {
  /** "yyyy-MM"; default the month before today's (spreadsheet zone). */
  month?: string;
  /** Pull the backlog (earlier entries in no report) into this report. */
  includeBacklog?: boolean;
}

export interface ReportResult {
  month: string;
  sheet: string;
  total: number;
  counts: Record<DecisionWord, number>;
  /** Earlier entries still in no report (0 once pulled in). */
  backlog: number;
  /** Earlier entries pulled into this report, in this build or an earlier one. */
  pulledIn: number;
  /** Rows whose previous row (by Entry ID) was carried over: progress kept. */
  kept: number;
  /** Things a person should look at (a shared Entry ID, rows not stamped yet). */
  problems: string[];
  message: string;
}

interface Candidate {
  row: TableRow;
  entry: Entry;
}

function readPrevious(sheet: SheetPort | null, month: string): Table | null {
  if (!sheet || sheet.lastRow() === 0) return null;
  return readTable(sheet, reportSchema(month));
}

/** badgeKey()s of the Badge rows of the earlier months' tabs. */
function earlierBadgeKeys(services: Services, month: string, catalog: ReturnType<typeof catalogOf>): Set<string> {
  const keys = new Set<string>();
  for (let k = 1; k <= EARLIER_MONTHS; k++) {
    const earlier = addMonths(month, -k);
    const table = readPrevious(services.workbook.sheet(reportSheetName(earlier)), earlier);
    for (const row of table?.rows ?? []) {
      if (row.get("Decision") !== DECISION.badge) continue;
      const credential = catalog.find(String(row.get("Credential")));
      const email = String(row.get("Student Email"));
      if (credential?.templateId && email.trim()) keys.add(badgeKey(email, credential.templateId));
    }
  }
  return keys;
}

function sharedIds(candidates: readonly Candidate[]): string[] {
  const rowsById = new Map<string, number[]>();
  for (const { entry, row } of candidates) {
    rowsById.set(entry.entryId, [...(rowsById.get(entry.entryId) ?? []), row.rowNumber]);
  }
  return Array.from(rowsById)
    .filter(([, rows]) => rows.length > 1)
    .map(
      ([id, rows]) =>
        `Entries rows ${rows.join(", ")} share Entry ID ${id} (a copied row?): only row ${rows[0]} is reported. ` +
        "Clear the Entry ID and Entered At of the copy and reconcile.",
    );
}

/**
 * A Badge row that was deleted from the tab and comes back on a rebuild: whether its notice went
 * is not known any more, so it is surfaced like a row a killed run left `Sending` — for a person
 * to check — never sent blindly a second time. (Its badge is safe: the Ledger remembers it.)
 */
function surfacePutBack(row: ReportRow): ReportRow {
  if (row.Decision !== "Badge" || row["Notice Status"] !== "") return row;
  return {
    ...row,
    "Notice Status": "Sending",
    "Last Error":
      "This row had been deleted from the tab and was put back: its notice may already have gone. Check the sender's Sent mail, then set Notice Status to Sent, or clear it to send.",
  };
}

/** Builds or rebuilds the month's report tab (see the file comment). The caller holds the script lock. */
export function buildMonthlyReport(services: Services, options: ReportOptions = {}): ReportResult {
  const { workbook, formatDate } = services;
  const timeZone = workbook.timeZone();
  const now = services.clock.now();
  const month = options.month ?? priorMonth(now, timeZone, formatDate);
  const sheetName = reportSheetName(month);

  const entriesSheet = requireSheet(workbook, ENTRIES.sheet);
  const entries = readTable(entriesSheet, ENTRIES_BOOK);
  const catalog = catalogOf(readTable(requireSheet(workbook, CREDENTIALS.sheet), CREDENTIALS).rows.map(credentialOf));
  const ledgerKeys = ledgerKeysOf(readTable(requireSheet(workbook, LEDGER.sheet), LEDGER).rows);
  const tab = workbook.sheet(sheetName);
  const previousTable = readPrevious(tab, month);
  const previous = new Map<string, ReportRow>();
  if (previousTable) for (const [id, row] of findRowsByEntryId(previousTable)) previous.set(id, reportRowOf(row));
  const earlierKeys = earlierBadgeKeys(services, month, catalog);

  // Stamps are compared with the month's bounds as numbers; only the rows that belong here are
  // read as entries (readEntry formats dates: a service call each, too many for 100,000 rows).
  const { start, end } = monthBounds(month, timeZone, formatDate);
  const inMonth: Candidate[] = [];
  const backlog: Candidate[] = [];
  let pulledIn = 0;
  let unstamped = 0;
  /** Entries this tab held before whose rows a person deleted: their progress went with the row. */
  const putBack = new Set<string>();
  const candidate = (row: TableRow): Candidate => ({ row, entry: readEntry(rawEntryOf(row), timeZone, formatDate) });
  for (const row of entries.rows) {
    const id = String(row.get("Entry ID")).trim();
    const stamp = row.get("Entered At");
    if (id === "" || !isValidDate(stamp)) {
      unstamped += 1;
      continue;
    }
    const where = String(row.get(REPORTED_IN)).trim();
    const t = stamp.getTime();
    const thisMonth = t >= start.getTime() && t < end.getTime();
    if (previous.has(id)) {
      inMonth.push(candidate(row));
      if (!thisMonth) pulledIn += 1;
    } else if (thisMonth && (where === "" || where === sheetName)) {
      inMonth.push(candidate(row));
      if (previousTable && where === sheetName) putBack.add(id);
    } else if (t < start.getTime() && where === "") backlog.push(candidate(row));
  }
  if (options.includeBacklog) {
    inMonth.push(...backlog);
    pulledIn += backlog.length;
    backlog.length = 0;
  }

  const kept = new Map<string, Decision>();
  for (const [id, row] of previous) {
    if (isActedOn(row)) kept.set(id, { decision: row.Decision as DecisionWord, reason: String(row.Reason) });
  }
  const monthEntries = inMonth.map((c) => c.entry);
  const today = formatDate(now, timeZone, "yyyy-MM-dd");
  const decisions = decideMonth(monthEntries, { catalog, ledgerKeys, earlierKeys, today, kept });
  const rows = buildReport(monthEntries, previous, decisions, catalog).map((row) =>
    putBack.has(String(row["Entry ID"])) ? surfacePutBack(row) : row,
  );

  markReportedIn(entriesSheet, entries, rows, sheetName);
  const backlogLines: BacklogLine[] = backlog.map(({ entry }) => ({
    entryId: entry.entryId,
    enteredAt: entry.enteredAt as Date,
    student: studentName(entry),
    credential: entry.credential,
    site: entry.site,
  }));
  writeReportTab(tab ?? workbook.insertSheet(sheetName), month, rows, backlogLines, pulledIn);
  workbook.flush();

  const counts = Object.fromEntries(DECISIONS.map((d) => [d, rows.filter((r) => r.Decision === d).length])) as Record<
    DecisionWord,
    number
  >;
  const problems = sharedIds(inMonth);
  if (unstamped > 0) {
    problems.push(`${unstamped} Entries rows have no Entry ID or Entered At yet: reconcile stamps them.`);
  }
  const result: ReportResult = {
    month,
    sheet: sheetName,
    total: rows.length,
    counts,
    backlog: backlog.length,
    pulledIn,
    kept: rows.filter((r) => previous.has(String(r["Entry ID"]))).length,
    problems,
    message: "",
  };
  result.message = [
    `${sheetName}: ${rows.length} entries — ${DECISIONS.map((d) => `${d} ${counts[d]}`).join(", ")}.`,
    backlog.length ? `${backlog.length} earlier entries appear in no report (listed in the summary).` : "",
    pulledIn ? `${pulledIn} earlier entries are in this report.` : "",
    ...problems,
  ]
    .filter((line) => line !== "")
    .join("\n");
  requestDashboardRebuild(services);
  writeLog(services, {
    action: "Build monthly report",
    counts: { entries: rows.length, ...counts, backlog: backlog.length, kept: result.kept },
    outcome: problems.length ? `${sheetName}; ${problems.join(" ")}` : sheetName,
  });
  return result;
}

/**
 * Fills Entries' "Reported In" for the tab's rows (blocks of adjacent rows: writeCells), adding the
 * column to an Entries sheet made before it existed.
 */
function markReportedIn(sheet: SheetPort, entries: Table, rows: readonly ReportRow[], sheetName: string): void {
  if (!entries.columns.has(REPORTED_IN)) {
    const column = Math.max(sheet.lastColumn(), ...entries.columns.values()) + 1;
    sheet.write(entries.headerRow, column, [[REPORTED_IN]]);
    entries.columns.set(REPORTED_IN, column);
  }
  const byId = findRowsByEntryId(entries);
  const updates: CellUpdate[] = [];
  for (const row of rows) {
    const entryRow = byId.get(String(row["Entry ID"]));
    if (entryRow && String(entryRow.get(REPORTED_IN)).trim() !== sheetName) {
      updates.push({ rowNumber: entryRow.rowNumber, values: { [REPORTED_IN]: sheetName } });
    }
  }
  writeCells(sheet, entries, updates);
}
