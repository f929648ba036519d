import type { DateFormatter } from "./ports";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * When a monthly trigger on `day` at `hour` fires next after `now`, in words
 * ("1 December 2026, between 06:00 and 07:00 America/Chicago"). Apps Script fires a time trigger
 * at some minute in the hour after atHour() (shared/reference/apps-script.md), so it is an hour,
 * not a minute. The arithmetic is on the spreadsheet zone's wall clock, so no zone conversion.
 */
export function nextMonthlyRun(now: Date, timeZone: string, day: number, hour: number, format: DateFormatter): string {
  const [y, m, d, h] = format(now, timeZone, "yyyy-M-d-H").split("-").map(Number);
  const thisMonthPassed = d > day || (d === day && h >= hour);
  const month = thisMonthPassed ? (m % 12) + 1 : m;
  const year = thisMonthPassed && m === 12 ? y + 1 : y;
  const hh = (n: number) => String(n).padStart(2, "0");
  return `${day} ${MONTHS[month - 1]} ${year}, between ${hh(hour)}:00 and ${hh((hour + 1) % 24)}:00 ${timeZone}`;
}
