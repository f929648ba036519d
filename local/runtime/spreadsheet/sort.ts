import type { GridRange } from "./a1";
import { type Cell, hasContent, isDate } from "./cells";
import type { SheetModel } from "./model";

/** A column number, {column, ascending}, or a list of them (Range.sort's argument). */
export type SortSpec =
  | number
  | { column: number; ascending?: boolean }
  | Array<number | { column: number; ascending?: boolean }>;

// Sheets orders numbers (and dates) before text before booleans; empty cells always go last.
function rank(cell: Cell | undefined): number {
  if (!hasContent(cell)) return 3;
  const v = cell!.value;
  if (typeof v === "number" || isDate(v)) return 0;
  if (typeof v === "string") return 1;
  return 2;
}

function compare(a: Cell | undefined, b: Cell | undefined): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra === 3) return ra - rb;
  const va = a!.value;
  const vb = b!.value;
  if (ra === 0) return Number(va) - Number(vb);
  if (ra === 1) return String(va).localeCompare(String(vb), "en", { sensitivity: "base" });
  return Number(va) - Number(vb);
}

/** Sorts the rows of `grid` in place, keeping each row's cells together (a stable sort). */
export function sortRows(sheet: SheetModel, grid: GridRange, spec: SortSpec, fail: (message: string) => never): void {
  const keys = (Array.isArray(spec) ? spec : [spec]).map((k) =>
    typeof k === "number" ? { column: k, ascending: true } : { column: k.column, ascending: k.ascending ?? true },
  );
  for (const k of keys) {
    if (k.column < grid.column || k.column >= grid.column + grid.numColumns) {
      fail(
        `The sort column must be within the specified range of ${grid.column} to ${grid.column + grid.numColumns - 1}.`,
      );
    }
  }
  const rows = sheet.cells(grid);
  const sorted = rows
    .map((cells, index) => ({ cells, index }))
    .sort((x, y) => {
      for (const k of keys) {
        const a = x.cells[k.column - grid.column];
        const b = y.cells[k.column - grid.column];
        const c = compare(a, b);
        // Empty cells stay last whichever way the sort goes.
        if (c !== 0) return k.ascending || rank(a) === 3 || rank(b) === 3 ? c : -c;
      }
      return x.index - y.index;
    });
  sorted.forEach(({ cells }, i) => {
    cells.forEach((cell, j) => {
      sheet.setCell(grid.row + i, grid.column + j, cell);
    });
  });
}
