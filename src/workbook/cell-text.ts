/**
 * Untrusted text on its way into a cell. SheetPort.write stores values with setValues, which
 * reads a string the way a person's typing is read: "=..." becomes a formula (apps-script.md), and
 * "+", "-" and "@" are the other classic formula-injection prefixes (OWASP "CSV injection"). A
 * leading apostrophe makes Sheets keep the rest as plain text and is not part of the value read
 * back; a text that itself begins with an apostrophe gets one more, or Sheets would eat its own.
 */

import type { Cell } from "../app/ports";

const FORMULA_START = /^[=+\-@\t\r']/;

/** The value made safe for a cell: text that Sheets would interpret gets a leading apostrophe. */
export function toCellText(value: Cell | null | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
