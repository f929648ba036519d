/**
 * The project's installable triggers: they outlive executions, belong to the user who made them,
 * and are fired by local/runtime/scheduler.ts.
 */
import { type Runtime, registerServices } from "../runtime";
import { type ClockSpec, nextFireAfter, recurrenceOf, slotSeed } from "./clock-schedule";
import { resolveZone } from "./zoned-time";

export type TriggerEventType = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";
export type TriggerSourceName = "CLOCK" | "SPREADSHEETS" | "FORMS";

export interface TriggerRecord {
  /** Google's unique ids are long decimal strings. */
  id: string;
  handler: string;
  /** The user who created it: it runs as them and only they list it. */
  owner: string;
  eventType: TriggerEventType;
  source: TriggerSourceName;
  /** The spreadsheet's or form's id; null for a time-driven trigger. */
  sourceId: string | null;
  clock?: ClockSpec;
  /** The zone its schedule is read in (inTimezone, else the script's). */
  timeZone: string;
  createdAt: number;
  deleted: boolean;
  /** A one-off that has run: still listed until deleted (as on Google), never runs again. */
  spent: boolean;
  /** Fire times up to here are behind it. */
  cursor: number;
}

/** Why an execution runs: which trigger, and whose action set it off. */
export interface TriggerRun {
  triggerId: string;
  /** The person whose action fired it (an editor, a form respondent); the owner for time triggers. */
  actor: string;
}

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  private issued = 0;
  /** Set by the scheduler just before it starts a trigger's run; taken by that run. */
  pendingRun?: TriggerRun;
  readonly runs = new Map<number, TriggerRun>();

  newId(): string {
    this.issued += 1;
    // Long decimal ids like Google's (e.g. "4034124084959907503"), unique per runtime.
    return `40341240849${String(this.issued).padStart(8, "0")}`;
  }

  live(): TriggerRecord[] {
    return this.triggers.filter((t) => !t.deleted);
  }

  ownedBy(user: string): TriggerRecord[] {
    return this.live().filter((t) => t.owner === user);
  }

  /** When a live time-driven trigger fires next, or null if it never will. */
  nextFire(trigger: TriggerRecord): number | null {
    if (trigger.deleted || trigger.spent || !trigger.clock) return null;
    const spec = trigger.clock;
    if (recurrenceOf(spec) === "once") return Math.max(spec.once ?? 0, trigger.createdAt);
    return nextFireAfter(spec, resolveZone(trigger.timeZone), slotSeed(trigger.id), trigger.createdAt, trigger.cursor);
  }
}

export function triggerStore(runtime: Runtime): TriggerStore {
  return runtime.model("triggers", () => new TriggerStore());
}

/** The trigger behind an execution, if a trigger started it. */
export function triggerRunOf(runtime: Runtime, executionId: number): TriggerRun | undefined {
  return triggerStore(runtime).runs.get(executionId);
}

// Adds no globals: it ties the execution being set up to the trigger the scheduler is firing.
registerServices((exec, runtime) => {
  const store = triggerStore(runtime);
  if (store.pendingRun) {
    store.runs.set(exec.id, store.pendingRun);
    store.pendingRun = undefined;
  }
  return {};
});
