/**
 * Fires installable triggers as new executions: time-driven ones as the virtual clock passes
 * them, event ones (form submit, edit…) when the host says the event happened.
 */
import type { ExecutionRecord } from "./execution";
import type { Runtime } from "./runtime";
import { type TriggerEventType, type TriggerRecord, triggerStore } from "./services/trigger-model";
import { isoWeekOfYear, resolveZone, wallTime } from "./services/zoned-time";

export interface RunUntilOptions {
  /** Stop with an error after this many fires (a trigger that keeps rescheduling itself at once). */
  maxFires?: number;
}

/**
 * Google's event object for a time-driven trigger (Event objects reference). Its example reads
 * `timezone: "UTC"` and users report the fields in UTC whatever the script's zone (S), so they are
 * given in UTC; day-of-week runs 1 (Monday) … 7 (Sunday) and week-of-year is the ISO week (I).
 */
export function clockEvent(trigger: TriggerRecord, at: number): Record<string, unknown> {
  const w = wallTime(at, resolveZone("UTC"));
  return {
    authMode: "FULL",
    "day-of-month": w.day,
    "day-of-week": w.weekday === 0 ? 7 : w.weekday,
    hour: w.hour,
    minute: w.minute,
    month: w.month,
    second: w.second,
    timezone: "UTC",
    triggerUid: trigger.id,
    "week-of-year": isoWeekOfYear(w.year, w.month, w.day),
    year: w.year,
  };
}

/**
 * One run of a trigger's handler as its owner. A handler that is not a top-level function of the
 * bundle fails that execution (Google lists it as failed with this text) and nothing else.
 */
function fire(runtime: Runtime, trigger: TriggerRecord, event: unknown, actor: string): ExecutionRecord {
  if (!runtime.hasEntryPoint(trigger.handler)) {
    const now = runtime.clock.now();
    const failed: ExecutionRecord = {
      // The runtime numbers executions itself; a run that never started has no number (0).
      id: 0,
      functionName: trigger.handler,
      user: trigger.owner,
      authMode: "FULL",
      origin: "trigger",
      startedAt: now,
      endedAt: now,
      ok: false,
      killed: false,
      error: `Script function not found: ${trigger.handler}`,
      calls: {},
      logs: [],
    };
    runtime.executions.push(failed);
    return failed;
  }
  const store = triggerStore(runtime);
  store.pendingRun = { triggerId: trigger.id, actor };
  try {
    return runtime.run(trigger.handler, { event, user: trigger.owner, origin: "trigger", authMode: "FULL" });
  } finally {
    store.pendingRun = undefined;
  }
}

function nextDue(runtime: Runtime, until: number): { trigger: TriggerRecord; at: number } | null {
  let best: { trigger: TriggerRecord; at: number } | null = null;
  // Creation order breaks ties, so runs repeat exactly.
  for (const trigger of triggerStore(runtime).live()) {
    const at = triggerStore(runtime).nextFire(trigger);
    if (at === null || at > until) continue;
    if (!best || at < best.at) best = { trigger, at };
  }
  return best;
}

/**
 * Moves the virtual clock to `until`, firing each due time-driven trigger on the way, in time
 * order, each as a new execution. A trigger created or deleted by a run counts from then on.
 * Executions here run one after another, so a recurring trigger's slots that pass while a run is
 * still going are skipped (on Google they could overlap).
 */
export function runUntil(runtime: Runtime, until: Date, options: RunUntilOptions = {}): ExecutionRecord[] {
  const limit = until.getTime();
  const maxFires = options.maxFires ?? 10_000;
  const fired: ExecutionRecord[] = [];
  for (let due = nextDue(runtime, limit); due; due = nextDue(runtime, limit)) {
    if (fired.length >= maxFires) {
      throw new Error(`runUntil: more than ${maxFires} trigger runs before ${until.toISOString()}`);
    }
    const { trigger, at } = due;
    runtime.clock.setAtLeast(at);
    trigger.cursor = Math.max(trigger.cursor, at);
    if (trigger.clock?.once !== undefined) trigger.spent = true;
    fired.push(fire(runtime, trigger, clockEvent(trigger, runtime.clock.now()), trigger.owner));
    trigger.cursor = Math.max(trigger.cursor, runtime.clock.now());
  }
  runtime.clock.setAtLeast(limit);
  return fired;
}

export interface EventFireOptions {
  /** Only the triggers of this spreadsheet or form. */
  sourceId?: string;
  /** Whose action it was (an editor, a respondent; "" for an anonymous respondent). */
  actor?: string;
}

/**
 * Runs every live installable trigger of `eventType` (in creation order) with `event`, to which
 * Google's `authMode` and `triggerUid` are added. Returns the executions, one per trigger.
 */
export function fireEventTriggers(
  runtime: Runtime,
  eventType: Exclude<TriggerEventType, "CLOCK">,
  event: Record<string, unknown>,
  options: EventFireOptions = {},
): ExecutionRecord[] {
  const triggers = triggerStore(runtime)
    .live()
    .filter((t) => t.eventType === eventType && (options.sourceId === undefined || t.sourceId === options.sourceId));
  return triggers.map((t) => fire(runtime, t, { ...event, authMode: "FULL", triggerUid: t.id }, options.actor ?? ""));
}

/**
 * A form was submitted: every onFormSubmit trigger runs with `event` (for a spreadsheet trigger:
 * `values`, `namedValues`, `range`; for a form trigger: `response`, `source`).
 */
export function fireFormSubmit(
  runtime: Runtime,
  event: Record<string, unknown>,
  options: EventFireOptions = {},
): ExecutionRecord[] {
  return fireEventTriggers(runtime, "ON_FORM_SUBMIT", event, options);
}

/** The live triggers of every user, for tests and tools (what Google's Triggers page shows). */
export function triggersOf(runtime: Runtime): Array<{
  id: string;
  handler: string;
  owner: string;
  eventType: TriggerEventType;
  sourceId: string | null;
  spent: boolean;
  nextFire: Date | null;
}> {
  const store = triggerStore(runtime);
  return store.live().map((t) => {
    const next = store.nextFire(t);
    return {
      id: t.id,
      handler: t.handler,
      owner: t.owner,
      eventType: t.eventType,
      sourceId: t.sourceId,
      spent: t.spent,
      nextFire: next === null ? null : new Date(next),
    };
  });
}
