import {
  advance,
  type CycleRules,
  type CycleState,
  closeSlice,
  failed,
  monthToRun,
  NEXT_SLICE_MS,
  notYet,
  openSlice,
  type PhaseOutcome,
  startCycle,
} from "../../../src/domain/cycle-state";

const RULES: CycleRules = { delayDays: 2, maxFailures: 3 };
const NOV_1 = new Date("2026-11-01T12:00:00Z");
const hours = (n: number) => n * 60 * 60 * 1000;
const later = (ms: number) => new Date(NOV_1.getTime() + ms);

function inPhase(phase: CycleState["phase"], change: Partial<CycleState> = {}): CycleState {
  return { ...startCycle("2026-10", NOV_1), phase, ...change };
}

const notices = (change: Partial<Extract<PhaseOutcome, { phase: "notices" }>> = {}): PhaseOutcome => ({
  phase: "notices",
  sent: 10,
  failed: 0,
  remaining: 0,
  stoppedFor: null,
  ...change,
});

const badges = (change: Partial<Extract<PhaseOutcome, { phase: "badges" }>> = {}): PhaseOutcome => ({
  phase: "badges",
  issued: 10,
  alreadyHeld: 0,
  failed: 0,
  remaining: 0,
  waiting: 0,
  stoppedFor: null,
  message: "",
  ...change,
});

describe("which month the cycle works on", () => {
  it("starts with the prior month when it has never run", () => {
    expect(monthToRun(null, "2026-10")).toBe("2026-10");
  });

  it("finishes a month left half-done before the new one", () => {
    expect(monthToRun(inPhase("notices"), "2026-11")).toBe("2026-10");
  });

  it("does not redo a complete month", () => {
    expect(monthToRun(inPhase("done"), "2026-10")).toBeNull();
  });

  it("takes the next month once the last is complete, catching up a skipped one first", () => {
    expect(monthToRun(inPhase("done"), "2026-11")).toBe("2026-11");
    expect(monthToRun(inPhase("done"), "2026-12")).toBe("2026-11");
  });
});

describe("one month's phases", () => {
  it("goes from intake to the report to the notices at once", () => {
    const afterIntake = advance(inPhase("intake"), { phase: "intake", added: 3, stamped: 2 }, NOV_1, RULES);
    expect(afterIntake.go).toBe("continue");
    expect(afterIntake.state.phase).toBe("report");
    const afterReport = advance(
      afterIntake.state,
      { phase: "report", total: 40, counts: { Badge: 30, "Needs fix": 10 } },
      NOV_1,
      RULES,
    );
    expect(afterReport.state).toMatchObject({
      phase: "notices",
      counts: { added: 3, stamped: 2, entries: 40, decisions: { Badge: 30 } },
    });
  });

  it("waits the notice delay after the last notice, then issues badges", () => {
    const sent = advance(inPhase("notices"), notices(), NOV_1, RULES);
    expect(sent.go).toBe("wait");
    expect(sent.state.phase).toBe("wait");
    expect(sent.state.next).toMatchObject({ at: later(hours(48)).toISOString(), kind: "delay" });

    expect(advance(sent.state, { phase: "wait" }, later(hours(47)), RULES).go).toBe("wait");
    const due = advance(sent.state, { phase: "wait" }, later(hours(48)), RULES);
    expect(due.go).toBe("continue");
    expect(due.state).toMatchObject({ phase: "badges", next: null });
  });

  it("goes straight on to the badges with a delay of 0 days", () => {
    const sent = advance(inPhase("notices"), notices(), NOV_1, { ...RULES, delayDays: 0 });
    expect(sent.go).toBe("continue");
    expect(advance(sent.state, { phase: "wait" }, NOV_1, RULES).state.phase).toBe("badges");
  });

  it("adds up notices over slices and resumes a minute later when the time box ran out", () => {
    const first = advance(inPhase("notices"), notices({ sent: 200, remaining: 50, stoppedFor: "time" }), NOV_1, RULES);
    expect(first.go).toBe("wait");
    expect(first.state.next).toMatchObject({ at: later(NEXT_SLICE_MS).toISOString(), kind: "slice" });
    const second = advance(first.state, notices({ sent: 50 }), later(NEXT_SLICE_MS), RULES);
    expect(second.state.counts.noticesSent).toBe(250);
  });

  it("resumes the notices when the mail quota resets", () => {
    const resumeAfter = "2026-11-02T08:05:00.000Z";
    const step = advance(
      inPhase("notices"),
      notices({ sent: 100, remaining: 900, stoppedFor: "quota", resumeAfter }),
      NOV_1,
      RULES,
    );
    expect(step.state).toMatchObject({ phase: "notices", next: { at: resumeAfter, kind: "quota" } });
  });

  it("waits for the badges that are not eligible yet, then goes to the summary", () => {
    const nextEligibleAt = later(hours(20));
    const waiting = advance(inPhase("badges"), badges({ issued: 5, waiting: 7, nextEligibleAt }), NOV_1, RULES);
    expect(waiting.state.next).toMatchObject({ at: nextEligibleAt.toISOString(), kind: "delay" });
    const all = advance(waiting.state, badges({ issued: 7 }), nextEligibleAt, RULES);
    expect(all.state).toMatchObject({ phase: "summary", counts: { badgesIssued: 12 } });
  });

  it("stops for a person when Credly refuses the token", () => {
    const step = advance(
      inPhase("badges"),
      badges({ issued: 0, remaining: 30, stoppedFor: "auth", message: "Credly refused the token (401)." }),
      NOV_1,
      RULES,
    );
    expect(step.go).toBe("stop");
    expect(step.state).toMatchObject({ phase: "badges", next: null, stopped: "Credly refused the token (401)." });
  });

  it("finishes the month when the summary is sent, and holds it for the quota otherwise", () => {
    const held = advance(inPhase("summary"), { phase: "summary", sent: false }, NOV_1, RULES);
    expect(held.state).toMatchObject({ phase: "summary", next: { kind: "quota" } });
    const done = advance(inPhase("summary"), { phase: "summary", sent: true }, NOV_1, RULES);
    expect(done.go).toBe("done");
    expect(done.state).toMatchObject({ phase: "done", summary: "sent", finishedAt: NOV_1.toISOString() });
  });
});

describe("failures", () => {
  it("retries a failed slice later, longer each time, and stops after three in a row", () => {
    const first = failed(inPhase("notices"), "Sheet Entries is missing", NOV_1, RULES);
    expect(first.go).toBe("wait");
    expect(first.state).toMatchObject({ failures: 1, lastError: "Sheet Entries is missing", next: { kind: "retry" } });
    const second = failed(first.state, "again", NOV_1, RULES);
    expect(new Date(second.state.next?.at ?? 0).getTime()).toBeGreaterThan(
      new Date(first.state.next?.at ?? 0).getTime(),
    );
    const third = failed(second.state, "and again", NOV_1, RULES);
    expect(third.go).toBe("stop");
    expect(third.state.next).toBeNull();
    expect(third.state.stopped).toContain("3 failed attempts in a row. Last error: and again");
  });

  it("forgets earlier failures once a phase gets somewhere", () => {
    const once = failed(inPhase("notices"), "timeout", NOV_1, RULES).state;
    expect(advance(once, notices({ stoppedFor: "time" }), NOV_1, RULES).state.failures).toBe(0);
  });

  it("counts a slice that never closed (killed at 6 minutes) as a failure", () => {
    const open = openSlice(inPhase("notices"), NOV_1, RULES).state;
    const next = openSlice(open, later(hours(1)), RULES);
    expect(next.state).toMatchObject({ slices: 2, failures: 1 });
    expect(next.state.lastError).toContain("previous slice stopped before it finished");
    expect(openSlice(closeSlice(open), NOV_1, RULES).state.failures).toBe(0);
  });

  it("gives a stopped cycle a fresh count when it is run again", () => {
    const stopped = { ...inPhase("notices"), failures: 3, stopped: "Stopped after 3 failed attempts" };
    expect(openSlice(stopped, NOV_1, RULES).state).toMatchObject({ failures: 0, stopped: "" });
  });
});

describe("holding off", () => {
  it("is not yet time before next.at, and is after", () => {
    const waiting = advance(inPhase("notices"), notices(), NOV_1, RULES).state;
    expect(notYet(waiting, later(hours(1)))).toBe(true);
    expect(notYet(waiting, later(hours(48)))).toBe(false);
  });
});

it("keeps the saved state far below the 9 KB a property may hold", () => {
  const decisions = { Badge: 2900, "Vendor badge": 50, "Needs fix": 40, "Already badged": 10 };
  const state = {
    ...inPhase("badges", { lastError: "x".repeat(500) }),
    counts: { ...inPhase("badges").counts, decisions },
  };
  expect(JSON.stringify(state).length).toBeLessThan(2000);
});

describe("a busy Credly", () => {
  it("tries the badges left over again later while some get through, and counts a run with none as a failure", () => {
    const some = advance(inPhase("badges"), badges({ issued: 3, remaining: 4 }), NOV_1, RULES);
    expect(some.state).toMatchObject({ phase: "badges", failures: 0, next: { kind: "slice" } });
    const none = advance(inPhase("badges"), badges({ issued: 0, remaining: 4, message: "Credly busy" }), NOV_1, RULES);
    expect(none.state).toMatchObject({
      phase: "badges",
      failures: 1,
      lastError: "Credly busy",
      next: { kind: "retry" },
    });
  });
});
