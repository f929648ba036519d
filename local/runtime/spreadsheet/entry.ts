import { type Cell, type CellValue, isDate } from "./cells";
import { fromWallClock } from "./zone";

/**
 * What a value becomes when a script writes it with setValue(s) or appendRow, as Sheets parses
 * typed input (locale en_US):
 * - a string starting with `=` becomes a formula (V: Range.setValue reference). Formulas are not
 *   evaluated: the cell's value reads back as the formula text, and getFormulas tells them apart.
 * - a string starting with `'` is stored as the text after the apostrophe (the apostrophe is not
 *   part of the value).
 * - a numeric-looking string ("0123", "12.5", "1e3", "-4") becomes a number: leading zeros are
 *   lost, as in Sheets (I: observed behaviour, no reference text).
 * - "true"/"false" in any case become booleans; "2026-11-02", "2026-11-02 13:45[:10]" and
 *   "11/2/2026" become dates at that wall-clock time in the spreadsheet's zone (I).
 * - a cell whose number format is "@" (plain text) keeps strings as they are (formulas still apply).
 * Numbers, booleans and Dates are stored as given; null/undefined clear the value.
 */
export function enteredCell(input: unknown, timeZone: string, previous?: Cell): Cell {
  const kept: Cell = { ...previous, value: "" };
  delete kept.formula;
  if (input === null || input === undefined || input === "") return kept;
  if (typeof input === "number" || typeof input === "boolean") return { ...kept, value: input };
  if (isDate(input)) return { ...kept, value: new Date(input.getTime()) };
  const text = String(input);
  if (text.startsWith("=") && text.length > 1) return { ...kept, value: text, formula: text };
  if (text.startsWith("'")) return { ...kept, value: text.slice(1) };
  if (kept.numberFormat === "@") return { ...kept, value: text };
  const parsed = parseTyped(text, timeZone);
  if (parsed === undefined) return { ...kept, value: text };
  if (isDate(parsed.value) && !kept.numberFormat) return { ...kept, value: parsed.value, numberFormat: parsed.format };
  return { ...kept, value: parsed.value };
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function parseTyped(text: string, timeZone: string): { value: CellValue; format?: string } | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h, mi, s] = iso;
    if (!validDay(+mo, +d)) return undefined;
    const date = fromWallClock(
      { year: +y, month: +mo, day: +d, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0) },
      timeZone,
    );
    return { value: date, format: h === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss" };
  }
  const us = US_DATE.exec(trimmed);
  if (us) {
    const [, mo, d, y] = us;
    if (!validDay(+mo, +d)) return undefined;
    return { value: fromWallClock({ year: +y, month: +mo, day: +d }, timeZone), format: "M/d/yyyy" };
  }
  return undefined;
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
