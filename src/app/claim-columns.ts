/**
 * Writing claim states into every report tab that holds the entries ("Badges yyyy-MM"): one read
 * and one batched write per tab. Shared by claim refresh and revoke.
 */

import { monthOfReportSheet } from "../domain/month";
import { reportSchema } from "../workbook/schemas";
import { findRowsByEntryId, readTable } from "../workbook/table";
import { writeCells } from "../workbook/write";
import type { WorkbookPort } from "./ports";
import { fillGaps } from "./sheet-writes";

/** Sets Claim State for each Entry ID in `states`; returns the number of report rows changed. */
export function writeClaimStates(workbook: WorkbookPort, states: ReadonlyMap<string, string>): number {
  if (states.size === 0) return 0;
  let changed = 0;
  for (const name of workbook.sheetNames()) {
    const month = monthOfReportSheet(name);
    const sheet = month ? workbook.sheet(name) : null;
    if (!month || !sheet) continue;
    const table = readTable(sheet, reportSchema(month));
    const updates = [];
    for (const [entryId, row] of findRowsByEntryId(table, states.keys())) {
      const state = states.get(entryId)!;
      if (String(row.get("Claim State")) !== state)
        updates.push({ rowNumber: row.rowNumber, values: { "Claim State": state } });
    }
    if (updates.length === 0) continue;
    writeCells(sheet, table, fillGaps(table, updates, ["Claim State"]));
    changed += updates.length;
  }
  return changed;
}
