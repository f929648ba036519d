/**
 * What the notices of a month come to, read from its report tab and Entries: who is owed a
 * message, which rows need none, and which rows an earlier run left Sending.
 */

import { type Entry, readEntry } from "../domain/entry";
import { reportSheetName } from "../domain/month";
import { groupNotices, type Notice } from "../domain/notices";
import type { ReportRow } from "../domain/report";
import { DECISION, NOTICE_STATUS } from "../domain/words";
import { rawEntryOf, reportRowOf } from "../workbook/records";
import { ENTRIES, reportSchema, type TableSchema } from "../workbook/schemas";
import { readTable, requireSheet } from "../workbook/table";
import type { TemplateKind } from "./notice-templates";
import type { Services, SheetPort } from "./ports";

export interface PlannedNotice extends Notice {
  kind: TemplateKind;
}

export interface MonthNotices {
  month: string;
  sheet: SheetPort;
  schema: TableSchema;
  /** Report rows by Entry ID, as read. */
  rows: Map<string, ReportRow>;
  /** Students to notify now, in report order. */
  due: PlannedNotice[];
  /** Due notices of students with a row left Sending: held until a person has checked (never two notices). */
  held: PlannedNotice[];
  /** Students with a row left Sending. */
  stuckStudents: number;
  /** Rows that need no notice and are not yet marked so. */
  notNeeded: string[];
  /** Rows an earlier run left Sending. */
  stuck: string[];
  /** Due rows whose entry is no longer in Entries: its name and language are gone with it. */
  orphaned: string[];
}

/** Rows that still wait for their notice: blank, or Failed last time (tried again). */
const DUE: readonly string[] = [NOTICE_STATUS.none, NOTICE_STATUS.failed];

function statusOf(row: ReportRow): string {
  return String(row["Notice Status"]).trim();
}

/** The entries behind the report's rows (Entries holds every month; only these are read closely). */
function entriesById(
  services: Pick<Services, "workbook" | "formatDate">,
  ids: ReadonlySet<string>,
): Map<string, Entry> {
  const timeZone = services.workbook.timeZone();
  const byId = new Map<string, Entry>();
  const table = readTable(requireSheet(services.workbook, ENTRIES.sheet), ENTRIES);
  for (const row of table.rows) {
    const id = String(row.get("Entry ID")).trim();
    if (!ids.has(id) || byId.has(id)) continue;
    byId.set(id, readEntry(rawEntryOf(row), timeZone, services.formatDate));
  }
  return byId;
}

/** Reads the report of `month` and Entries; `vendorNote` says whether Vendor badge rows get a note. */
export function monthNotices(
  services: Pick<Services, "workbook" | "formatDate">,
  month: string,
  vendorNote: boolean,
): MonthNotices {
  const { workbook } = services;
  const schema = reportSchema(month);
  const sheet = workbook.sheet(reportSheetName(month));
  if (!sheet) {
    throw new Error(
      `There is no report for ${month} (sheet "${reportSheetName(month)}"). Build the monthly report first.`,
    );
  }
  const table = readTable(sheet, schema);
  const rows = new Map<string, ReportRow>();
  for (const tableRow of table.rows) {
    const row = reportRowOf(tableRow);
    const id = String(row["Entry ID"]).trim();
    if (id !== "" && !rows.has(id)) rows.set(id, row);
  }
  const report = [...rows.values()];
  const entries = entriesById(services, new Set(rows.keys()));

  const stuck = report.filter((r) => statusOf(r) === NOTICE_STATUS.sending).map((r) => String(r["Entry ID"]).trim());
  const stuckEmails = new Set(
    report
      .filter((r) => statusOf(r) === NOTICE_STATUS.sending)
      .map((r) => String(r["Student Email"]).trim().toLowerCase()),
  );

  const messaged: Array<typeof DECISION.badge | typeof DECISION.vendorBadge> = vendorNote
    ? [DECISION.badge, DECISION.vendorBadge]
    : [DECISION.badge];
  const notNeeded = report
    .filter((r) => DUE.includes(statusOf(r)) && !messaged.includes(r.Decision as never) && r.Decision !== "")
    .map((r) => String(r["Entry ID"]).trim());
  const orphaned = report
    .filter((r) => DUE.includes(statusOf(r)) && messaged.includes(r.Decision as never))
    .map((r) => String(r["Entry ID"]).trim())
    .filter((id) => !entries.has(id));

  const due: PlannedNotice[] = [];
  const held: PlannedNotice[] = [];
  const planned = [
    ...groupNotices(report, entries, DECISION.badge).map((n) => ({ ...n, kind: "notice" as const })),
    ...(vendorNote
      ? groupNotices(report, entries, DECISION.vendorBadge).map((n) => ({ ...n, kind: "vendorNote" as const }))
      : []),
  ];
  for (const notice of planned) (stuckEmails.has(notice.email) ? held : due).push(notice);
  return { month, sheet, schema, rows, due, held, stuckStudents: stuckEmails.size, notNeeded, stuck, orphaned };
}
