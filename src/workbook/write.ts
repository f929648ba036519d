/**
 * Writing cells by header name, in as few range writes as possible: each SheetPort.write is one
 * setValues call, and per-cell calls are what makes Apps Script slow (apps-script.md: ~70 s → ~1 s
 * for whole ranges). Only the cells asked for are written: a block never carries a cell it was not
 * given, so a value someone typed since the read is not overwritten with a stale copy.
 */

import type { Cell, SheetPort } from "../app/ports";
import { toCellText } from "./cell-text";
import type { Table } from "./table";

export interface CellUpdate {
  /** 1-based sheet row, from the table read (find it by Entry ID, never by position). */
  rowNumber: number;
  values: Partial<Record<string, Cell>>;
}

export interface Block {
  row: number;
  column: number;
  values: Cell[][];
}

/**
 * The writes for the updates: within a row, adjacent columns form a segment; the same segment on
 * consecutive rows forms one block. Later updates of the same cell win. Text is made safe with
 * toCellText.
 */
export function planWrites(table: Table, updates: readonly CellUpdate[]): Block[] {
  const cells = new Map<number, Map<number, Cell>>();
  for (const update of updates) {
    if (!Number.isInteger(update.rowNumber) || update.rowNumber <= table.headerRow) {
      throw new Error(`Sheet "${table.sheet}": row ${update.rowNumber} is not a data row`);
    }
    const row = cells.get(update.rowNumber) ?? new Map<number, Cell>();
    for (const header of Object.keys(update.values)) {
      const column = table.columns.get(header);
      if (column === undefined) {
        throw new Error(
          `Sheet "${table.sheet}" has no column "${header}" to write. Add it back or run Set up workbook.`,
        );
      }
      row.set(column, toCellText(update.values[header]));
    }
    if (row.size > 0) cells.set(update.rowNumber, row);
  }

  const rowsBySegment = new Map<string, number[]>();
  for (const [rowNumber, row] of cells) {
    const columns = Array.from(row.keys()).sort((a, b) => a - b);
    let start = columns[0];
    for (let i = 1; i <= columns.length; i++) {
      if (i < columns.length && columns[i] === columns[i - 1] + 1) continue;
      const key = `${start}:${columns[i - 1]}`;
      const list = rowsBySegment.get(key) ?? [];
      list.push(rowNumber);
      rowsBySegment.set(key, list);
      start = columns[i];
    }
  }

  const blocks: Block[] = [];
  for (const [key, rowNumbers] of rowsBySegment) {
    const [first, last] = key.split(":").map(Number);
    rowNumbers.sort((a, b) => a - b);
    let run: number[] = [];
    const flush = () => {
      const values = run.map((r) => {
        const row = cells.get(r)!;
        const line: Cell[] = [];
        for (let c = first; c <= last; c++) line.push(row.get(c)!);
        return line;
      });
      blocks.push({ row: run[0], column: first, values });
    };
    for (const r of rowNumbers) {
      if (run.length > 0 && r !== run[run.length - 1] + 1) {
        flush();
        run = [];
      }
      run.push(r);
    }
    if (run.length > 0) flush();
  }
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * Writes the updates (see planWrites) and keeps the table's values in step with the sheet.
 * Returns the number of range writes made.
 */
export function writeCells(sheet: SheetPort, table: Table, updates: readonly CellUpdate[]): number {
  const blocks = planWrites(table, updates);
  for (const block of blocks) sheet.write(block.row, block.column, block.values);
  const byNumber = new Map(table.rows.map((row) => [row.rowNumber, row]));
  for (const update of updates) {
    const row = byNumber.get(update.rowNumber);
    if (!row) continue;
    for (const header of Object.keys(update.values)) {
      const value = update.values[header];
      row.values[table.columns.get(header)! - 1] = value === undefined ? "" : value;
    }
  }
  return blocks.length;
}
