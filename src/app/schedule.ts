import { requireOperator } from "./access";
import { CLAIM_REFRESH_HANDLER, ensureWeeklyClaimRefresh } from "./claims";
import { writeLog } from "./log";
import { nextMonthlyRun } from "./next-run";
import type { Services, Triggers } from "./ports";
import { loadSettings, loadToken, updateSettings } from "./settings";

/** The monthly trigger's handler (settings-ui.ts looks for it by this name). */
export const MONTHLY_HANDLER = "runMonthlyCycle";
/** The one-off trigger a slice leaves for the next one. */
export const CONTINUATION_HANDLER = "continueMonthlyCycle";
/** The recurring triggers the schedule owns (with the weekly claim refresh): installing removes every older one first. */
const SCHEDULE_HANDLERS = [MONTHLY_HANDLER, CLAIM_REFRESH_HANDLER];

export const SCHEDULE_KEY = "badgedesk.schedule";

/** What was installed, by whom: installable triggers are listed only to their owner (apps-script.md). */
export interface ScheduleRecord {
  owner: string;
  day: number;
  hour: number;
  timeZone: string;
  monthlyTriggerId: string;
  installedAt: string;
}

export interface ScheduleChoice {
  day: number;
  hour: number;
}

export interface ScheduleResult {
  day: number;
  hour: number;
  timeZone: string;
  owner: string;
  nextRun: string;
  /** Older BadgeDesk triggers removed (this account's only). */
  removed: number;
  /** Something to act on ("" when all is well). */
  warning: string;
  message: string;
}

export const DEFAULT_SCHEDULE: ScheduleChoice = { day: 1, hour: 6 };

export function readSchedule(services: Pick<Services, "scriptProperties">): ScheduleRecord | null {
  const raw = services.scriptProperties.get(SCHEDULE_KEY);
  return raw ? (JSON.parse(raw) as ScheduleRecord) : null;
}

/**
 * "1 6", "15, 7", "" (the defaults) → day and hour. Days stop at 28 so every month has the day
 * (I: Google's reference does not say what onMonthDay(31) does in a 30-day month).
 */
export function parseScheduleAnswer(answer: string): ScheduleChoice {
  const parts = answer
    .split(/[\s,;/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return { ...DEFAULT_SCHEDULE };
  const [dayText, hourText] = parts;
  const day = Number(dayText);
  const hour = hourText === undefined ? DEFAULT_SCHEDULE.hour : Number(hourText);
  if (parts.length > 2 || !Number.isInteger(day) || day < 1 || day > 28) {
    throw new Error(`"${answer}": give the day of the month (1 to 28), then the hour (0 to 23), e.g. "1 6".`);
  }
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`"${answer}": the hour must be 0 to 23 (6 = between 6 and 7 in the morning).`);
  }
  return { day, hour };
}

function removeHandlers(triggers: Triggers, handlers: readonly string[]): number {
  const old = triggers.list().filter((t) => handlers.includes(t.handler));
  for (const t of old) triggers.remove(t.id);
  return old.length;
}

/**
 * Installs the monthly run (and the weekly claim refresh) in the spreadsheet's time zone, after
 * removing every older one this account made, so installing twice never leaves two. The triggers
 * run as whoever installs them, with that person's Credly token.
 */
export function scheduleMonthlyRun(services: Services, choice: ScheduleChoice = DEFAULT_SCHEDULE): ScheduleResult {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "schedule the monthly run");
  const { day, hour } = parseScheduleAnswer(`${choice.day} ${choice.hour}`);
  const timeZone = services.workbook.timeZone();
  const removed = removeHandlers(services.triggers, SCHEDULE_HANDLERS);
  const monthlyTriggerId = services.triggers.monthly(MONTHLY_HANDLER, day, hour, timeZone);
  const owner = services.users.effective();
  const earlier = readSchedule(services);
  const record: ScheduleRecord = {
    owner,
    day,
    hour,
    timeZone,
    monthlyTriggerId,
    installedAt: services.clock.now().toISOString(),
  };
  services.scriptProperties.set(SCHEDULE_KEY, JSON.stringify(record));
  updateSettings(services.scriptProperties, { scheduleDay: day, scheduleHour: hour });
  ensureWeeklyClaimRefresh(services);

  const warnings: string[] = [];
  if (!loadToken(services.userProperties)) {
    warnings.push("You have no Credly token saved: the monthly run uses yours. Save it in Settings.");
  }
  if (earlier?.owner && earlier.owner.toLowerCase() !== owner.toLowerCase()) {
    warnings.push(`${earlier.owner} scheduled it before; their old trigger removes itself the next time it fires.`);
  }
  const nextRun = nextMonthlyRun(services.clock.now(), timeZone, day, hour, services.formatDate);
  const message = `The monthly run is scheduled for day ${day} at ${hour}:00 (${timeZone}); next: ${nextRun}. Claim states are refreshed every Monday.`;
  writeLog(services, {
    action: "Schedule monthly run",
    counts: { day, hour, removed },
    outcome: [message, ...warnings].join(" "),
  });
  return { day, hour, timeZone, owner, nextRun, removed, warning: warnings.join(" "), message };
}

export interface StopResult {
  removed: number;
  message: string;
}

/**
 * Removes this account's BadgeDesk time triggers: the monthly run, the claim refresh and a pending
 * continuation. A month half-done stays as it is; Run the cycle now… finishes it.
 */
export function stopMonthlyRun(services: Services): StopResult {
  requireOperator(services.users, loadSettings(services.scriptProperties), "stop the monthly run");
  const removed = removeHandlers(services.triggers, [...SCHEDULE_HANDLERS, CONTINUATION_HANDLER]);
  const record = readSchedule(services);
  const others =
    record && record.owner.toLowerCase() !== services.users.effective().toLowerCase()
      ? ` It was scheduled by ${record.owner}: only they can remove their trigger.`
      : "";
  if (!others) services.scriptProperties.remove(SCHEDULE_KEY);
  const message =
    removed > 0
      ? `The monthly run is stopped (${removed} trigger(s) removed).${others}`
      : `You had no monthly run scheduled.${others}`;
  writeLog(services, { action: "Stop monthly run", counts: { removed }, outcome: message });
  return { removed, message };
}

/** The menu's answer ("1 6", blank for the defaults) → the schedule, or the problem in words. */
export function scheduleFromAnswer(services: Services, answer: string): ScheduleResult | { message: string } {
  let choice: ScheduleChoice;
  try {
    choice = parseScheduleAnswer(answer);
  } catch (error) {
    return { message: `Nothing was scheduled. ${(error as Error).message}` };
  }
  const done = scheduleMonthlyRun(services, choice);
  return { ...done, message: [done.message, done.warning].filter((t) => t !== "").join("\n\n") };
}
