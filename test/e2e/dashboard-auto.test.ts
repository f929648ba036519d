/**
 * The Dashboard keeps up by itself: after the report, each issuing run and each claim refresh it
 * is rebuilt (in an execution of its own, a couple of minutes later), so nobody has to click
 * "Rebuild dashboard" to see the month.
 */
import { CATALOG, credentialRows, demoSandboxSeed, generateMonth } from "../../local/demo";
import { runUntil, spreadsheetOf, triggersOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";

/** The Dashboard's per-month row for `month`, by the headers of its "Month" table. */
function dashboardMonth(w: World, month: string): Record<string, unknown> {
  const values = spreadsheetOf(w.runtime).values("Dashboard");
  const header = values.findIndex((r) => r[0] === "Month");
  const row = values.slice(header + 1).find((r) => r[0] === month);
  if (!row) throw new Error(`No row for ${month} on the Dashboard`);
  return Object.fromEntries(values[header].map((h, i) => [String(h), row[i]]));
}

describe("the Dashboard through a month", () => {
  let w: World;
  afterAll(() => w?.close());

  it("is rebuilt after the report, the badges and a claim refresh, with the Ledger's numbers", async () => {
    w = await world({
      start: new Date("2026-11-25T15:00:00Z"),
      credly: { seed: { ...demoSandboxSeed(1), badges: [] } },
      settings: { noticeDelayDays: 1 },
    });
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const november = generateMonth({
      month: "2026-11",
      seed: 5,
      entries: 60,
      badEntries: 4,
      timeZone: "America/Chicago",
    });
    w.type("Entries", november.entries as unknown as Row[]);
    w.run("scheduleMonthlyRun");
    expect(spreadsheetOf(w.runtime).sheet("Dashboard")).toBeFalsy();

    // Dec 1: the report is built and the notices go; the Dashboard follows without a click.
    runUntil(w.runtime, new Date("2026-12-01T18:00:00Z"));
    const report = w.rows("Badges 2026-11", "Entry ID");
    let figures = dashboardMonth(w, "2026-11");
    expect(figures.Entries).toBe(report.length);
    expect(figures["Notices sent"]).toBe(report.filter((r) => r["Notice Status"] === "Sent").length);
    expect(figures["Badges issued"]).toBe(0);

    // Dec 2: the badges go; the Dashboard counts the Ledger's rows.
    runUntil(w.runtime, new Date("2026-12-03T18:00:00Z"));
    const ledger = w.rows("Ledger");
    expect(ledger.length).toBeGreaterThan(0);
    figures = dashboardMonth(w, "2026-11");
    expect(figures["Badges issued"]).toBe(ledger.length);
    expect(figures.Accepted).toBe(0);

    // Students accept some badges; the weekly claim refresh reads them and the Dashboard follows.
    const accepted = ledger.slice(0, 5).map((r) => String(r["Credly Badge ID"]));
    for (const id of accepted) await w.sandbox?.admin.accept(id);
    runUntil(w.runtime, new Date("2026-12-08T18:00:00Z"));
    expect(dashboardMonth(w, "2026-11").Accepted).toBe(accepted.length);
    // Never more than one rebuild waiting, and none left behind.
    expect(triggersOf(w.runtime).filter((t) => t.handler === "rebuildDashboardAfterChange" && !t.spent)).toEqual([]);
  });
});
