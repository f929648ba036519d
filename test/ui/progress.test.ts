/**
 * The progress sidebar while the runtime runs the monthly cycle: the cycle works in slices, each a
 * separate execution started by a trigger, and the sidebar (polling in its own executions) shows
 * each slice's place as it lands.
 */
import { CATALOG, credentialRows, demoSandboxSeed, generateMonth } from "../../local/demo";
import { propertiesOf, runUntil } from "../../local/runtime";
import { type Row, type World, world } from "../e2e/harness";
import { type Browser, launchBrowser, openFromMenu, screenshot, textOf } from "./pages";

const FIVE_MINUTES = 5 * 60 * 1000;

let browser: Browser;
let w: World;

beforeAll(async () => {
  browser = await launchBrowser();
  w = await world({
    start: new Date("2026-11-30T12:00:00Z"),
    credly: { seed: { ...demoSandboxSeed(1), badges: [] } },
    settings: { noticeDelayDays: 1 },
  });
});

afterAll(async () => {
  await Promise.all([browser?.close(), w?.close()]);
});

interface Seen {
  phase: string;
  count: string;
  now: number;
  max: number;
}

describe("the progress sidebar", () => {
  it("moves its bar as the monthly cycle runs slice after slice", async () => {
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const november = generateMonth({ month: "2026-11", seed: 11, entries: 900, badEntries: 0 });
    w.type("Entries", november.entries as unknown as Row[]);
    w.run("scheduleMonthlyRun");

    const opened = await openFromMenu(w.runtime, browser, "showProgress");
    const page = opened.page;
    expect(await textOf(page.locator("#idle"), "Nothing has run yet.")).toBe("Nothing has run yet.");

    const seen: Seen[] = [];
    let last = "";
    const until = new Date("2026-12-03T18:00:00Z").getTime();
    for (let t = w.runtime.now().getTime(); t < until; t += FIVE_MINUTES) {
      runUntil(w.runtime, new Date(t));
      const stored = propertiesOf(w.runtime).script.get("badgedesk.progress");
      if (!stored || stored === last) continue;
      last = stored;
      const p = JSON.parse(stored) as { phase: string; done: number; total: number; finished: boolean };
      const count = await textOf(page.locator("#count"), new RegExp(`^${p.done} of ${p.total} `));
      const bar = page.getByRole("progressbar");
      seen.push({
        phase: (await page.locator("#phase").textContent()) ?? "",
        count,
        now: Number(await bar.getAttribute("aria-valuenow")),
        max: Number(await bar.getAttribute("aria-valuemax")),
      });
      if (seen.length === 2) await screenshot(page, "progress-running");
      if (p.finished) break;
    }
    expect(await textOf(page.locator("#state"), "Finished.")).toBe("Finished.");
    await screenshot(page, "progress-finished");
    await opened.close();

    const cycleRuns = w.runtime.executions.filter((e) => /MonthlyCycle$/.test(e.functionName));
    expect(cycleRuns.length).toBeGreaterThan(2);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.some((s) => s.now > 0 && s.now < s.max)).toBe(true);
    const final = seen[seen.length - 1];
    expect(final.now).toBe(final.max);
    expect(final.max).toBeGreaterThan(0);
    // Within one phase the bar only goes forward.
    for (let i = 1; i < seen.length; i++) {
      if (seen[i].phase === seen[i - 1].phase) expect(seen[i].now).toBeGreaterThanOrEqual(seen[i - 1].now);
    }
    expect(browser.outside).toEqual([]);
  });
});
