import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Runtime, registerServices } from "../runtime";

type LockApi = Pick<GoogleAppsScript.Lock.Lock, "tryLock" | "waitLock" | "releaseLock" | "hasLock">;
type LockServiceApi = Pick<GoogleAppsScript.Lock.LockService, "getScriptLock" | "getDocumentLock" | "getUserLock">;

/** Google's text when waitLock gives up (S: quoted in user reports; the reference says only "throws"). */
export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/** LockService needs no scope: a simple onEdit may take a lock (LIMITED). */
const LOCK_AUTH = "LIMITED" as const;

/** Which lock: the project's, the bound document's, or one user's. */
export type LockScope = "script" | "document" | { user: string };

/** An execution (by id) or something outside this runtime that holds until a given time. */
type Holder = { execution: number } | { outsideUntil: number };

class LocksModel {
  readonly holders = new Map<string, Holder>();

  releaseAll(executionId: number): void {
    for (const [key, holder] of this.holders) {
      if ("execution" in holder && holder.execution === executionId) this.holders.delete(key);
    }
  }
}

function keyOf(scope: LockScope): string {
  return typeof scope === "string" ? scope : `user:${scope.user}`;
}

function model(runtime: Runtime): LocksModel {
  return runtime.model("locks", () => {
    const locks = new LocksModel();
    // Apps Script releases an execution's locks when it ends, however it ends.
    runtime.endHooks.push((exec) => locks.releaseAll(exec.id));
    return locks;
  });
}

/**
 * Executions here are synchronous, so a holder that is another execution (an outer run that
 * started this one from a hook) cannot let go while we wait: the wait runs its full length on the
 * virtual clock and fails. An outside holder lets go at its stated time, if that comes within the wait.
 */
function acquire(exec: Execution, locks: LocksModel, key: string, timeoutMs: number): boolean {
  const wait = Math.max(0, Number(timeoutMs) || 0);
  const holder = locks.holders.get(key);
  const now = exec.clock.now();
  const free =
    holder === undefined ||
    ("outsideUntil" in holder && holder.outsideUntil <= now) ||
    ("execution" in holder && holder.execution === exec.id);
  if (free) {
    exec.charge(exec.costs.lockMs);
    locks.holders.set(key, { execution: exec.id });
    return true;
  }
  if ("outsideUntil" in holder && holder.outsideUntil <= now + wait) {
    exec.clock.setAtLeast(holder.outsideUntil);
    exec.charge(exec.costs.lockMs);
    locks.holders.set(key, { execution: exec.id });
    return true;
  }
  exec.charge(wait);
  return false;
}

function lock(exec: Execution, locks: LocksModel, key: string): GoogleAppsScript.Lock.Lock {
  let held = false;
  const holdsNow = () => {
    const holder = locks.holders.get(key);
    return held && holder !== undefined && "execution" in holder && holder.execution === exec.id;
  };
  const impl: LockApi = {
    tryLock(timeoutInMillis) {
      held = acquire(exec, locks, key, timeoutInMillis);
      return held;
    },
    waitLock(timeoutInMillis) {
      held = acquire(exec, locks, key, timeoutInMillis);
      if (!held) throw exec.makeError(LOCK_TIMEOUT);
    },
    releaseLock() {
      exec.charge(exec.costs.trivialMs);
      if (holdsNow()) locks.holders.delete(key);
      held = false;
    },
    hasLock() {
      return holdsNow();
    },
  };
  return emulate(exec, "Lock", impl, LOCK_AUTH) as GoogleAppsScript.Lock.Lock;
}

registerServices((exec, runtime) => {
  const locks = model(runtime);
  const service: LockServiceApi = {
    getScriptLock: () => lock(exec, locks, keyOf("script")),
    getDocumentLock: () => lock(exec, locks, keyOf("document")),
    getUserLock: () => lock(exec, locks, keyOf({ user: exec.user })),
  };
  return { LockService: emulate(exec, "LockService", service, LOCK_AUTH) };
});

/**
 * Makes something outside this runtime (another user's run on Google's side) hold a lock until
 * `until`: an execution that waits past that time gets the lock, one that gives up earlier does not.
 */
export function holdLock(runtime: Runtime, scope: LockScope, until: Date | number): void {
  model(runtime).holders.set(keyOf(scope), { outsideUntil: typeof until === "number" ? until : until.getTime() });
}

/** Who holds a lock now: an execution id, "outside", or null when it is free. */
export function lockHolder(runtime: Runtime, scope: LockScope): number | "outside" | null {
  const holder = model(runtime).holders.get(keyOf(scope));
  if (!holder) return null;
  if ("execution" in holder) return holder.execution;
  return holder.outsideUntil > runtime.clock.now() ? "outside" : null;
}
