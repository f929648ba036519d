/**
 * A monthly run can end at any service call — not only at the 6-minute limit — before it leaves
 * the continuation that carries the month on. The weekly claim-refresh run notices a due month
 * that nobody is working on and picks it up again; it never starts a month the monthly run has not
 * had its turn at.
 */
import { CATALOG, credentialRows, demoSandboxSeed, generateMonth } from "../../local/demo";
import { ExecutionKilled, propertiesOf, runUntil } from "../../local/runtime";
import { type Row, type World, world } from "./harness";

const ZONE = "America/Chicago";

function cycleState(w: World): { month: string; phase: string } | null {
  return JSON.parse(propertiesOf(w.runtime).script.get("badgedesk.cycle") ?? "null");
}

async function scheduledWorld(start: Date): Promise<World> {
  const w = await world({
    start,
    credly: { seed: { ...demoSandboxSeed(1), badges: [] } },
    settings: { noticeDelayDays: 0 },
  });
  w.run("setUpWorkbook");
  w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
  const november = generateMonth({ month: "2026-11", seed: 3, entries: 30, badEntries: 0, timeZone: ZONE });
  w.type("Entries", november.entries as unknown as Row[]);
  w.run("scheduleMonthlyRun");
  return w;
}

describe("a monthly run that ends before it leaves its continuation", () => {
  let w: World;
  afterEach(() => w?.close());

  it("is picked up by the weekly run, and the month finishes", async () => {
    w = await scheduledWorld(new Date("2026-11-20T15:00:00Z"));
    // The Dec 1 run dies at its fourth service call: before it could leave any trigger behind.
    let killed = 0;
    w.runtime.beforeCall.push((exec, _member, index) => {
      if (exec.functionName === "runMonthlyCycle" && exec.origin === "trigger" && index === 4 && killed === 0) {
        killed += 1;
        exec.killed = true;
        throw new ExecutionKilled("Exceeded maximum execution time");
      }
    });
    runUntil(w.runtime, new Date("2026-12-06T12:00:00Z"));
    expect(killed).toBe(1);
    expect(cycleState(w)?.phase ?? "not started").not.toBe("done");

    // Monday Dec 7: the weekly claim refresh finds November stalled and carries it on.
    runUntil(w.runtime, new Date("2026-12-10T12:00:00Z"));
    expect(cycleState(w)).toMatchObject({ month: "2026-11", phase: "done" });
    const badgeRows = w.rows("Badges 2026-11", "Entry ID").filter((r) => r.Decision === "Badge");
    expect(badgeRows.length).toBeGreaterThan(0);
    for (const row of badgeRows) expect(row).toMatchObject({ "Notice Status": "Sent", "Badge Status": "Issued" });
    expect(w.rows("Log").some((r) => String(r.Outcome).includes("had no run pending"))).toBe(true);
  });

  it("does not start last month's cycle early for a schedule installed after that month's run", async () => {
    // Installed on Nov 20: October's run time (Nov 1) was before the schedule existed.
    w = await scheduledWorld(new Date("2026-11-20T15:00:00Z"));
    runUntil(w.runtime, new Date("2026-11-30T20:00:00Z"));
    expect(w.runtime.executions.some((e) => e.functionName === "refreshClaimStates")).toBe(true);
    expect(cycleState(w)).toBeNull();
    expect(w.runtime.executions.some((e) => /MonthlyCycle$/.test(e.functionName))).toBe(false);
  });
});
