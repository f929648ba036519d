/**
 * A sheet read as a table by header name. One read (SheetPort.readAll) per table; columns are
 * found by their header in any order, extra columns are allowed, and a missing header is an error
 * that names it and the sheet.
 */

import type { Cell, SheetPort, WorkbookPort } from "../app/ports";
import type { TableSchema } from "./schemas";

export interface TableRow {
  /** 1-based row number in the sheet at the time of the read. */
  rowNumber: number;
  values: Cell[];
  /** The cell under the header; "" when the column is absent (an optional header) or the cell is empty. */
  get(header: string): Cell;
}

export interface Table {
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** Header → 1-based column number, for every schema header found (matched trimmed, ignoring case). */
  columns: Map<string, number>;
  /** The data rows below the header row; blank rows are skipped. */
  rows: TableRow[];
}

export class MissingHeadersError extends Error {
  readonly sheet: string;
  readonly missing: readonly string[];
  constructor(sheet: string, missing: readonly string[]) {
    const list = missing.map((h) => `"${h}"`);
    const named =
      list.length === 1
        ? `the header ${list[0]}. Add it back`
        : `the headers ${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}. Add them back`;
    super(`Sheet "${sheet}" is missing ${named} (any column) or run Set up workbook.`);
    this.name = "MissingHeadersError";
    this.sheet = sheet;
    this.missing = missing;
  }
}

/** The sheet, or an error that says what to do. */
export function requireSheet(workbook: WorkbookPort, name: string): SheetPort {
  const sheet = workbook.sheet(name);
  if (!sheet) throw new Error(`Sheet "${name}" is missing. Run Set up workbook to add it.`);
  return sheet;
}

function headerKey(value: Cell): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

/**
 * The header row is the first row holding every required header (the report keeps a summary block
 * above its table); when none does, the row with the most of them is taken so the error can name
 * exactly what is missing. With two columns of the same header, the leftmost is used.
 */
function findHeaderRow(grid: Cell[][], schema: TableSchema): { index: number; columns: Map<string, number> } {
  let best = { index: 0, columns: new Map<string, number>(), found: -1 };
  for (let r = 0; r < grid.length; r++) {
    const byKey = new Map<string, number>();
    grid[r].forEach((cell, c) => {
      const key = headerKey(cell);
      if (key !== "" && !byKey.has(key)) byKey.set(key, c + 1);
    });
    const columns = new Map<string, number>();
    for (const header of [...schema.headers, ...schema.optional]) {
      const column = byKey.get(header.toLowerCase());
      if (column !== undefined) columns.set(header, column);
    }
    const found = schema.headers.filter((h) => columns.has(h)).length;
    if (found === schema.headers.length) return { index: r, columns };
    if (found > best.found) best = { index: r, columns, found };
  }
  return best;
}

function isBlank(values: Cell[]): boolean {
  return values.every((v) => v === "" || v === null || v === undefined);
}

/** Reads the sheet as a table (one read). Throws MissingHeadersError when a required header is absent. */
export function readTable(sheet: SheetPort, schema: TableSchema): Table {
  const grid = sheet.readAll();
  const { index, columns } = findHeaderRow(grid, schema);
  const missing = schema.headers.filter((h) => !columns.has(h));
  if (missing.length > 0) throw new MissingHeadersError(schema.sheet, missing);
  const rows: TableRow[] = [];
  for (let r = index + 1; r < grid.length; r++) {
    const values = grid[r];
    if (isBlank(values)) continue;
    rows.push({
      rowNumber: r + 1,
      values,
      get(header) {
        const column = columns.get(header);
        if (column === undefined) return "";
        const value = values[column - 1];
        return value === undefined || value === null ? "" : value;
      },
    });
  }
  return { sheet: schema.sheet, headerRow: index + 1, columns, rows };
}

/** The rows by their Entry ID (trimmed); with a duplicated ID the first row wins. Rows without one are left out. */
export function findRowsByEntryId(table: Table, entryIds?: Iterable<string>): Map<string, TableRow> {
  const wanted = entryIds ? new Set(entryIds) : null;
  const found = new Map<string, TableRow>();
  for (const row of table.rows) {
    const id = String(row.get("Entry ID")).trim();
    if (id === "" || found.has(id) || (wanted && !wanted.has(id))) continue;
    found.set(id, row);
  }
  return found;
}
