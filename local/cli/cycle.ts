import { PROGRESS_KEY, type Progress } from "../../src/app/progress";
import { type ExecutionRecord, propertiesOf, type Runtime, runUntil, triggersOf } from "../runtime";
import { call, entryPoint } from "./entry-points";
import { CliError } from "./options";
import type { Terminal } from "./terminal";

/** The cycle's saved state as far as the CLI reads it (src/domain/cycle-state.ts). */
export interface CycleSnapshot {
  month: string;
  phase: string;
  stopped?: string;
  lastError?: string;
  counts?: Record<string, unknown>;
}

export interface CycleRun {
  /** Every execution the triggers fired, in order. */
  executions: ExecutionRecord[];
  failed: ExecutionRecord[];
  state: CycleSnapshot | null;
  /** Virtual time when the month was done (or when the CLI stopped waiting). */
  endedAt: Date;
}

/** How far the virtual clock may run: a month's cycle with quota days and the notice delay fits. */
export const CYCLE_HORIZON_DAYS = 40;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The cycle's state: the script property holding `{ month, phase, counts }`. Found by shape, so
 * the CLI does not depend on the key the cycle chose.
 */
export function readCycleState(runtime: Runtime): CycleSnapshot | null {
  for (const [key, raw] of Object.entries(propertiesOf(runtime).script.all())) {
    if (!key.startsWith("badgedesk.") || !raw.startsWith("{")) continue;
    try {
      const value = JSON.parse(raw) as Partial<CycleSnapshot>;
      if (typeof value.month === "string" && typeof value.phase === "string" && value.counts) {
        return value as CycleSnapshot;
      }
    } catch {
      // Not JSON after all (a setting that happens to begin with "{"): not the cycle's state.
    }
  }
  return null;
}

/**
 * Redraws the progress whenever the script writes it — mid-execution too, as the sidebar's polling
 * would see it — by looking before each service call. Returns the function that stops watching.
 */
function watchProgress(runtime: Runtime, timeZone: string, term: Terminal): () => void {
  const store = propertiesOf(runtime).script;
  let seen: string | null = null;
  const look = () => {
    const raw = store.get(PROGRESS_KEY);
    if (raw === null || raw === seen) return;
    seen = raw;
    term.progress(JSON.parse(raw) as Progress, runtime.now(), timeZone);
  };
  runtime.beforeCall.push(look);
  return () => {
    look();
    runtime.beforeCall.splice(runtime.beforeCall.indexOf(look), 1);
  };
}

function nextTriggerAt(runtime: Runtime): number | null {
  const times = triggersOf(runtime)
    .filter((t) => t.eventType === "CLOCK" && !t.spent && t.nextFire)
    .map((t) => (t.nextFire as Date).getTime());
  return times.length ? Math.min(...times) : null;
}

function monthDone(state: CycleSnapshot | null, month: string): boolean {
  return state !== null && state.month >= month && (state.phase === "done" || Boolean(state.stopped));
}

/**
 * The monthly cycle as Apps Script would run it: the schedule is installed through its menu entry
 * point, then the virtual clock moves from trigger to trigger — the monthly run on the 1st, its
 * continuations, the quota days and the notice delay — until the month is done. Progress is drawn
 * after every execution.
 */
/** How long after the month is done the CLI lets one-off triggers fire. */
const SETTLE_MS = 10 * 60 * 1000;

export function runCycle(runtime: Runtime, month: string, timeZone: string, term: Terminal): CycleRun {
  const schedule = entryPoint(runtime, "schedule");
  const cycle = entryPoint(runtime, "cycle");
  if (!cycle) {
    throw new CliError("This build has no monthly cycle (runMonthlyCycle): nothing to run yet.", 1);
  }
  if (schedule) call(runtime, schedule);
  else {
    // No schedule entry point: the trigger's run is started by hand, continuations follow as usual.
    runtime.run(cycle, { origin: "trigger" });
  }
  const horizon = runtime.clock.now() + CYCLE_HORIZON_DAYS * DAY_MS;
  const executions: ExecutionRecord[] = [];
  const stopWatching = watchProgress(runtime, timeZone, term);
  try {
    while (!monthDone(readCycleState(runtime), month)) {
      const at = nextTriggerAt(runtime);
      if (at === null || at > horizon) break;
      // +1 ms: the virtual clock keeps fractions of a millisecond that a Date (and so `at`) drops,
      // and a trigger due at 12:55:52.0204 would not fire by 12:55:52.020.
      executions.push(...runUntil(runtime, new Date(at + 1)));
    }
    // What the month's last run left for the next minutes (the Dashboard's rebuild, instructors'
    // receipts) happens before the workbook is saved, as it would in the sheet.
    if (monthDone(readCycleState(runtime), month)) {
      executions.push(...runUntil(runtime, new Date(runtime.clock.now() + SETTLE_MS)));
    }
  } finally {
    stopWatching();
    term.done();
  }
  return {
    executions,
    failed: executions.filter((e) => !e.ok),
    state: readCycleState(runtime),
    endedAt: runtime.now(),
  };
}
