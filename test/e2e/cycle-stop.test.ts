/**
 * When Credly keeps failing, the monthly cycle does not retry forever: after three failed slices in
 * a row it stops, says why in the Log and the progress view, and e-mails the specialist once —
 * and nothing is issued twice when a person starts it again once Credly is back.
 */
import { CATALOG, credentialRows, demoSandboxSeed, generateMonth } from "../../local/demo";
import { outboxOf, propertiesOf, runUntil } from "../../local/runtime";
import { type Row, SPECIALIST, type World, world } from "./harness";

describe("a cycle Credly keeps failing", () => {
  let w: World;
  afterAll(() => w?.close());

  it("stops after three failed slices, tells the specialist once, and finishes when started again", async () => {
    w = await world({
      start: new Date("2026-11-25T15:00:00Z"),
      credly: { seed: { ...demoSandboxSeed(1), badges: [] } },
      settings: { noticeDelayDays: 0 },
    });
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const november = generateMonth({
      month: "2026-11",
      seed: 9,
      entries: 40,
      badEntries: 0,
      timeZone: "America/Chicago",
    });
    w.type("Entries", november.entries as unknown as Row[]);
    w.run("scheduleMonthlyRun");
    // Every answer from Credly is a 503 from now on.
    await w.sandbox?.admin.setFaults({ seed: 1, rates: { "503": 1 } });

    runUntil(w.runtime, new Date("2026-12-02T18:00:00Z"));
    const state = JSON.parse(propertiesOf(w.runtime).script.get("badgedesk.cycle") ?? "null");
    expect(state.month).toBe("2026-11");
    expect(state.stopped).toMatch(/Stopped after 3 failed attempts in a row/);
    const toSpecialist = outboxOf(w.runtime).messages.filter((m) => m.to.includes(SPECIALIST));
    expect(toSpecialist.filter((m) => /stopped and needs you/.test(m.subject))).toHaveLength(1);
    expect(w.rows("Log").some((r) => /Stopped after 3 failed attempts/.test(String(r.Outcome)))).toBe(true);
    const progress = JSON.parse(propertiesOf(w.runtime).script.get("badgedesk.progress") ?? "null");
    expect(progress).toMatchObject({ finished: true });
    expect(progress.message).toMatch(/stopped/i);
    expect(await w.sandbox?.admin.badges()).toEqual([]);
    // Stopped means stopped: a week of triggers does not start it again by itself.
    const executions = w.runtime.executions.length;
    runUntil(w.runtime, new Date("2026-12-09T18:00:00Z"));
    expect(w.runtime.executions.slice(executions).filter((e) => /MonthlyCycle$/.test(e.functionName))).toEqual([]);

    // Credly is back; the specialist runs the cycle from the menu, and it finishes: one badge each.
    await w.sandbox?.admin.setFaults({ seed: 1, rates: {} });
    w.runtime.run("runCycleNow");
    runUntil(w.runtime, new Date("2026-12-10T18:00:00Z"));
    const badgeRows = w.rows("Badges 2026-11", "Entry ID").filter((r) => r.Decision === "Badge");
    for (const row of badgeRows) expect(row["Badge Status"]).toBe("Issued");
    const badges = (await w.sandbox?.admin.badges()) ?? [];
    expect(badges).toHaveLength(badgeRows.length);
  });
});
