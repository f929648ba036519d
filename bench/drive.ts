/**
 * Moves the virtual clock from trigger to trigger, as Apps Script would fire them, until a job's
 * continuations are gone (or its state says it is done).
 */
import { type ExecutionRecord, type Runtime, runUntil, triggersOf } from "../local/runtime";

const DAY_MS = 24 * 60 * 60 * 1000;

function nextFire(runtime: Runtime, handlers: readonly string[]): number | null {
  const times = triggersOf(runtime)
    .filter((t) => t.eventType === "CLOCK" && !t.spent && t.nextFire && handlers.includes(t.handler))
    .map((t) => (t.nextFire as Date).getTime());
  return times.length ? Math.min(...times) : null;
}

/**
 * Fires the triggers of `handlers` (and any other trigger due on the way) until none of them is
 * left, `done()` says so, or `horizonDays` of virtual time have passed.
 */
export function drive(
  runtime: Runtime,
  handlers: readonly string[],
  options: { horizonDays: number; done?: () => boolean },
): ExecutionRecord[] {
  const horizon = runtime.clock.now() + options.horizonDays * DAY_MS;
  const fired: ExecutionRecord[] = [];
  while (!options.done?.()) {
    const at = nextFire(runtime, handlers);
    if (at === null || at > horizon) break;
    // The virtual clock keeps fractions of a millisecond and a Date drops them: round up, or the
    // trigger's own time would stay just ahead of `until` and never fire.
    fired.push(...runUntil(runtime, new Date(Math.ceil(at) + 1)));
  }
  return fired;
}
