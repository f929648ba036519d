/**
 * The badge actions as a menu, a trigger or google.script.run start them: each under the script
 * lock (one BadgeDesk job at a time). Issuing from the menu goes on by itself: when a slice runs
 * out of time or Credly stays busy, a one-off trigger runs the next slice a minute later.
 */

import { priorMonth } from "../domain/month";
import { type ClaimRefreshResult, ensureWeeklyClaimRefresh, refreshClaimStates } from "./claims";
import { clearTriggers, replaceTrigger } from "./continuation";
import { requestDashboardRebuild } from "./dashboard";
import { type IssueResult, issueBadges } from "./issuing";
import type { Services } from "./ports";
import { type RevokeResult, revokeBadge } from "./revoke";
import { type SyncResult, syncBadgeTemplates } from "./templates-sync";
import { withWorkLock } from "./work-lock";

export const CONTINUE_ISSUING_HANDLER = "continueIssuingBadges";
const CONTINUATION_KEY = "badgedesk.issuing.continuation";
const NEXT_SLICE_MS = 60_000;

function locked<T>(services: Services, by: string, work: () => T): T {
  const result = withWorkLock(services, by, work);
  if (!result.ok) throw new Error(result.busy);
  return result.value;
}

function who(services: Services, how: string): string {
  return `${services.users.active() || "someone"} ${how}`;
}

/** The month the menu offers: the one before today's, in the spreadsheet's zone. */
export function defaultIssueMonth(services: Services): string {
  return priorMonth(services.clock.now(), services.workbook.timeZone(), services.formatDate);
}

function clearContinuation(services: Services): void {
  clearTriggers(services.triggers, CONTINUE_ISSUING_HANDLER);
  services.scriptProperties.remove(CONTINUATION_KEY);
}

/** One slice of issuing for the month; schedules the next slice when rows are left and time or Credly's patience ran out. */
export function issueBadgesNow(services: Services, month: string, how = "from the menu"): IssueResult {
  const result = locked(services, who(services, how), () => issueBadges(services, { month }));
  if (result.remaining > 0 && result.stoppedFor !== "auth") {
    services.scriptProperties.set(CONTINUATION_KEY, JSON.stringify({ month }));
    replaceTrigger(services.triggers, CONTINUE_ISSUING_HANDLER, NEXT_SLICE_MS);
  } else {
    clearContinuation(services);
  }
  return result;
}

/** The continuation trigger's run. */
export function continueIssuingBadges(services: Services): IssueResult | null {
  const raw = services.scriptProperties.get(CONTINUATION_KEY);
  if (!raw) {
    clearContinuation(services);
    return null;
  }
  return issueBadgesNow(services, (JSON.parse(raw) as { month: string }).month, "(continuing)");
}

/** Claim refresh; also makes sure the weekly refresh is installed. */
export function refreshClaimStatesNow(services: Services, how = "from the menu"): ClaimRefreshResult {
  const result = locked(services, who(services, how), () => refreshClaimStates(services));
  requestDashboardRebuild(services);
  ensureWeeklyClaimRefresh(services);
  return result;
}

export function syncBadgeTemplatesNow(services: Services): SyncResult {
  return locked(services, who(services, "from the menu"), () => syncBadgeTemplates(services));
}

export function revokeBadgeNow(services: Services, entryId: string, reason: string): RevokeResult {
  return locked(services, who(services, "from the menu"), () => revokeBadge(services, { entryId, reason }));
}
