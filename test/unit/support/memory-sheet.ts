/** An in-memory SheetPort for unit tests: a grid of cells and a record of every write call. */

import type { Cell, SheetPort } from "../../../src/app/ports";

export interface MemorySheet extends SheetPort {
  grid: Cell[][];
  writes: Array<{ row: number; column: number; values: Cell[][] }>;
  reads: number;
}

export function memorySheet(name: string, grid: Cell[][]): MemorySheet {
  const sheet: MemorySheet = {
    name,
    grid: grid.map((row) => row.slice()),
    writes: [],
    reads: 0,
    readAll() {
      sheet.reads++;
      const width = Math.max(0, ...sheet.grid.map((r) => r.length));
      return sheet.grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    },
    readTop(rows) {
      return sheet.readAll().slice(0, rows);
    },
    write(row, column, values) {
      sheet.writes.push({ row, column, values });
      values.forEach((line, r) => {
        while (sheet.grid.length < row + r) sheet.grid.push([]);
        line.forEach((value, c) => {
          sheet.grid[row - 1 + r][column - 1 + c] = value;
        });
      });
    },
    append(values) {
      sheet.write(sheet.grid.length + 1, 1, values);
    },
    lastRow: () => sheet.grid.length,
    lastColumn: () => Math.max(0, ...sheet.grid.map((r) => r.length)),
    clearFrom(row) {
      sheet.grid.length = Math.min(sheet.grid.length, row - 1);
    },
    setFrozenRows: () => {},
    setBold: () => {},
    setNumberFormat: () => {},
    setListValidation: () => {},
    protectWarningOnly: () => {},
    setConditionalRules: () => {},
    setCharts: () => {},
  };
  return sheet;
}
