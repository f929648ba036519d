/**
 * Writing progress cells of rows found by Entry ID, in as few range writes as possible even when
 * the rows are scattered (a student's three credentials sit wherever their entries fell).
 *
 * The table is read again just before writing: people sort, filter and delete rows while a job
 * runs, so row numbers from an earlier read may point at someone else's row. Each run of adjacent
 * columns is then written as one block spanning the first to the last row touched; the cells in
 * between that were not asked for are written back with the values just read (the read and the
 * write are one service call apart, so a person's edit has no time to land between them).
 */

import type { Cell, SheetPort } from "../app/ports";
import { toCellText } from "./cell-text";
import type { TableSchema } from "./schemas";
import { findRowsByEntryId, readTable } from "./table";

/** Entry ID → the cells to write in its row, by header. */
export type UpdatesById = ReadonlyMap<string, Partial<Record<string, Cell>>>;

export interface WriteByIdResult {
  /** Range writes made (SheetPort.write calls). */
  writes: number;
  /** Entry IDs whose row is no longer in the sheet (a person deleted it): nothing written for them. */
  missing: string[];
}

/** Adjacent column numbers grouped: [3, 4, 9] → [[3, 4], [9]]. */
function columnRuns(columns: number[]): number[][] {
  const runs: number[][] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && column === run[run.length - 1] + 1) run.push(column);
    else runs.push([column]);
  }
  return runs;
}

export function writeByEntryId(sheet: SheetPort, schema: TableSchema, updates: UpdatesById): WriteByIdResult {
  if (updates.size === 0) return { writes: 0, missing: [] };
  const table = readTable(sheet, schema);
  const rows = findRowsByEntryId(table, updates.keys());
  const missing = [...updates.keys()].filter((id) => !rows.has(id));

  // sheet row → column → value
  const cells = new Map<number, Map<number, Cell>>();
  for (const [id, values] of updates) {
    const row = rows.get(id);
    if (!row) continue;
    const line = cells.get(row.rowNumber) ?? new Map<number, Cell>();
    for (const header of Object.keys(values)) {
      const column = table.columns.get(header);
      if (column === undefined) {
        throw new Error(
          `Sheet "${table.sheet}" has no column "${header}" to write. Add it back or run Set up workbook.`,
        );
      }
      line.set(column, values[header] ?? "");
    }
    cells.set(row.rowNumber, line);
  }
  if (cells.size === 0) return { writes: 0, missing };

  const current = new Map(table.rows.map((row) => [row.rowNumber, row.values]));
  const touched = new Set<number>();
  for (const line of cells.values()) for (const column of line.keys()) touched.add(column);

  let writes = 0;
  for (const run of columnRuns([...touched])) {
    const rowNumbers = [...cells.keys()].filter((r) => run.some((c) => cells.get(r)!.has(c)));
    const first = Math.min(...rowNumbers);
    const last = Math.max(...rowNumbers);
    const block: Cell[][] = [];
    for (let r = first; r <= last; r++) {
      const wanted = cells.get(r);
      const now = current.get(r) ?? [];
      block.push(run.map((c) => toCellText(wanted?.has(c) ? wanted.get(c) : (now[c - 1] ?? ""))));
    }
    sheet.write(first, run[0], block);
    writes++;
  }
  return { writes, missing };
}
