import type { Triggers } from "./ports";
import { CONTINUATION_HANDLER } from "./schedule";

/**
 * A spent after() trigger stays listed, and counts toward the 20 triggers a user may have, until
 * it is deleted (apps-script.md, "Triggers"). Continuations are replaced, never just deleted,
 * while work remains, so at most one per job is pending once a run has done its bookkeeping.
 */
export function clearTriggers(triggers: Triggers, handler: string, keep = ""): number {
  const spent = triggers.list().filter((t) => t.handler === handler && t.id !== keep);
  for (const t of spent) triggers.remove(t.id);
  return spent.length;
}

/** Google fires a one-off trigger some time after it is due, never before; a minute is the least we ask. */
export const MIN_AFTER_MS = 60 * 1000;

/**
 * Makes the one pending one-off trigger of `handler` due in `afterMs` (at least a minute). The new
 * trigger is made *before* the old ones go: an execution killed in between (the 6-minute limit
 * gives no warning) leaves two, which the next run folds into one — never none, which would stall
 * the job until someone noticed.
 */
export function replaceTrigger(triggers: Triggers, handler: string, afterMs: number): string {
  const id = triggers.after(handler, Math.max(MIN_AFTER_MS, afterMs));
  clearTriggers(triggers, handler, id);
  return id;
}

/** The monthly cycle's continuation. */
export function clearContinuations(triggers: Triggers): number {
  return clearTriggers(triggers, CONTINUATION_HANDLER);
}

/** The monthly cycle's one continuation, due at `at` (or a minute from now if that is sooner). */
export function replaceContinuation(triggers: Triggers, at: Date, now: Date): string {
  return replaceTrigger(triggers, CONTINUATION_HANDLER, at.getTime() - now.getTime());
}
