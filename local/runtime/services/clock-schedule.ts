/**
 * When a time-driven trigger fires. Google's reference: a daily, weekly or monthly trigger runs
 * once "in the hour after" atHour, at a minute Google picks and then keeps; one-off triggers
 * (after, at) run "+/- 15 minutes" around their time. Here the slot inside the hour is drawn from
 * the trigger's id (stable, as Google's is), and one-offs run exactly on time (I).
 */
import { instantOf, wallTime, type Zone } from "./zoned-time";

export interface ClockSpec {
  /** A one-off trigger (after / at / atDate): its time. */
  once?: number;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekDay?: number;
  monthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

export type Recurrence = "once" | "minutes" | "hours" | "days" | "weeks" | "month";

/** The kind of schedule a builder described, or null when it describes none. */
export function recurrenceOf(spec: ClockSpec): Recurrence | null {
  if (spec.once !== undefined) return "once";
  if (spec.everyMinutes !== undefined) return "minutes";
  if (spec.everyHours !== undefined) return "hours";
  if (spec.monthDay !== undefined) return "month";
  if (spec.everyWeeks !== undefined || spec.weekDay !== undefined) return "weeks";
  if (spec.everyDays !== undefined) return "days";
  return null;
}

/** A stable 32-bit number from a trigger id: its slot inside the hour, its phase in a period. */
export function slotSeed(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function dateOfDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The first time strictly after `after` at which a recurring trigger fires. `createdAt` anchors
 * "every n days / weeks" (counted from the creation day / week in the trigger's zone).
 */
export function nextFireAfter(
  spec: ClockSpec,
  zone: Zone,
  seed: number,
  createdAt: number,
  after: number,
): number | null {
  const kind = recurrenceOf(spec);
  const minute = spec.nearMinute ?? seed % 60;
  const second = Math.floor(seed / 60) % 60;
  const hour = spec.atHour ?? Math.floor(seed / 3600) % 24;
  const at = (year: number, month: number, day: number) => instantOf(zone, year, month, day, hour, minute, second);
  switch (kind) {
    case "once":
      return null;
    case "minutes":
    case "hours": {
      const period = kind === "minutes" ? (spec.everyMinutes ?? 1) * 60_000 : (spec.everyHours ?? 1) * 3_600_000;
      const phase = kind === "hours" && spec.nearMinute !== undefined ? spec.nearMinute * 60_000 : seed % period;
      return phase + (Math.floor((after - phase) / period) + 1) * period;
    }
    case "days": {
      const n = spec.everyDays ?? 1;
      const c = wallTime(createdAt, zone);
      const anchor = dayNumber(c.year, c.month, c.day);
      const w = wallTime(after, zone);
      const start = dayNumber(w.year, w.month, w.day);
      for (let d = start; d <= start + n + 1; d++) {
        if ((((d - anchor) % n) + n) % n !== 0) continue;
        const { year, month, day } = dateOfDayNumber(d);
        const t = at(year, month, day);
        if (t > after) return t;
      }
      return null;
    }
    case "weeks": {
      const n = spec.everyWeeks ?? 1;
      const c = wallTime(createdAt, zone);
      const weekDay = spec.weekDay ?? c.weekday;
      // Weeks counted from the Sunday that starts the creation week.
      const anchorWeek = Math.floor((dayNumber(c.year, c.month, c.day) - c.weekday + 4) / 7);
      const w = wallTime(after, zone);
      const start = dayNumber(w.year, w.month, w.day);
      for (let d = start; d <= start + 7 * n + 7; d++) {
        const { year, month, day } = dateOfDayNumber(d);
        // Day 0 of the epoch (1970-01-01) was a Thursday.
        const weekday = (((d + 4) % 7) + 7) % 7;
        if (weekday !== weekDay) continue;
        const week = Math.floor((d - weekday + 4) / 7);
        if ((((week - anchorWeek) % n) + n) % n !== 0) continue;
        const t = at(year, month, day);
        if (t > after) return t;
      }
      return null;
    }
    case "month": {
      const monthDay = spec.monthDay ?? 1;
      const w = wallTime(after, zone);
      for (let i = 0; i < 14; i++) {
        const year = w.year + Math.floor((w.month - 1 + i) / 12);
        const month = ((w.month - 1 + i) % 12) + 1;
        // A month without that day (31 in April) is skipped (I: Google does not say).
        const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (monthDay > daysInMonth) continue;
        const t = at(year, month, monthDay);
        if (t > after) return t;
      }
      return null;
    }
    default:
      return null;
  }
}
