import type { Clock } from "./ports";

/**
 * Apps Script stops an execution at 6 minutes, and `finally` is not guaranteed to run then; work
 * runs in slices that stop half a minute before, leaving time to save the place and schedule the
 * rest. Each phase checks the clock before every message and keeps 70 s before any network step (a
 * fetch can take 60 s to time out), so no step that starts inside the slice can reach the limit:
 * the benchmark's longest execution is 319 s.
 */
export const SLICE_MS = 5.5 * 60 * 1000;

export interface Budget {
  /** Milliseconds left in this slice. */
  remainingMs(): number;
  /** True when the slice should stop taking on new work (keeps `reserveMs` for bookkeeping). */
  exhausted(reserveMs?: number): boolean;
}

export function budget(clock: Clock, sliceMs: number = SLICE_MS): Budget {
  const startedAt = clock.now().getTime();
  const remainingMs = () => sliceMs - (clock.now().getTime() - startedAt);
  return {
    remainingMs,
    exhausted: (reserveMs = 0) => remainingMs() <= reserveMs,
  };
}
