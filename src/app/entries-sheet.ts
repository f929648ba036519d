/**
 * Entries as intake writes it: new rows by header name, in whole-range appends, every text through
 * toCellText (a student named "=HYPERLINK(…)" or "+1 …" lands as that text, not a formula).
 */

import { toCellText } from "../workbook/cell-text";
import { ENTRIES, type TableSchema } from "../workbook/schemas";
import { readTable, type Table } from "../workbook/table";
import type { Cell, SheetPort } from "./ports";

/**
 * The report tab an entry went into ("Badges 2026-10"). BadgeDesk owns it: the monthly report
 * writes it, and an earlier entry whose cell is blank appears in no report (the backlog). An
 * extra column, which the design allows; Set up workbook adds it, and the report adds it to an
 * older Entries sheet that lacks it.
 */
export const REPORTED_IN = "Reported In";

/** Entries with every column intake and the report read or write. */
export const ENTRIES_BOOK = {
  sheet: ENTRIES.sheet,
  headers: ENTRIES.headers,
  optional: [...ENTRIES.optional, REPORTED_IN],
} as const satisfies TableSchema;

/** Source of a row typed into Entries, stamped by the reconcile pass. */
export const TYPED_SOURCE = "Typed";

/**
 * A new Entry ID: "E-" and 12 hex digits of a UUID (48 random bits: among 100,000 entries the
 * chance of any two sharing one is about 2 in 100,000; 8 digits would make it likely).
 */
export function newEntryId(newId: () => string): string {
  return `E-${newId().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
}

/**
 * Only the header of Entries (the first rows, one read), for a run that appends without needing
 * the rows: a form submission must not read 100,000 rows.
 */
export function entriesHeader(sheet: SheetPort): Table {
  return readTable({ ...sheet, readAll: () => sheet.readTop(3) }, ENTRIES_BOOK);
}

/** One row of cells in the sheet's column order; text made safe, dates kept as dates. */
export function entriesRow(table: Table, values: Partial<Record<string, Cell>>): Cell[] {
  const width = Math.max(...table.columns.values());
  const row: Cell[] = new Array(width).fill("");
  for (const [header, value] of Object.entries(values)) {
    const column = table.columns.get(header);
    if (column !== undefined && value !== undefined) row[column - 1] = toCellText(value);
  }
  return row;
}
