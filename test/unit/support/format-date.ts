/**
 * A DateFormatter for unit tests, over Intl: the subset of SimpleDateFormat (Utilities.formatDate)
 * BadgeDesk uses — yyyy, MM, dd, HH, mm, ss and Z (offset as -0600). Other letters throw, so a new
 * pattern in the code shows up here instead of formatting wrong.
 */

import type { DateFormatter } from "../../../src/app/ports";

function wallClock(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

export const formatDate: DateFormatter = (date, timeZone, pattern) => {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}${pad(Math.abs(offsetMinutes) % 60)}`;
  const tokens: Record<string, string> = {
    yyyy: String(w.year),
    MM: pad(w.month),
    dd: pad(w.day),
    HH: pad(w.hour),
    mm: pad(w.minute),
    ss: pad(w.second),
    Z: offset,
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z|[A-Za-z]/g, (token) => {
    const value = tokens[token];
    if (value === undefined) throw new Error(`test formatDate: pattern letter "${token}" not supported`);
    return value;
  });
};

export const CHICAGO = "America/Chicago";

/** The instant at a wall-clock time in Chicago, given its offset: at("2026-11-30T23:30", -6). */
export function at(local: string, offsetHours: number): Date {
  const sign = offsetHours < 0 ? "-" : "+";
  return new Date(`${local}:00${sign}${pad(Math.abs(offsetHours))}:00`);
}
