/**
 * Closing the gaps between rows a batch writes. Report rows of other decisions sit between a
 * batch's rows; written one run at a time they would cost a setValues each (about 100 ms,
 * apps-script-costs.md). Filling the gaps with the values just read for the same columns makes
 * one range. Only columns BadgeDesk alone writes, under its lock, are filled this way.
 */

import type { Table } from "../workbook/table";
import type { CellUpdate } from "../workbook/write";
import type { Cell } from "./ports";

export function fillGaps(table: Table, updates: readonly CellUpdate[], headers: readonly string[]): CellUpdate[] {
  if (updates.length === 0) return [];
  const given = new Set(updates.map((u) => u.rowNumber));
  const rows = new Map(table.rows.map((row) => [row.rowNumber, row]));
  const numbers = updates.map((u) => u.rowNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const filled: CellUpdate[] = [];
  for (let r = first; r <= last; r++) {
    if (given.has(r)) continue;
    const row = rows.get(r);
    const values: Record<string, Cell> = {};
    for (const header of headers) values[header] = row ? row.get(header) : "";
    filled.push({ rowNumber: r, values });
  }
  return [...filled, ...updates];
}
