/**
 * The Receipts sheet: what instructors are owed a word about. The form trigger adds a line per
 * submission (an entry recorded, a correction made or refused), the monthly report a line per
 * Needs fix entry (the digest); the sender (receipts.ts) sends each instructor one message for
 * their lines and stamps Sent At. A sheet rather than a script property: a class entered at once
 * is dozens of lines, and a property holds at most 9 KB (apps-script.md).
 *
 * The lines also tell reconcile which correction responses were already handled (Response).
 */

import type { TableSchema } from "../workbook/schemas";
import { readTable, type Table } from "../workbook/table";
import { entriesRow } from "./entries-sheet";
import type { Cell, Services, SheetPort } from "./ports";

export const RECEIPTS = {
  sheet: "Receipts",
  headers: [
    "Receipt ID",
    "Received At",
    "Instructor Email",
    "Instructor Name",
    "What",
    "Entry ID",
    "Details",
    "Response",
    "Sent At",
  ],
  optional: [],
} as const satisfies TableSchema;

/** What a line is about (the What column). */
export const RECEIPT_KIND = {
  entry: "Entry recorded",
  corrected: "Correction made",
  refused: "Correction refused",
  needsFix: "Needs fix",
} as const;
export type ReceiptKind = (typeof RECEIPT_KIND)[keyof typeof RECEIPT_KIND];

/** Sent At words besides a time. */
export const SENT = {
  /** Marked before the message leaves; a line left so by a killed run is not sent again. */
  sending: "Sending",
  /** Receipts were switched off when the line was added. */
  off: "Receipts off",
  /** The entry was fixed (or removed) before its digest went: nothing to say. */
  notNeeded: "Not needed",
} as const;

export interface ReceiptLine {
  instructorEmail: string;
  instructorName: string;
  kind: ReceiptKind;
  entryId: string;
  /** The refusal's reason, the digest's month ("yyyy-MM"), or what a correction changed. */
  details: string;
  /** The form response's key, for corrections. */
  response?: string;
  sentAt?: Cell;
}

/** The sheet, made with its header the first time it is needed. */
export function receiptsSheet(services: Pick<Services, "workbook">): SheetPort {
  const existing = services.workbook.sheet(RECEIPTS.sheet);
  if (existing) return existing;
  const sheet = services.workbook.insertSheet(RECEIPTS.sheet);
  sheet.write(1, 1, [[...RECEIPTS.headers]]);
  sheet.setFrozenRows(1);
  return sheet;
}

export function readReceipts(sheet: SheetPort): Table {
  return readTable(sheet, RECEIPTS);
}

/** Appends the lines in one write; every text through toCellText (entriesRow). */
export function addReceiptLines(services: Pick<Services, "workbook" | "clock" | "newId">, lines: ReceiptLine[]): void {
  if (lines.length === 0) return;
  const sheet = receiptsSheet(services);
  const table = readTable({ ...sheet, readAll: () => sheet.readTop(1) }, RECEIPTS);
  const now = services.clock.now();
  sheet.append(
    lines.map((line) =>
      entriesRow(table, {
        "Receipt ID": `R-${services.newId().replace(/-/g, "").slice(0, 12).toUpperCase()}`,
        "Received At": now,
        "Instructor Email": line.instructorEmail.trim().toLowerCase(),
        "Instructor Name": line.instructorName,
        What: line.kind,
        "Entry ID": line.entryId,
        Details: line.details,
        Response: line.response ?? "",
        "Sent At": line.sentAt ?? "",
      }),
    ),
  );
}

/** Response keys of the corrections already handled (one read; none when there is no sheet). */
export function handledCorrections(services: Pick<Services, "workbook">): Set<string> {
  const sheet = services.workbook.sheet(RECEIPTS.sheet);
  if (!sheet) return new Set();
  const keys = readReceipts(sheet)
    .rows.map((row) => String(row.get("Response")).trim())
    .filter((key) => key !== "");
  return new Set(keys);
}
