/**
 * The monthly cycle as a state machine: intake → report → notices → wait → badges → summary →
 * done, one month at a time. The state is small JSON in script properties (a property value is
 * capped at 9 KB: shared/reference/apps-script.md), so it keeps counts and the next step, never rows.
 * Given the state and what a phase reported, `advance` says what the state becomes and when the
 * next slice should run; the app layer does the work and the scheduling.
 */

import { addMonths, monthLabel } from "./month";

export type CyclePhase = "intake" | "report" | "notices" | "wait" | "badges" | "summary" | "done";

export interface CycleCounts {
  /** Form responses added to Entries, and rows given an Entry ID / Entered At. */
  added: number;
  stamped: number;
  /** Entries in the month's report, and per decision. */
  entries: number;
  decisions: Record<string, number>;
  /** Notices sent and badges issued by this cycle, over every slice. */
  noticesSent: number;
  noticesFailed: number;
  badgesIssued: number;
  alreadyHeld: number;
  badgesFailed: number;
}

/**
 * Why the cycle waits: for a fresh execution (`slice`), the mail quota's reset (`quota`), the
 * notice delay (`delay`), or after a failure (`retry`). A person running the cycle from the menu
 * skips a `retry` wait only: the others are limits or policy.
 */
export interface NextSlice {
  at: string;
  kind: "slice" | "quota" | "delay" | "retry";
  why: string;
}

export interface CycleState {
  /** The report's month, "yyyy-MM": the entries entered in it. */
  month: string;
  phase: CyclePhase;
  startedAt: string;
  slices: number;
  counts: CycleCounts;
  /** Failed slices in a row; a slice that gets anywhere resets it. */
  failures: number;
  lastError: string;
  /** When the next slice is due and why; null when nothing is scheduled. */
  next: NextSlice | null;
  /** Why the cycle stopped and waits for a person (too many failures, Credly refused the token). */
  stopped: string;
  /** A slice is running; still true when the next one starts means that one was killed. */
  sliceOpen: boolean;
  /** "sending" is written before the summary goes out, so a killed slice never sends it twice. */
  summary: "" | "sending" | "sent";
  finishedAt: string;
}

/** What a phase reported, in the fields the cycle needs. */
export type PhaseOutcome =
  | { phase: "intake"; added: number; stamped: number }
  | { phase: "report"; total: number; counts: Record<string, number> }
  | {
      phase: "notices";
      sent: number;
      failed: number;
      remaining: number;
      stoppedFor: null | "time" | "quota";
      resumeAfter?: string | Date;
    }
  | { phase: "wait" }
  | {
      phase: "badges";
      issued: number;
      alreadyHeld: number;
      failed: number;
      remaining: number;
      waiting: number;
      nextEligibleAt?: string | Date;
      stoppedFor: null | "time" | "auth";
      message: string;
    }
  | { phase: "summary"; sent: boolean; resumeAfter?: string | Date };

export interface CycleRules {
  /** Days between the last notice and the first badge (settings.noticeDelayDays; 0 allowed). */
  delayDays: number;
  /** Failed slices in a row before the cycle stops and tells the specialist. */
  maxFailures: number;
}

/**
 * What the slice does next: `continue` with the next phase now (if its time box allows), `wait`
 * until `state.next.at`, `done` (the month is complete), or `stop` (a person must act; no
 * continuation).
 */
export type Go = "continue" | "wait" | "done" | "stop";

export interface Step {
  state: CycleState;
  go: Go;
}

export const MAX_FAILURES = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A slice that stopped for time resumes after this (a fresh execution, a fresh 6 minutes). */
export const NEXT_SLICE_MS = 60 * 1000;
/** A failed slice is retried after this, times the failures so far. */
export const RETRY_MS = 10 * 60 * 1000;

function iso(value: Date | string): string {
  return typeof value === "string" ? new Date(value).toISOString() : value.toISOString();
}

export function emptyCounts(): CycleCounts {
  return {
    added: 0,
    stamped: 0,
    entries: 0,
    decisions: {},
    noticesSent: 0,
    noticesFailed: 0,
    badgesIssued: 0,
    alreadyHeld: 0,
    badgesFailed: 0,
  };
}

export function startCycle(month: string, now: Date): CycleState {
  return {
    month,
    phase: "intake",
    startedAt: now.toISOString(),
    slices: 0,
    counts: emptyCounts(),
    failures: 0,
    lastError: "",
    next: null,
    stopped: "",
    sliceOpen: false,
    summary: "",
    finishedAt: "",
  };
}

/**
 * The month the cycle works on now, `due` being the month before today's (in the spreadsheet's
 * zone). A month left half-done is finished first; a complete month is not redone; a month skipped
 * (a missed trigger) is done before the next one, oldest first. Null: nothing to do.
 */
export function monthToRun(state: CycleState | null, due: string): string | null {
  if (!state) return due;
  if (state.phase !== "done") return state.month;
  if (state.month >= due) return null;
  return addMonths(state.month, 1);
}

/** True when the state says to hold off until `next.at` (a wait, a quota, a retry). */
export function notYet(state: CycleState, now: Date): boolean {
  return state.next !== null && new Date(state.next.at).getTime() > now.getTime();
}

/**
 * A new slice begins: count it, and notice when the last one never closed (it was killed). A
 * stopped cycle only runs again when a person or the monthly trigger asks: it starts a fresh count.
 */
export function openSlice(state: CycleState, now: Date, rules: CycleRules): Step {
  const failures = state.stopped ? 0 : state.failures;
  let next: CycleState = { ...state, slices: state.slices + 1, sliceOpen: true, stopped: "", failures };
  if (state.sliceOpen) {
    // The killed slice's own safety-net trigger started this one late already: no extra wait.
    next = {
      ...failed(
        next,
        "The previous slice stopped before it finished (Apps Script's 6-minute limit or an outage).",
        now,
        rules,
      ).state,
      next: null,
    };
    if (next.stopped) return { state: { ...next, sliceOpen: false }, go: "stop" };
  }
  return { state: next, go: "continue" };
}

/** The slice ends: closed, so the next slice knows it ended by itself. */
export function closeSlice(state: CycleState): CycleState {
  return { ...state, sliceOpen: false };
}

/** A phase threw (or the slice died): count it, and stop after `maxFailures` in a row. */
export function failed(state: CycleState, message: string, now: Date, rules: CycleRules): Step {
  const failures = state.failures + 1;
  if (failures >= rules.maxFailures) {
    return {
      state: {
        ...state,
        failures,
        lastError: message,
        next: null,
        stopped: `Stopped after ${failures} failed attempts in a row. Last error: ${message}`,
      },
      go: "stop",
    };
  }
  const at = new Date(now.getTime() + RETRY_MS * failures);
  return {
    state: { ...state, failures, lastError: message, next: { at: at.toISOString(), kind: "retry", why: message } },
    go: "wait",
  };
}

function moveTo(state: CycleState, phase: CyclePhase): Step {
  return { state: { ...state, phase, failures: 0, next: null }, go: phase === "done" ? "done" : "continue" };
}

/** Holds until `at`; a time already past means go on now (a notice delay of 0 days). */
function waitUntil(state: CycleState, now: Date, next: Omit<NextSlice, "at"> & { at: Date | string }): Step {
  const at = iso(next.at);
  const held: CycleState = { ...state, failures: 0, next: { ...next, at } };
  return { state: held, go: new Date(at).getTime() > now.getTime() ? "wait" : "continue" };
}

function soon(state: CycleState, now: Date, why: string): Step {
  return waitUntil(state, now, { at: new Date(now.getTime() + NEXT_SLICE_MS), kind: "slice", why });
}

/** The state after a phase reported `outcome` at `now`. */
export function advance(state: CycleState, outcome: PhaseOutcome, now: Date, rules: CycleRules): Step {
  const counts = state.counts;
  switch (outcome.phase) {
    case "intake":
      return moveTo({ ...state, counts: { ...counts, added: outcome.added, stamped: outcome.stamped } }, "report");
    case "report":
      return moveTo({ ...state, counts: { ...counts, entries: outcome.total, decisions: outcome.counts } }, "notices");
    case "notices": {
      const next: CycleState = {
        ...state,
        counts: {
          ...counts,
          noticesSent: counts.noticesSent + outcome.sent,
          noticesFailed: outcome.failed,
        },
      };
      if (outcome.stoppedFor === "time") return soon(next, now, "more notices to send");
      if (outcome.stoppedFor === "quota") {
        const at = outcome.resumeAfter ?? new Date(now.getTime() + DAY_MS);
        return waitUntil(next, now, { at, kind: "quota", why: "the daily e-mail quota is used up" });
      }
      const badgesFrom = new Date(now.getTime() + rules.delayDays * DAY_MS);
      return waitUntil({ ...next, phase: "wait" }, now, {
        at: badgesFrom,
        kind: "delay",
        why: `students get ${rules.delayDays} day(s) between the notice and the badge`,
      });
    }
    case "wait":
      if (notYet(state, now)) return { state, go: "wait" };
      return moveTo(state, "badges");
    case "badges": {
      const next: CycleState = {
        ...state,
        counts: {
          ...counts,
          badgesIssued: counts.badgesIssued + outcome.issued,
          alreadyHeld: counts.alreadyHeld + outcome.alreadyHeld,
          badgesFailed: outcome.failed,
        },
      };
      if (outcome.stoppedFor === "auth") {
        return {
          state: { ...next, lastError: outcome.message, next: null, stopped: outcome.message },
          go: "stop",
        };
      }
      if (outcome.stoppedFor === "time") return soon(next, now, "more badges to issue");
      if (outcome.remaining > 0) {
        // Credly was busy or an answer is still to be looked up: try again later, and let a
        // Credly that never answers count as failures so the specialist hears of it.
        if (outcome.issued + outcome.alreadyHeld > 0) {
          return waitUntil(next, now, {
            at: new Date(now.getTime() + RETRY_MS),
            kind: "slice",
            why: `${outcome.remaining} badge(s) to try again`,
          });
        }
        return failed(next, outcome.message || `${outcome.remaining} badge(s) could not be issued yet`, now, rules);
      }
      if (outcome.waiting > 0 && outcome.nextEligibleAt) {
        return waitUntil(next, now, {
          at: outcome.nextEligibleAt,
          kind: "delay",
          why: `${outcome.waiting} badge(s) wait for the notice delay`,
        });
      }
      return moveTo(next, "summary");
    }
    case "summary":
      if (!outcome.sent) {
        const at = outcome.resumeAfter ?? new Date(now.getTime() + DAY_MS);
        return waitUntil(state, now, { at, kind: "quota", why: "the daily e-mail quota is used up" });
      }
      return moveTo({ ...state, summary: "sent", finishedAt: now.toISOString() }, "done");
  }
}

/** The phase in the specialist's words. */
export const PHASE_WORDS: Record<CyclePhase, string> = {
  intake: "checking new entries",
  report: "building the report",
  notices: "sending notices",
  wait: "waiting the notice delay",
  badges: "issuing badges",
  summary: "e-mailing the summary",
  done: "done",
};

/**
 * "October 2026: sending notices (slice 3); 412 entries, 120 notices sent, 0 badges issued; next
 * 2026-11-02T08:10:00.000Z (the daily e-mail quota is used up)".
 */
/** `when` shows a saved time in the specialist's words (the app formats it in the sheet's zone). */
export function describeCycle(state: CycleState, when: (iso: string) => string = (iso) => iso): string {
  const c = state.counts;
  const parts = [
    `${monthLabel(state.month)}: ${PHASE_WORDS[state.phase]} (slice ${state.slices})`,
    `${c.entries} entries, ${c.noticesSent} notices sent, ${c.badgesIssued} badges issued`,
  ];
  if (state.next) parts.push(`next ${when(state.next.at)} (${state.next.why})`);
  if (state.lastError) parts.push(`last error: ${state.lastError}`);
  if (state.stopped) parts.push(`stopped: ${state.stopped}`);
  return parts.join("; ");
}
