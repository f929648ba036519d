/**
 * The instants a month starts and ends in a time zone, so a report can sort 100,000 entries by
 * comparing numbers instead of formatting each stamp (every Utilities.formatDate is a service call).
 * Found by bisecting with the zone's own formatter, so daylight-saving changes and odd offsets
 * (+05:45) need no table of ours: the month starts at the first minute monthOf calls it that month.
 */

import type { DateFormatter } from "../app/ports";
import { addMonths, monthOf } from "./month";

const MINUTE = 60_000;
/** No zone is more than 14 hours from UTC; two days either side is ample. */
const SPAN = 2 * 24 * 60 * MINUTE;

/** The first instant of `month` ("yyyy-MM") in the zone. About 13 formatDate calls. */
export function monthStart(month: string, timeZone: string, formatDate: DateFormatter): Date {
  const [year, number] = month.split("-").map(Number);
  const utcStart = Date.UTC(year, number - 1, 1);
  let before = (utcStart - SPAN) / MINUTE; // in the month before, in any zone
  let inMonth = (utcStart + SPAN) / MINUTE; // in the month, in any zone
  while (inMonth - before > 1) {
    const middle = Math.floor((before + inMonth) / 2);
    if (monthOf(new Date(middle * MINUTE), timeZone, formatDate) >= month) inMonth = middle;
    else before = middle;
  }
  return new Date(inMonth * MINUTE);
}

/** [start, end) of the month in the zone, as instants. */
export function monthBounds(month: string, timeZone: string, formatDate: DateFormatter): { start: Date; end: Date } {
  return {
    start: monthStart(month, timeZone, formatDate),
    end: monthStart(addMonths(month, 1), timeZone, formatDate),
  };
}
