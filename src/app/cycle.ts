/**
 * The monthly cycle (issue #9): reconcile intake → build the prior month's report → send notices →
 * wait the notice delay → issue badges → e-mail the specialist a summary. Each execution is one
 * time-boxed slice under the script lock: it saves its place (cycle-store.ts) and leaves one
 * continuation trigger for the next slice. The decisions are in domain/cycle-state.ts.
 */

import {
  advance,
  type CycleRules,
  type CycleState,
  closeSlice,
  describeCycle,
  failed,
  type Go,
  MAX_FAILURES,
  monthToRun,
  NEXT_SLICE_MS,
  notYet,
  openSlice,
  PHASE_WORDS,
  type PhaseOutcome,
  type Step,
  startCycle,
} from "../domain/cycle-state";
import { monthLabel, priorMonth } from "../domain/month";
import { requireOperator } from "./access";
import { type Budget, budget } from "./budget";
import { clearContinuations, replaceContinuation } from "./continuation";
import { sendCycleSummary, tellCycleStopped, whenText } from "./cycle-mail";
import { loadCycle, saveCycle } from "./cycle-store";
import { writeLog } from "./log";
import type { Services } from "./ports";
import { writeProgress } from "./progress";
import { nextQuotaReset } from "./quota-day";
import { CONTINUATION_HANDLER, readSchedule } from "./schedule";
import { loadSettings, type Settings } from "./settings";
import { withWorkLock } from "./work-lock";

/** One phase's work for `month` within the slice's time box. */
export type PhaseWork = (services: Services, month: string, slice: Budget) => PhaseOutcome;

/** The phases the cycle drives (cycle-phases.ts binds the real ones). */
export interface CyclePhases {
  intake: PhaseWork;
  report: PhaseWork;
  notices: PhaseWork;
  badges: PhaseWork;
}

export type CycleOrigin = "monthly trigger" | "continuation" | "menu";

export interface CycleOptions {
  origin: CycleOrigin;
  /** The trigger that started this run (a time trigger's event carries it). */
  triggerUid?: string;
  phases: CyclePhases;
}

export interface CycleRun {
  /**
   * busy: another run holds the lock; idle: no month to work on; waiting: not time yet; worked: a
   * slice ran; stopped: a person must act; retired: an old monthly trigger removed itself.
   */
  status: "busy" | "idle" | "waiting" | "worked" | "stopped" | "retired";
  message: string;
  month: string | null;
  phase: string | null;
  /** When the next slice is due (ISO), if one is scheduled. */
  next: string | null;
}

/** Time kept back for the bookkeeping after the last phase: state, progress, triggers, Log. */
const RESERVE_MS = 30_000;
/**
 * Left at the start of each slice and replaced at its end: if the slice is killed at 6 minutes
 * (and `finally` does not run: apps-script.md), this one starts the next.
 */
const SAFETY_NET_MS = 8 * 60 * 1000;
/** A trigger run that finds the lock taken tries again this much later. */
const BUSY_RETRY_MS = 10 * 60 * 1000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function result(status: CycleRun["status"], message: string, state: CycleState | null): CycleRun {
  return {
    status,
    message,
    month: state?.month ?? null,
    phase: state?.phase ?? null,
    next: state?.next?.at ?? null,
  };
}

/**
 * The monthly cycle's entry: from the monthly trigger, its continuation, or the menu. A menu run
 * that cannot have the lock says so and touches nothing; a trigger run tries again later.
 */
export function runMonthlyCycle(services: Services, options: CycleOptions): CycleRun {
  const menu = options.origin === "menu";
  if (menu) requireOperator(services.users, loadSettings(services.scriptProperties), "run the monthly cycle");
  if (options.origin === "monthly trigger" && options.triggerUid) {
    const retired = retireOrphan(services, options.triggerUid);
    if (retired) return retired;
  }
  const by = menu ? `${services.users.active() || "someone"} from the menu` : "the monthly run";
  const locked = withWorkLock(services, by, () => cycleSlice(services, options));
  if (locked.ok) {
    if (menu) services.ui.alert(locked.value.message);
    return locked.value;
  }
  if (menu) services.ui.alert(locked.busy);
  else services.triggers.after(CONTINUATION_HANDLER, BUSY_RETRY_MS);
  return result("busy", locked.busy, null);
}

/**
 * A monthly trigger that is not the scheduled one (left by an earlier install, maybe another
 * operator's, which we cannot list) removes itself: the run runs as its owner, who can.
 */
function retireOrphan(services: Services, triggerUid: string): CycleRun | null {
  const record = readSchedule(services);
  if (record && record.monthlyTriggerId === triggerUid) return null;
  services.triggers.remove(triggerUid);
  const message = record
    ? `An older monthly trigger removed itself: the monthly run is now scheduled by ${record.owner}.`
    : "A monthly trigger removed itself: the monthly run is not scheduled (Schedule monthly run… sets it).";
  writeLog(services, { action: "Monthly cycle", outcome: message });
  return result("retired", message, null);
}

function showProgress(services: Services, state: CycleState, message: string): void {
  const c = state.counts;
  const badgeRows = c.decisions.Badge ?? 0;
  const sending = state.phase === "notices";
  writeProgress(services.scriptProperties, services.clock, {
    job: "Monthly cycle",
    phase: `${monthLabel(state.month)}: ${PHASE_WORDS[state.phase]}`,
    // `badgesIssued` already counts the badges Credly held before (alreadyHeld is a part of it).
    done: sending ? c.noticesSent : c.badgesIssued,
    total: badgeRows,
    slice: state.slices,
    quotaLeft: null,
    message,
    finished: state.phase === "done" || state.stopped !== "",
  });
}

/** The summary, at most once: "sending" is saved before it goes, so a killed slice never resends. */
function summaryPhase(services: Services, settings: Settings, state: CycleState): PhaseOutcome {
  if (state.summary === "sending") return { phase: "summary", sent: true };
  const now = services.clock.now();
  if (services.mailer.remainingDailyQuota() < 1) {
    return { phase: "summary", sent: false, resumeAfter: nextQuotaReset(now, services.formatDate) };
  }
  saveCycle(services.scriptProperties, { ...state, summary: "sending" });
  sendCycleSummary(services, settings, state);
  return { phase: "summary", sent: true };
}

function outcomeOf(
  services: Services,
  settings: Settings,
  state: CycleState,
  phases: CyclePhases,
  slice: Budget,
): PhaseOutcome {
  switch (state.phase) {
    case "wait":
      return { phase: "wait" };
    case "summary":
      return summaryPhase(services, settings, state);
    case "done":
      throw new Error(`The cycle for ${monthLabel(state.month)} is already done.`);
    default:
      return phases[state.phase](services, state.month, slice);
  }
}

/** One phase, and the state it leaves; a phase that throws is a failed slice with its reason kept. */
function runPhase(
  services: Services,
  settings: Settings,
  state: CycleState,
  phases: CyclePhases,
  slice: Budget,
  rules: CycleRules,
): Step {
  try {
    return advance(state, outcomeOf(services, settings, state, phases, slice), services.clock.now(), rules);
  } catch (error) {
    return failed(state, errorText(error), services.clock.now(), rules);
  }
}

function cycleSlice(services: Services, options: CycleOptions): CycleRun {
  const props = services.scriptProperties;
  const settings = loadSettings(props);
  const rules: CycleRules = { delayDays: settings.noticeDelayDays, maxFailures: MAX_FAILURES };
  const started = services.clock.now();
  // First of all a safety net: if this slice is killed anywhere below, the month still goes on.
  replaceContinuation(services.triggers, new Date(started.getTime() + SAFETY_NET_MS), started);
  props.set(LAST_SLICE_KEY, started.toISOString());
  const due = priorMonth(started, services.workbook.timeZone(), services.formatDate);
  const saved = loadCycle(props);
  const month = monthToRun(saved, due);
  if (!month) {
    clearContinuations(services.triggers);
    const message = `${monthLabel(due)} is already complete; the next cycle starts on the schedule.`;
    writeLog(services, { action: "Monthly cycle", outcome: message });
    return result("idle", message, saved);
  }
  let state = saved && saved.month === month ? saved : startCycle(month, started);
  const skipsRetry = options.origin === "menu" && state.next?.kind === "retry";
  if (state.next && notYet(state, started) && !skipsRetry) {
    replaceContinuation(services.triggers, new Date(state.next.at), started);
    const message = `${monthLabel(state.month)}: ${PHASE_WORDS[state.phase]}; goes on at ${state.next.at} (${state.next.why}).`;
    return result("waiting", message, state);
  }

  const opened = openSlice(state, started, rules);
  state = opened.state;
  let go: Go = opened.go;
  saveCycle(props, state);
  const slice = budget(services.clock);
  const finished: string[] = [];
  while (go === "continue") {
    if (slice.exhausted(RESERVE_MS)) {
      const at = new Date(services.clock.now().getTime() + NEXT_SLICE_MS);
      state = { ...state, next: { at: at.toISOString(), kind: "slice", why: "this slice's time is up" } };
      go = "wait";
      break;
    }
    const step = runPhase(services, settings, state, options.phases, slice, rules);
    state = step.state;
    go = step.go;
    saveCycle(props, state);
    showProgress(services, state, describeCycle(state, whenText(services)));
    if (go === "done") {
      finished.push(`${monthLabel(state.month)} is done in ${state.slices} slice(s).`);
      const nextMonth = monthToRun(state, due);
      if (nextMonth) {
        state = { ...startCycle(nextMonth, services.clock.now()), slices: 1, sliceOpen: true };
        go = "continue";
      }
    }
  }

  state = closeSlice(state);
  saveCycle(props, state);
  const ended = services.clock.now();
  if (go === "wait" && state.next) replaceContinuation(services.triggers, new Date(state.next.at), ended);
  else clearContinuations(services.triggers);
  const problem = go === "stop" ? tellCycleStopped(services, settings, state) : "";
  const message = [...finished, `${describeCycle(state, whenText(services))}.`, problem]
    .filter((t) => t !== "")
    .join(" ");
  showProgress(services, state, message);
  writeLog(services, {
    action: "Monthly cycle",
    counts: {
      month: state.month,
      slice: state.slices,
      notices: state.counts.noticesSent,
      badges: state.counts.badgesIssued,
    },
    outcome: message,
  });
  return result(go === "stop" ? "stopped" : "worked", message, state);
}

/** When the last slice began: the watchdog's sign of life. */
const LAST_SLICE_KEY = "badgedesk.cycle.lastSlice";
const HOUR_MS = 60 * 60 * 1000;
/** A slice lasts minutes and leaves a continuation; an hour without one means it died first. */
const STALLED_AFTER_MS = HOUR_MS;

/**
 * The weekly trigger's second job. An execution can end at any service call (not only at the
 * 6-minute limit: Google's own errors end it too), so a slice may die before it leaves its
 * continuation, and the month would wait for the next monthly run. This picks a due month up
 * again — at most a week after it stalled — unless the monthly run is not scheduled, this month's
 * run has not come yet, the cycle stopped for a person or waits for a time it saved, or a slice
 * ran within the hour.
 */
export function resumeStalledCycle(services: Services): boolean {
  const schedule = readSchedule(services);
  if (!schedule) return false;
  const now = services.clock.now();
  const timeZone = services.workbook.timeZone();
  // This month's run time (to the hour; a DST change moves it by one at most, which is fine here).
  const [day, hour, minute] = services.formatDate(now, timeZone, "d-H-m").split("-").map(Number);
  const sinceRunMs = ((day - schedule.day) * 24 + (hour - schedule.hour)) * HOUR_MS + minute * 60 * 1000;
  // Before this month's run, or a schedule installed after it: the monthly run has not had its turn.
  if (sinceRunMs < HOUR_MS || Date.parse(schedule.installedAt) > now.getTime() - sinceRunMs) return false;
  const props = services.scriptProperties;
  const state = loadCycle(props);
  if (state?.stopped) return false;
  // A wait saved by a slice (the notice delay, a quota day) has its trigger: the slice left its
  // safety net before it saved anything.
  if (state && notYet(state, now)) return false;
  const month = monthToRun(state, priorMonth(now, timeZone, services.formatDate));
  if (!month) return false;
  const lastSlice = props.get(LAST_SLICE_KEY);
  if (lastSlice && now.getTime() - Date.parse(lastSlice) < STALLED_AFTER_MS) return false;
  replaceContinuation(services.triggers, now, now);
  writeLog(services, {
    action: "Monthly cycle",
    outcome: `${monthLabel(month)} had no run pending (a run ended early); it goes on in a minute.`,
  });
  return true;
}

/** What "Run the cycle now…" would do, in words (reads the saved state only). */
export function cycleOutlook(services: Services): string {
  const settings = loadSettings(services.scriptProperties);
  const state = loadCycle(services.scriptProperties);
  const due = priorMonth(services.clock.now(), services.workbook.timeZone(), services.formatDate);
  const month = monthToRun(state, due);
  if (!month) return `${monthLabel(due)} is already complete: there is nothing to run until the next month.`;
  if (state && state.month === month) {
    const next = state.next ? ` It is due to go on at ${state.next.at} (${state.next.why}).` : "";
    const stopped = state.stopped ? ` It stopped: ${state.stopped}` : "";
    return `BadgeDesk goes on with ${monthLabel(month)}, where it is ${PHASE_WORDS[state.phase]}.${next}${stopped}`;
  }
  return (
    `BadgeDesk starts the cycle for ${monthLabel(month)}: check new entries, build the report, send the notices, ` +
    `then issue the badges ${settings.noticeDelayDays} day(s) after the last notice, and e-mail you a summary.`
  );
}
