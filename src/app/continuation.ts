import type { Triggers } from "./ports";
import { CONTINUATION_HANDLER } from "./schedule";

/**
 * A spent after() trigger stays listed, and counts toward the 20 triggers a user may have, until
 * it is deleted (apps-script.md, "Triggers"). Every continuation is deleted when a slice starts
 * and ends, so at most one is ever pending.
 */
export function clearContinuations(triggers: Triggers): number {
  const spent = triggers.list().filter((t) => t.handler === CONTINUATION_HANDLER);
  for (const t of spent) triggers.remove(t.id);
  return spent.length;
}

/** Google fires a one-off trigger some time after it is due, never before; a minute is the least we ask. */
const MIN_AFTER_MS = 60 * 1000;

/** The one pending continuation, due at `at` (or a minute from now if that is sooner). */
export function scheduleContinuation(triggers: Triggers, at: Date, now: Date): string {
  return triggers.after(CONTINUATION_HANDLER, Math.max(MIN_AFTER_MS, at.getTime() - now.getTime()));
}
