/**
 * Calendar dates as instructors type them. A date cell comes back from Sheets as a Date (midnight
 * in the spreadsheet's zone); a typed or imported date may be text. We read the forms a US school
 * office writes and nothing that is ambiguous in another way:
 *   2026-11-03, 2026/11/3       (year first)
 *   11/3/2026, 11-03-2026       (US order: month, day, year; four-digit year)
 *   November 3, 2026 · Nov 3 2026 · 3 November 2026
 * A calendar day is kept as "yyyy-MM-dd" text, which compares in order as a string.
 */

import type { DateFormatter } from "../app/ports";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1–12 for a full English month name or its three-letter short form ("Nov", "Nov.", "Sept"); 0 otherwise. */
function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "");
  const index = MONTHS.findIndex((m) => key === m || key === m.slice(0, 3) || (m === "september" && key === "sept"));
  return index + 1;
}

function day(year: number, month: number, date: number): string | null {
  if (month < 1 || month > 12 || date < 1 || year < 1900 || year > 2999) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date > days) return null;
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** "yyyy-MM-dd" for a typed date, or null when the text is not a real calendar date. */
export function parseDayText(text: string): string | null {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return day(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) return day(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(t);
  if (m) return day(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  return null;
}

/** The calendar day of an instant in the zone ("yyyy-MM-dd"). */
export function dayOf(date: Date, timeZone: string, formatDate: DateFormatter): string {
  return formatDate(date, timeZone, "yyyy-MM-dd");
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
