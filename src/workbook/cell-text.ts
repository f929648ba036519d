/**
 * Untrusted text on its way into a cell. SheetPort.write stores values with setValues, which
 * reads a string the way a person's typing is read: "=..." becomes a formula (apps-script.md), and
 * "+", "-" and "@" are the other classic formula-injection prefixes (OWASP "CSV injection"). A
 * leading apostrophe makes Sheets keep the rest as plain text and is not part of the value read
 * back; a text that itself begins with an apostrophe gets one more, or Sheets would eat its own.
 * Typing is also read as a number, a date or a yes/no: a student called "TRUE", a name cell
 * holding "007" or a credential "2026-11-02" would come back as true, 7 or a date, so text that
 * Sheets could read so gets the apostrophe as well (a digit first, or the words TRUE/FALSE).
 */

import type { Cell } from "../app/ports";

const FORMULA_START = /^[=+\-@\t\r']/;
/** What Sheets may parse into a number, date, time or currency ("007", "11/2", "$5", ".5", "(3)"). */
const PARSED_START = /^\s*[$(.]?\d/;
const YES_NO = /^\s*(true|false)\s*$/i;
/** A month-name date ("Nov 2, 2026"), which Sheets also reads as a date. */
const MONTH_NAME_DATE = /^\s*[A-Za-z]{3,9}\.? \d{1,2},? \d{4}\s*$/;

/** The value made safe for a cell: text that Sheets would interpret gets a leading apostrophe. */
export function toCellText(value: Cell | null | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  const interpreted =
    FORMULA_START.test(value) || PARSED_START.test(value) || YES_NO.test(value) || MONTH_NAME_DATE.test(value);
  return interpreted ? `'${value}` : value;
}
