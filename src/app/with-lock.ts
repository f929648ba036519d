import type { Lock } from "./ports";

/**
 * Runs `work` holding the script lock, so two runs (a menu click and the form trigger, say) never
 * append to the same sheet at once: an append is a getLastRow and a setValues, not one step.
 * Apps Script releases the lock when the execution ends, however it ends.
 */
export function withLock<T>(lock: Lock, work: () => T, waitMs = 30_000): T {
  if (!lock.tryLock(waitMs)) {
    throw new Error("Another BadgeDesk run is still working on the workbook. Try again in a minute.");
  }
  try {
    return work();
  } finally {
    lock.release();
  }
}
