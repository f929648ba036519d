/**
 * "Send notices…" from the menu: one time-boxed slice under the script lock, then, when the slice
 * or the day's mail quota ran out, a one-off trigger that goes on by itself (after a minute, or
 * once the quota is back). The monthly cycle calls sendNotices directly inside its own slices.
 */

import { budget } from "./budget";
import { clearTriggers, replaceTrigger } from "./continuation";
import { reportMonths } from "./notice-dialog";
import { ensureTemplatesSheet } from "./notice-templates";
import { type SendNoticesResult, sendNotices } from "./notices";
import type { Services } from "./ports";
import { writeProgress } from "./progress";
import { withWorkLock } from "./work-lock";

export const CONTINUE_HANDLER = "continueSendingNotices";
export const CONTINUATION_KEY = "badgedesk.notices.continuation";
const NEXT_SLICE_MS = 60_000;
/** When another run holds the lock, try again this much later. */
const BUSY_RETRY_MS = 5 * 60_000;

export interface NoticeRunResult extends SendNoticesResult {
  /** What happened, in a sentence for the dialog. */
  message: string;
}

function scheduleContinuation(services: Services, month: string, afterMs: number): void {
  services.scriptProperties.set(CONTINUATION_KEY, JSON.stringify({ month }));
  replaceTrigger(services.triggers, CONTINUE_HANDLER, Math.max(afterMs, NEXT_SLICE_MS));
}

function say(result: SendNoticesResult): string {
  const parts = [`Sent ${result.sent} notices (${result.rows} report rows).`];
  if (result.failed > 0) parts.push(`${result.failed} rows failed: see Last Error.`);
  if (result.stuck.length > 0) {
    parts.push(
      `${result.stuck.length} rows were left Sending by an interrupted run: check the outbox, then set Notice Status to Sent or clear it (${result.held} students wait for that).`,
    );
  }
  if (result.stoppedFor === "time") parts.push(`${result.remaining} students left: BadgeDesk goes on in a minute.`);
  if (result.stoppedFor === "quota") {
    parts.push(`Today's mail quota is used up: the other ${result.remaining} go after ${result.resumeAfter}.`);
  }
  return parts.join(" ");
}

/** One slice of sending for `month` under the work lock, scheduling the next when there is more. */
export function sendNoticesNow(services: Services, month: string, by = "the menu"): NoticeRunResult | { busy: string } {
  if (!month) month = reportMonths(services.workbook)[0] ?? "";
  const locked = withWorkLock(services, by, () => {
    ensureTemplatesSheet(services.workbook);
    const progress = (done: number, total: number, quotaLeft: number, finished: boolean, message: string) =>
      writeProgress(services.scriptProperties, services.clock, {
        job: "Send notices",
        phase: month,
        done,
        total,
        slice: 1,
        quotaLeft,
        message,
        finished,
      });
    const result = sendNotices(services, {
      month,
      budget: budget(services.clock),
      onBatch: (done, total, quotaLeft) => progress(done, total, quotaLeft, false, `Sending the ${month} notices…`),
    });
    if (result.stoppedFor === "time") scheduleContinuation(services, month, NEXT_SLICE_MS);
    else if (result.stoppedFor === "quota" && result.resumeAfter) {
      scheduleContinuation(services, month, Date.parse(result.resumeAfter) - services.clock.now().getTime());
    } else {
      services.scriptProperties.remove(CONTINUATION_KEY);
    }
    const message = say(result);
    progress(result.sent, result.sent + result.remaining, result.quotaLeft, result.stoppedFor === null, message);
    return { ...result, message };
  });
  return locked.ok ? locked.value : { busy: locked.busy };
}

/** The one-off trigger's run: the next slice of the month it was scheduled for. */
export function continueSendingNotices(services: Services): NoticeRunResult | { busy: string } | null {
  clearTriggers(services.triggers, CONTINUE_HANDLER);
  const raw = services.scriptProperties.get(CONTINUATION_KEY);
  if (!raw) return null;
  const { month } = JSON.parse(raw) as { month: string };
  const outcome = sendNoticesNow(services, month, "the notices' continuation");
  if ("busy" in outcome) scheduleContinuation(services, month, BUSY_RETRY_MS);
  return outcome;
}
