/**
 * The Ledger: every badge ever issued, one row per Entry ID. It is the source for duplicate
 * checks and claim refresh, so a row is never appended twice for one entry.
 */

import { toCellText } from "../workbook/cell-text";
import { LEDGER } from "../workbook/schemas";
import { readTable, requireSheet, type Table, type TableRow } from "../workbook/table";
import type { Cell, SheetPort, WorkbookPort } from "./ports";

export interface LedgerRecord {
  entryId: string;
  email: string;
  templateId: string;
  badgeId: string;
  issuedAt: Date;
  claimState: string;
  claimCheckedAt: Date;
}

export interface Ledger {
  sheet: SheetPort;
  table: Table;
  /** Entry ID → Credly Badge ID. */
  badgeByEntry: Map<string, string>;
  /** Entry ID → the Ledger's row for it (the first, should a person have copied one). */
  rowByEntry: Map<string, TableRow>;
  /** Of these badge ids, the ones the Ledger gives to another entry than `entryId`. */
  heldByOthers(entryId: string, badgeIds: readonly string[]): Set<string>;
  /** Appends the records whose Entry ID is not in the Ledger yet, in one write; returns how many. */
  append(records: readonly LedgerRecord[]): number;
}

/** One read of the Ledger. */
export function readLedger(workbook: WorkbookPort): Ledger {
  const sheet = requireSheet(workbook, LEDGER.sheet);
  const table = readTable(sheet, LEDGER);
  const badgeByEntry = new Map<string, string>();
  const rowByEntry = new Map<string, TableRow>();
  const entryByBadge = new Map<string, string>();
  for (const row of table.rows) {
    const id = String(row.get("Entry ID")).trim();
    const badge = String(row.get("Credly Badge ID")).trim();
    if (id !== "" && !badgeByEntry.has(id)) {
      badgeByEntry.set(id, badge);
      rowByEntry.set(id, row);
    }
    if (badge !== "" && !entryByBadge.has(badge)) entryByBadge.set(badge, id);
  }
  const width = Math.max(...Array.from(table.columns.values()));
  return {
    sheet,
    table,
    badgeByEntry,
    rowByEntry,
    heldByOthers(entryId, badgeIds) {
      return new Set(badgeIds.filter((id) => entryByBadge.has(id) && entryByBadge.get(id) !== entryId));
    },
    append(records) {
      const fresh: LedgerRecord[] = [];
      for (const record of records) {
        if (badgeByEntry.has(record.entryId)) continue;
        badgeByEntry.set(record.entryId, record.badgeId);
        if (!entryByBadge.has(record.badgeId)) entryByBadge.set(record.badgeId, record.entryId);
        fresh.push(record);
      }
      if (fresh.length === 0) return 0;
      sheet.append(fresh.map((record) => ledgerLine(table, width, record)));
      return fresh.length;
    },
  };
}

function ledgerLine(table: Table, width: number, record: LedgerRecord): Cell[] {
  const line: Cell[] = new Array(width).fill("");
  const put = (header: string, value: Cell) => {
    line[table.columns.get(header)! - 1] = toCellText(value);
  };
  put("Entry ID", record.entryId);
  put("Student Email", record.email);
  put("Credly Template ID", record.templateId);
  put("Credly Badge ID", record.badgeId);
  put("Issued At", record.issuedAt);
  put("Claim State", record.claimState);
  put("Claim Checked At", record.claimCheckedAt);
  return line;
}
