/**
 * The month window. An entry belongs to the month it was *entered* in, in the spreadsheet's time
 * zone. Formatting the instant in that zone (rather than adding offsets by hand) is what keeps the
 * boundary right across daylight-saving changes: 23:30 on Nov 30 in Chicago is "2026-11" even
 * though it is already December in UTC.
 */

import type { DateFormatter } from "../app/ports";
import type { Language } from "./entry";

/** "yyyy-MM" of an instant in the zone. */
export function monthOf(enteredAt: Date, timeZone: string, formatDate: DateFormatter): string {
  return formatDate(enteredAt, timeZone, "yyyy-MM");
}

/** The month before `now`'s month, in the zone: the month the report on the 1st is about. */
export function priorMonth(now: Date, timeZone: string, formatDate: DateFormatter): string {
  return addMonths(monthOf(now, timeZone, formatDate), -1);
}

/** "2026-11" + 1 → "2026-12". */
export function addMonths(month: string, count: number): string {
  const [year, number] = parseMonth(month);
  const index = year * 12 + (number - 1) + count;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? `0${m}` : m}`;
}

const NAMES: Record<Language, string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" "),
};

/** "2026-11" → "November 2026" ("noviembre de 2026" in Spanish). */
export function monthLabel(month: string, language: Language = "en"): string {
  const [year, number] = parseMonth(month);
  const name = NAMES[language][number - 1];
  return language === "es" ? `${name} de ${year}` : `${name} ${year}`;
}

const REPORT_PREFIX = "Badges ";

/** "2026-11" → "Badges 2026-11", the report's sheet name. */
export function reportSheetName(month: string): string {
  parseMonth(month);
  return `${REPORT_PREFIX}${month}`;
}

/** The month of a report sheet's name ("Badges 2026-11" → "2026-11"), or null for another sheet. */
export function monthOfReportSheet(sheetName: string): string | null {
  const match = /^Badges (\d{4}-(0[1-9]|1[0-2]))$/.exec(sheetName);
  return match ? match[1] : null;
}

function parseMonth(month: string): [number, number] {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new Error(`Not a month: "${month}" (expected yyyy-MM, e.g. 2026-11)`);
  return [Number(match[1]), Number(match[2])];
}
