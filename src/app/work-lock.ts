import type { Services } from "./ports";

/**
 * One BadgeDesk job at a time (the trigger's run and a menu run would otherwise send the same
 * notice twice). The script lock is shared by every user of the script; a run that cannot have it
 * within a few seconds leaves at once, and says who holds it.
 */
export const LOCK_WAIT_MS = 3000;
const HOLDER_KEY = "badgedesk.running";

export interface Holder {
  /** "the monthly run", "jane@agency.org from the menu". */
  by: string;
  at: string;
}

export type Locked<T> = { ok: true; value: T } | { ok: false; busy: string };

function holderText(services: Pick<Services, "scriptProperties" | "formatDate" | "workbook">): string {
  const raw = services.scriptProperties.get(HOLDER_KEY);
  if (!raw) return "";
  const holder = JSON.parse(raw) as Holder;
  const at = services.formatDate(new Date(holder.at), services.workbook.timeZone(), "d MMM HH:mm");
  return ` (started by ${holder.by} at ${at})`;
}

/** The words a person sees when the lock is taken. */
export function busyMessage(services: Pick<Services, "scriptProperties" | "formatDate" | "workbook">): string {
  return `BadgeDesk is already running${holderText(services)}; try again when it finishes.`;
}

/**
 * Runs `work` holding the script lock, or returns `busy` without touching anything. Pending sheet
 * writes are flushed before the lock goes (apps-script.md: flush before releasing a lock).
 */
export function withWorkLock<T>(services: Services, by: string, work: () => T, waitMs = LOCK_WAIT_MS): Locked<T> {
  if (!services.lock.tryLock(waitMs)) return { ok: false, busy: busyMessage(services) };
  try {
    services.scriptProperties.set(HOLDER_KEY, JSON.stringify({ by, at: services.clock.now().toISOString() }));
    return { ok: true, value: work() };
  } finally {
    services.workbook.flush();
    services.lock.release();
  }
}

/**
 * The same lock for work that must happen or fail loudly (the form trigger, an import): it waits
 * longer, since a slice of the monthly run may hold the lock for a few minutes, and throws the
 * busy message otherwise. A form response whose trigger fails this way is not lost: reconcile
 * adds it from the response sheet.
 */
export function requireWorkLock<T>(services: Services, by: string, work: () => T, waitMs = 30_000): T {
  const locked = withWorkLock(services, by, work, waitMs);
  if (!locked.ok) throw new Error(locked.busy);
  return locked.value;
}
