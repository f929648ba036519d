import type { Runtime } from "./runtime";

/**
 * Google resets a day's quotas on its own schedule, reported both as "24 h after the first call"
 * and as Pacific midnight (S: forum reports, no official text). The runtime models a quota day as
 * the calendar day in America/Los_Angeles (I), the same for every service and every user.
 */
export const QUOTA_TIME_ZONE = "America/Los_Angeles";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: QUOTA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The quota day ("YYYY-MM-DD", Pacific calendar day) that the virtual time `ms` falls in. */
export function quotaDay(ms: number): string {
  return dayFormat.format(ms);
}

/**
 * A per-user, per-day count against a limit (mail recipients, UrlFetch calls). Lives on the
 * runtime, so it outlives executions as Google's quota does.
 */
export class DailyQuota {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly runtime: Runtime,
    private readonly limit: () => number,
  ) {}

  private key(user: string): string {
    return `${user}|${quotaDay(this.runtime.clock.now())}`;
  }

  /** What `user` may still use today. */
  remaining(user: string): number {
    return Math.max(0, this.limit() - (this.used.get(this.key(user)) ?? 0));
  }

  /** Takes `n` units, or returns false (and takes nothing) when fewer remain. */
  take(user: string, n: number): boolean {
    if (n > this.remaining(user)) return false;
    const key = this.key(user);
    this.used.set(key, (this.used.get(key) ?? 0) + n);
    return true;
  }
}
