/** A rectangle of a sheet, 1-based as Apps Script counts rows and columns. */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index;
}

export function toA1(range: GridRange): string {
  const start = `${columnLetters(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

/** Splits "'Badges 2026-11'!A1:B2" into the sheet name and the cell part. */
export function splitSheetName(reference: string): { sheet?: string; a1: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { a1: reference };
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: reference.slice(bang + 1) };
}

const A1 = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/;

/**
 * Parses A1 notation the way Sheets accepts it: "B2", "A1:C9", and open ranges that run to the
 * sheet's edge — "A2:A" (to the last row), "A:C" (whole columns), "2:5" (whole rows).
 * Returns null for text that is not a range (Google: "Range not found").
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRange | null {
  const m = A1.exec(a1.trim());
  if (!m) return null;
  const [, c1, r1, c2, r2] = m;
  const hasEnd = a1.includes(":");
  if (!c1 && !r1) return null;
  if (!hasEnd && (!c1 || !r1)) return null;
  if (hasEnd && !c2 && !r2) return null;
  const column = c1 ? columnIndex(c1) : 1;
  const row = r1 ? Number(r1) : 1;
  const endColumn = hasEnd ? (c2 ? columnIndex(c2) : maxColumns) : column;
  const endRow = hasEnd ? (r2 ? Number(r2) : maxRows) : row;
  if (row < 1 || column < 1) return null;
  const top = Math.min(row, endRow);
  const left = Math.min(column, endColumn);
  return {
    row: top,
    column: left,
    numRows: Math.abs(endRow - row) + 1,
    numColumns: Math.abs(endColumn - column) + 1,
  };
}
