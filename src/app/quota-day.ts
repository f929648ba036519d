import type { DateFormatter } from "./ports";

/**
 * Google resets the daily mail quota on its own schedule; it is reported both as Pacific midnight
 * and as 24 hours after the first send (shared/reference/apps-script.md: S, no official text).
 * BadgeDesk goes on at the next Pacific midnight plus a margin, and simply stops again cleanly if
 * the quota is not back yet: an early try costs one getRemainingDailyQuota call, nothing else.
 */
export const QUOTA_TIME_ZONE = "America/Los_Angeles";
const MARGIN_MS = 10 * 60 * 1000;

function offsetMs(at: Date, format: DateFormatter): number {
  const [sign, hours, minutes] = /^([+-])(\d\d):?(\d\d)$/.exec(format(at, QUOTA_TIME_ZONE, "Z"))?.slice(1) ?? [];
  if (!sign) return 0;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60 * 1000;
}

/** When the mail quota should be back: the next Pacific midnight after `now`, plus a margin. */
export function nextQuotaReset(now: Date, format: DateFormatter): Date {
  const [y, m, d] = format(now, QUOTA_TIME_ZONE, "yyyy-MM-dd").split("-").map(Number);
  const wallMidnight = Date.UTC(y, m - 1, d + 1);
  // The offset at the guess, not at `now`: the night may cross a daylight-saving change.
  const guess = new Date(wallMidnight - offsetMs(now, format));
  return new Date(wallMidnight - offsetMs(guess, format) + MARGIN_MS);
}
