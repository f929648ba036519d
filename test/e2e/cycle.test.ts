/**
 * The monthly cycle over weeks of virtual time: the specialist sets BadgeDesk up and schedules the
 * monthly run; instructors report credentials all along; the 1st arrives, the notices go, two days
 * later the badges go, and the specialist gets one summary per month. The monthly trigger fires on
 * Nov 1 (October's entries) and Dec 1 (November's) between 2026-10-28 and 2026-12-10: the test
 * asserts exactly those two runs, each month's cycle finished once, and nothing of December started.
 */

import { CATALOG, credentialRows, demoSandboxSeed, type EntryRow, generateMonth } from "../../local/demo";
import {
  type ExecutionRecord,
  formsOf,
  outboxOf,
  propertiesOf,
  quotaDay,
  type Runtime,
  runUntil,
  spreadsheetOf,
  triggersOf,
} from "../../local/runtime";
import { type Row, SPECIALIST, type World, world } from "./harness";

const ZONE = "America/Chicago";
const DAY_MS = 24 * 60 * 60 * 1000;
const START = new Date("2026-10-28T14:00:00Z");
const END = new Date("2026-12-10T18:00:00Z");
/** Enough November entries that their notices need more than one slice. */
const NOVEMBER = 1100;

/** The Credly sandbox with the demo organization and templates, and no badges yet. */
function emptyCredly() {
  return { seed: { ...demoSandboxSeed(1), badges: [] } };
}

function ymd(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    date,
  );
}

/** The specialist's first morning: sheets, the credential list, the form, the schedule. */
function setUp(w: World): string {
  w.run("setUpWorkbook");
  w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
  const form = w.run("createInstructorForm") as { formId: string };
  w.run("scheduleMonthlyRun");
  return form.formId;
}

interface Report {
  entry: EntryRow;
  at: Date;
}

/** `count` clean entries (one per student and credential), reported at even steps from `from` to `to`. */
function reports(count: number, from: Date, to: Date, seed: number): Report[] {
  const month = generateMonth({ month: "2026-11", seed, entries: count, badEntries: 0, timeZone: ZONE });
  const step = (to.getTime() - from.getTime()) / count;
  return month.entries.slice(0, count).map((entry, i) => ({ entry, at: new Date(from.getTime() + step * (i + 0.5)) }));
}

/** An instructor submits the form; time triggers due before then fire first. */
function submit(runtime: Runtime, formId: string, report: Report): void {
  runUntil(runtime, report.at);
  const e = report.entry;
  formsOf(runtime).submit(
    formId,
    {
      "Instructor Name": e["Instructor Name"],
      Site: e.Site,
      Program: e.Program,
      "Student First Name": e["Student First Name"],
      "Student Last Name": e["Student Last Name"],
      "Student Email": e["Student Email"],
      Credential: e.Credential,
      "Date Earned": ymd(new Date(report.at.getTime() - DAY_MS)),
    },
    { respondentEmail: e["Instructor Email"], at: report.at },
  );
}

/** The most triggers the specialist ever had at the end of an execution (spent one-offs included). */
function watchTriggers(runtime: Runtime): () => number {
  let most = 0;
  runtime.endHooks.push(() => {
    most = Math.max(most, triggersOf(runtime).filter((t) => t.owner === SPECIALIST).length);
  });
  return () => most;
}

function cycleState(w: World) {
  return JSON.parse(propertiesOf(w.runtime).script.get("badgedesk.cycle") ?? "null");
}

function logLines(w: World, action: string): Row[] {
  return w.rows("Log").filter((r) => r.Action === action);
}

/** Every Badge row of the month's report: one notice, one badge, and the badge at least `delayDays` after. */
function expectEveryBadgeRowDone(w: World, month: string, delayDays: number): Row[] {
  const rows = w.rows(`Badges ${month}`, "Entry ID").filter((r) => r.Decision === "Badge");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect({ id: row["Entry ID"], notice: row["Notice Status"], badge: row["Badge Status"] }).toEqual({
      id: row["Entry ID"],
      notice: "Sent",
      badge: "Issued",
    });
    const gap = (row["Badge Issued At"] as Date).getTime() - (row["Notice Sent At"] as Date).getTime();
    expect(gap).toBeGreaterThanOrEqual(delayDays * DAY_MS);
  }
  return rows;
}

/** What students were sent: not the specialist's summaries, not instructors' receipts and digests (issue #15). */
function studentMail(w: World) {
  return outboxOf(w.runtime).messages.filter(
    (m) => !m.to.includes(SPECIALIST) && !m.subject.startsWith("CareerTech badges:"),
  );
}

function summariesTo(w: World, label: string) {
  return outboxOf(w.runtime).messages.filter(
    (m) => m.to.includes(SPECIALIST) && m.subject.startsWith(`BadgeDesk: ${label} done`),
  );
}

describe("the monthly cycle, left to run from late October to December 10", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("runs October and November once each, notices then badges two days later, one summary a month", async () => {
    w = await world({ start: START, credly: emptyCredly(), settings: { noticeDelayDays: 2 } });
    const mostTriggers = watchTriggers(w.runtime);
    const formId = setUp(w);

    const all = [
      ...reports(30, START, new Date("2026-11-01T04:00:00Z"), 1),
      ...reports(NOVEMBER, new Date("2026-11-01T07:00:00Z"), new Date("2026-12-01T05:00:00Z"), 2),
      ...reports(30, new Date("2026-12-01T13:00:00Z"), new Date("2026-12-09T00:00:00Z"), 3),
    ];
    for (const report of all) submit(w.runtime, formId, report);
    runUntil(w.runtime, END);

    const runs = w.runtime.executions;
    const failed = runs.filter((e) => !e.ok).map((e) => `${e.functionName}: ${e.error}`);
    expect(failed).toEqual([]);
    const monthly = runs.filter((e) => e.functionName === "runMonthlyCycle");
    expect(monthly.map((e) => ymd(new Date(e.startedAt)))).toEqual(["2026-11-01", "2026-12-01"]);

    const october = expectEveryBadgeRowDone(w, "2026-10", 2);
    const november = expectEveryBadgeRowDone(w, "2026-11", 2);
    expect(w.rows("Badges 2026-10", "Entry ID")).toHaveLength(30);
    expect(w.rows("Badges 2026-11", "Entry ID")).toHaveLength(NOVEMBER);

    const badges = (await w.sandbox?.admin.badges()) ?? [];
    const keys = badges.map((b) => `${b.recipient_email}|${b.badge_template_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(badges).toHaveLength(october.length + november.length);

    const noticesTo = new Map<string, number>();
    for (const m of outboxOf(w.runtime).messages)
      for (const to of m.to) noticesTo.set(to, (noticesTo.get(to) ?? 0) + 1);
    for (const row of [...october, ...november]) expect(noticesTo.get(String(row["Student Email"]))).toBe(1);

    expect(summariesTo(w, "October 2026")).toHaveLength(1);
    expect(summariesTo(w, "November 2026")).toHaveLength(1);
    // November's notices take more than one slice's time box (a message costs about a second), so
    // a slice stops for time and the next one goes on; the badges come in a slice after the wait.
    expect(cycleState(w)).toMatchObject({ month: "2026-11", phase: "done", failures: 0, next: null });
    expect(cycleState(w).slices).toBeGreaterThanOrEqual(2);
    expect(logLines(w, "Monthly cycle").some((r) => /more notices to send/.test(String(r.Outcome)))).toBe(true);
    expect(logLines(w, "Monthly cycle").filter((r) => /is done in/.test(String(r.Outcome)))).toHaveLength(2);

    // December's entries wait for January's run; no continuation is left behind.
    expect(spreadsheetOf(w.runtime).sheetNames()).not.toContain("Badges 2026-12");
    expect(
      triggersOf(w.runtime)
        .map((t) => t.handler)
        .sort(),
    ).toEqual(["onInstructorFormSubmit", "refreshClaimStates", "runMonthlyCycle"]);
    expect(mostTriggers()).toBeLessThanOrEqual(20);
  });

  it("leaves a menu run that finds the monthly run working without touching anything, and says why", async () => {
    w = await world({ start: START, credly: emptyCredly() });
    const formId = setUp(w);
    for (const report of reports(12, START, new Date("2026-10-31T20:00:00Z"), 4)) submit(w.runtime, formId, report);

    let menuRun: ExecutionRecord | undefined;
    w.runtime.beforeCall.push((exec, member) => {
      const monthlyRunSending = exec.functionName === "runMonthlyCycle" && member === "MailApp.sendEmail";
      if (monthlyRunSending && !menuRun) menuRun = w.runtime.run("runCycleNow");
    });
    runUntil(w.runtime, new Date("2026-11-05T00:00:00Z"));

    expect(menuRun?.ok).toBe(true);
    expect(menuRun?.value).toMatchObject({ status: "busy" });
    const alerts = spreadsheetOf(w.runtime).ui.alerts.map((a) => a.prompt);
    expect(alerts.at(-1)).toMatch(
      /^BadgeDesk is already running \(started by the monthly run at 1 Nov 06:\d\d\); try again when it finishes\.$/,
    );
    const touched = Object.keys(menuRun?.calls ?? {}).filter((call) =>
      /^(Range\.set|Sheet\.(append|insert|delete)|MailApp\.send|GmailApp|UrlFetchApp|ClockTriggerBuilder\.create|ScriptApp\.deleteTrigger|Properties\.(set|delete))/.test(
        call,
      ),
    );
    expect(touched).toEqual([]);

    // The monthly run it met went on undisturbed: every notice once, every badge once.
    const rows = expectEveryBadgeRowDone(w, "2026-10", 2);
    const recipients = studentMail(w).flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(((await w.sandbox?.admin.badges()) ?? []).length).toBe(rows.length);
  });
});

describe("the schedule", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("installs one monthly run however often it is scheduled, shows it in the settings, and stops it", async () => {
    w = await world({ start: START });
    w.run("setUpWorkbook");
    w.run("scheduleMonthlyRun");
    spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: "15 7" });
    w.run("scheduleMonthlyRunFromMenu");
    const handlers = () =>
      triggersOf(w.runtime)
        .map((t) => t.handler)
        .sort();
    expect(handlers()).toEqual(["refreshClaimStates", "runMonthlyCycle"]);
    const monthly = triggersOf(w.runtime).find((t) => t.handler === "runMonthlyCycle");
    expect(ymd(monthly?.nextFire as Date)).toBe("2026-11-15");

    const view = w.run("getSettingsView") as { schedule: { nextRun: string; owner: string } };
    expect(view.schedule.nextRun).toBe("15 November 2026, between 07:00 and 08:00 America/Chicago");
    expect(view.schedule.owner).toContain(`${SPECIALIST} (you)`);

    spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: "31 6" });
    w.run("scheduleMonthlyRunFromMenu");
    expect(spreadsheetOf(w.runtime).ui.alerts.at(-1)?.prompt).toContain("Nothing was scheduled");
    expect(handlers()).toEqual(["refreshClaimStates", "runMonthlyCycle"]);

    w.run("stopMonthlyRunFromMenu");
    expect(spreadsheetOf(w.runtime).ui.alerts.at(-1)?.prompt).toBe(
      "The monthly run is stopped (2 trigger(s) removed).",
    );
    expect(handlers()).toEqual([]);
    expect((w.run("getSettingsView") as typeof view).schedule.nextRun).toMatch(/^Not scheduled/);
  });
});

describe("two operators scheduling", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("leaves one monthly run: the trigger scheduled first removes itself when it fires", async () => {
    const other = "deputy@agency.example";
    w = await world({ start: START, settings: { operators: [SPECIALIST, other] } });
    w.run("setUpWorkbook");
    expect(w.runtime.run("scheduleMonthlyRun", { user: other }).ok).toBe(true);
    const result = w.run("scheduleMonthlyRun") as { warning: string };
    expect(result.warning).toContain(`${other} scheduled it before`);

    runUntil(w.runtime, new Date("2026-11-01T14:00:00Z"));
    const monthlyRuns = w.runtime.executions.filter((e) => e.functionName === "runMonthlyCycle");
    const byOwner = monthlyRuns.map((e) => [e.user, (e.value as { status: string }).status]);
    expect(byOwner.sort()).toEqual([
      [other, "retired"],
      [SPECIALIST, "worked"],
    ]);
    const monthly = triggersOf(w.runtime).filter((t) => t.handler === "runMonthlyCycle");
    expect(monthly.map((t) => t.owner)).toEqual([SPECIALIST]);
  });
});

describe("3,000 entries in a month on a consumer account (100 e-mails a day)", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("spreads the notices over the days the quota needs, finishes, and sends nothing twice", async () => {
    w = await world({ start: new Date("2026-10-31T20:00:00Z"), edition: "consumer", credly: emptyCredly() });
    const mostTriggers = watchTriggers(w.runtime);
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const october = generateMonth({ month: "2026-10", seed: 7, entries: 3000, timeZone: ZONE });
    // Imported rows, already stamped: typing 3,000 rows one by one is not what the test is about.
    const sheet = spreadsheetOf(w.runtime);
    const headers = sheet.values("Entries")[0].map(String);
    sheet.setValues(
      "Entries",
      2,
      1,
      october.entries.map((e) => headers.map((h) => (e as unknown as Row)[h] ?? "") as never[]),
    );
    w.run("scheduleMonthlyRun");

    runUntil(w.runtime, END);

    const failed = w.runtime.executions.filter((e) => !e.ok).map((e) => `${e.functionName}: ${e.error}`);
    expect(failed).toEqual([]);
    expect(cycleState(w)).toMatchObject({ month: "2026-11", phase: "done", lastError: "", stopped: "" });
    const rows = expectEveryBadgeRowDone(w, "2026-10", 2);
    expect(w.rows("Badges 2026-10", "Entry ID")).toHaveLength(3000);

    const notices = studentMail(w);
    const students = new Set(rows.map((r) => String(r["Student Email"]).toLowerCase()));
    expect(notices).toHaveLength(students.size);
    expect(new Set(notices.flatMap((m) => m.to)).size).toBe(notices.length);
    const perDay = new Map<string, number>();
    for (const m of outboxOf(w.runtime).messages) perDay.set(quotaDay(m.at), (perDay.get(quotaDay(m.at)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(100);
    const noticeDays = new Set(notices.map((m) => quotaDay(m.at)));
    expect(noticeDays.size).toBe(Math.ceil(students.size / 100));

    const badges = (await w.sandbox?.admin.badges()) ?? [];
    expect(new Set(badges.map((b) => `${b.recipient_email}|${b.badge_template_id}`)).size).toBe(rows.length);
    expect(badges).toHaveLength(rows.length);
    expect(summariesTo(w, "October 2026")).toHaveLength(1);
    expect(summariesTo(w, "November 2026")).toHaveLength(1);
    expect(mostTriggers()).toBeLessThanOrEqual(20);
  });
});
