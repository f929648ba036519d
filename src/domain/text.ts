/** Text as people type it into a sheet: a cell value in, a clean string out. */

import type { Cell } from "../app/ports";

/** The cell as text, trimmed; "" for an empty cell. Dates are not expected here. */
export function cellText(value: Cell | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** Trims and collapses every run of whitespace (tabs, line breaks, no-break spaces) to one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const SHOWN_MAX = 60;

/**
 * A typed value quoted for a reason in a cell: `"jane@@school.org"`. Long values are cut so a
 * pasted paragraph does not fill the Reason column.
 */
export function quoted(text: string): string {
  const shown = text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
  return `"${shown}"`;
}
