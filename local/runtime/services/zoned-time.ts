/**
 * Wall-clock time in an IANA zone, from the host's Intl data: what Utilities.formatDate and the
 * time-driven trigger schedules need (offsets that change across DST).
 */

/** The fields of an instant as read on a wall clock in some zone. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** A zone Intl understands, or a fixed offset from UTC in minutes (Java's "GMT+05:30" ids). */
export type Zone = { kind: "iana"; id: string } | { kind: "fixed"; id: string; offsetMinutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(id: string): Intl.DateTimeFormat {
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: id,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
      era: "short",
    });
    formatters.set(id, f);
  }
  return f;
}

function isIana(id: string): boolean {
  try {
    formatter(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a zone id the way Java's TimeZone.getTimeZone does (Apps Script runs Java underneath):
 * an unknown id silently becomes GMT rather than an error (S: widely reported behaviour of
 * Utilities.formatDate with a misspelt zone).
 */
export function resolveZone(id: string): Zone {
  const fixed = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return { kind: "fixed", id, offsetMinutes: fixed[1] === "-" ? -minutes : minutes };
  }
  if (id && isIana(id)) return { kind: "iana", id };
  return { kind: "fixed", id: "GMT", offsetMinutes: 0 };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall-clock fields of `ms` in `zone`. */
export function wallTime(ms: number, zone: Zone): WallTime {
  if (zone.kind === "fixed") {
    const d = new Date(ms + zone.offsetMinutes * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(zone.id).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const yearOfEra = Number(parts.year);
  return {
    year: parts.era === "BC" ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** Minutes to add to UTC to get the wall clock of `zone` at `ms` (-360 for Chicago in winter). */
export function offsetMinutes(ms: number, zone: Zone): number {
  if (zone.kind === "fixed") return zone.offsetMinutes;
  const w = wallTime(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - ms) / 60_000);
}

/**
 * The instant a wall clock in `zone` shows the given fields. A time skipped by a DST jump resolves
 * to the instant after the jump; a repeated hour resolves to its first occurrence (as Java's
 * lenient Calendar does).
 */
export function instantOf(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  const second_ = asUtc - offsetMinutes(first, zone) * 60_000;
  if (second_ === first) return first;
  // Either side of a transition: prefer the earlier instant that still shows the asked-for time.
  const candidates = [first, second_].sort((a, b) => a - b);
  for (const c of candidates) {
    if (c + offsetMinutes(c, zone) * 60_000 === asUtc) return c;
  }
  return Math.max(first, second_);
}

/** The zone's short name (CST, CDT…) or its long name (Central Standard Time), as Intl spells it. */
export function zoneName(ms: number, zone: Zone, style: "short" | "long"): string {
  if (zone.kind === "fixed") return formatOffset(zone.offsetMinutes, "GMT", true);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone.id, timeZoneName: style }).formatToParts(
    new Date(ms),
  );
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone.id;
}

/** "-0600", "-06:00", "GMT-06:00"…: `colon` picks the separator; a zero offset stays numeric. */
export function formatOffset(minutes: number, prefix: string, colon: boolean): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${prefix}${sign}${hh}${colon ? ":" : ""}${mm}`;
}

/** Day of the year, 1-based, of a calendar date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/**
 * Week of the year as java.util.Calendar counts it for the US locale (weeks start on Sunday; week 1
 * is the one holding 1 January, so the last days of December may be week 1 of the next year).
 */
export function usWeekOfYear(year: number, month: number, day: number): number {
  const jan1Weekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const week = Math.floor((dayOfYear(year, month, day) - 1 + jan1Weekday) / 7) + 1;
  if (month === 12) {
    const nextJan1Weekday = new Date(Date.UTC(year + 1, 0, 1)).getUTCDay();
    // The days of December that share a Sunday-started week with 1 January of the next year.
    if (nextJan1Weekday !== 0 && day > 31 - nextJan1Weekday) return 1;
  }
  return week;
}

/** ISO-8601 week number (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeekOfYear(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isoWeekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - isoWeekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
