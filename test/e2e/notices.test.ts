/**
 * Issue #7: the notices go out before the badges — one per student per month, exactly once,
 * through quota days and killed executions — through the built bundle's entry points.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CATALOG, credentialsSheet, type EntryRow, generateMonth } from "../../local/demo";
import { ExecutionKilled, outboxOf, runUntil, type SentMessage, spreadsheetOf, triggersOf } from "../../local/runtime";
import { escapeHtml } from "../../src/domain/merge";
import { type Row, type World, world } from "./harness";

const MONTH = "2026-11";
const REPORT = `Badges ${MONTH}`;
/** 8 a.m. in Chicago on the 1st: the morning the notices go. */
const FIRST_OF_DECEMBER = new Date("2026-12-01T14:00:00Z");
const FIXTURES = path.resolve(__dirname, "../fixtures");

interface RunResult {
  sent: number;
  rows: number;
  notNeeded: number;
  failed: number;
  stuck: string[];
  held: number;
  remaining: number;
  stoppedFor: null | "time" | "quota";
  quotaLeft: number;
  resumeAfter?: string;
  message: string;
}

/** Set up workbook, the demo catalog in Credentials, and these entries as instructors reported them. */
function workbookWith(w: World, entries: readonly Partial<EntryRow>[]): void {
  w.run("setUpWorkbook");
  spreadsheetOf(w.runtime).setValues("Credentials", 1, 1, credentialsSheet());
  w.type("Entries", entries as Row[]);
}

/** "Build monthly report…" from the menu, taking the month it suggests (the prior one). */
function buildReportTab(w: World): void {
  w.run("buildMonthlyReport");
  expect(spreadsheetOf(w.runtime).sheetNames()).toContain(REPORT);
}

const reportRows = (w: World): Row[] => w.rows(REPORT, "Entry ID");
const email = (row: Row) => String(row["Student Email"]).toLowerCase();

/** Every Badge student's credentials, as the report lists them: what each notice must name. */
function expectedNotices(w: World): Map<string, string[]> {
  const byStudent = new Map<string, string[]>();
  for (const row of reportRows(w).filter((r) => r.Decision === "Badge")) {
    byStudent.set(email(row), [...(byStudent.get(email(row)) ?? []), String(row.Credential)].sort());
  }
  return byStudent;
}

const notices = (w: World): SentMessage[] =>
  outboxOf(w.runtime).messages.filter((m) => !m.subject.startsWith("[Test]"));

/** The credentials a message lists (the plain-text body's bullets). */
const listed = (message: SentMessage) =>
  message.text
    .split("\n")
    .filter((line) => line.startsWith("• "))
    .map((line) => line.slice(2))
    .sort();

function messagesPerStudent(w: World): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of notices(w)) counts.set(m.to[0], (counts.get(m.to[0]) ?? 0) + 1);
  return counts;
}

const send = (w: World) => w.run("sendNotices", MONTH) as RunResult;

async function monthWorld(options: Parameters<typeof world>[0] = {}): Promise<World> {
  const w = await world({ start: FIRST_OF_DECEMBER, ...options });
  workbookWith(w, generateMonth({ seed: 1, month: MONTH, entries: 300 }).entries);
  buildReportTab(w);
  return w;
}

describe("notices for a month of 300 entries", () => {
  let w: World;
  afterEach(() => w.close());

  it("sends each Badge student one notice naming every credential they earned, and nothing twice on a rerun", async () => {
    w = await monthWorld({ settings: { agencyName: "Oklahoma CareerTech", senderName: "Badging Team" } });
    const expected = expectedNotices(w);
    expect([...expected.values()].some((credentials) => credentials.length > 1)).toBe(true);
    const decisions = new Set(reportRows(w).map((r) => r.Decision));
    for (const decision of ["Badge", "Vendor badge", "Needs fix"]) expect(decisions).toContain(decision);

    const plan = w.run("getNoticePlan", MONTH) as { students: number; quotaLeft: number };
    expect(plan.students).toBe(expected.size);
    expect(plan.quotaLeft).toBe(1500);

    const result = send(w);
    expect(result).toMatchObject({ sent: expected.size, failed: 0, stuck: [], remaining: 0, stoppedFor: null });
    const sending = w.runtime.executions[w.runtime.executions.length - 1];
    expect(sending.calls["MailApp.sendEmail"]).toBe(expected.size);
    // At most one range write per 50 report rows (the benchmark's target).
    expect(sending.calls["Range.setValues"]).toBeLessThanOrEqual(300 / 50);

    const sent = notices(w);
    expect(sent).toHaveLength(expected.size);
    for (const message of sent) {
      expect(message.to).toHaveLength(1);
      expect(listed(message)).toEqual(expected.get(message.to[0]));
      expect(message.name).toBe("Badging Team");
    }
    const rows = reportRows(w);
    for (const row of rows) {
      if (row.Decision === "Badge") {
        expect(row["Notice Status"]).toBe("Sent");
        expect(row["Notice Sent At"]).toBeInstanceOf(Date);
      } else {
        expect(row["Notice Status"]).toBe("Not needed");
      }
    }
    const languageOf = new Map(w.rows("Entries").map((r) => [email(r), r.Language]));
    const inSpanish = sent.filter((m) => m.subject.startsWith("Tu insignia digital"));
    expect(inSpanish.length).toBeGreaterThan(0);
    for (const message of sent) {
      expect(message.subject.startsWith("Tu insignia") ? "es" : "en").toBe(languageOf.get(message.to[0]));
    }

    expect(send(w)).toMatchObject({ sent: 0, rows: 0, notNeeded: 0, remaining: 0 });
    expect(notices(w)).toHaveLength(expected.size);

    const log = w.rows("Log").filter((r) => String(r.Action) === `Send notices ${MONTH}`);
    expect(log).toHaveLength(2);
    const logText = JSON.stringify(w.rows("Log"));
    for (const address of expected.keys()) expect(logText).not.toContain(address);
  });

  it("stops cleanly when the day's 100 e-mails are spent, and sends the rest after the quota resets", async () => {
    w = await monthWorld({ edition: "consumer" });
    const expected = expectedNotices(w);
    expect(expected.size).toBeGreaterThan(100);

    const first = send(w);
    expect(first).toMatchObject({ sent: 100, quotaLeft: 0, stoppedFor: "quota", remaining: expected.size - 100 });
    expect(first.message).toContain(`the other ${expected.size - 100} go after`);
    const resumeAfter = new Date(first.resumeAfter!);
    expect(resumeAfter.getTime()).toBeGreaterThan(FIRST_OF_DECEMBER.getTime());
    const statuses = reportRows(w)
      .filter((r) => r.Decision === "Badge")
      .map((r) => r["Notice Status"]);
    expect(statuses.filter((s) => s === "Sending")).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set(["Sent", ""]));

    // The continuation the run left fires once the quota is back.
    runUntil(w.runtime, new Date(resumeAfter.getTime() + 60 * 60 * 1000));
    const sent = notices(w);
    expect(sent).toHaveLength(expected.size);
    expect([...messagesPerStudent(w).values()].every((n) => n === 1)).toBe(true);
    expect(sent.slice(100).every((m) => m.at >= resumeAfter.getTime())).toBe(true);
    expect(reportRows(w).filter((r) => r.Decision === "Badge" && r["Notice Status"] !== "Sent")).toEqual([]);
    expect(triggersOf(w.runtime).filter((t) => t.handler === "continueSendingNotices" && !t.spent)).toEqual([]);
  });

  it("after an execution is killed mid-batch, no student gets two notices, none is lost, and the Sending rows are shown to a person", async () => {
    w = await monthWorld();
    const expected = expectedNotices(w);
    let mailed = 0;
    const killAt70thMessage = (exec: { functionName: string; killed: boolean }, member: string) => {
      if (exec.functionName !== "sendNotices" || member !== "MailApp.sendEmail") return;
      mailed += 1;
      if (mailed === 70) {
        exec.killed = true;
        throw new ExecutionKilled("Exceeded maximum execution time");
      }
    };
    w.runtime.beforeCall.push(killAt70thMessage);
    const killed = w.attempt("sendNotices", MONTH);
    w.runtime.beforeCall.splice(w.runtime.beforeCall.indexOf(killAt70thMessage), 1);
    expect(killed.killed).toBe(true);
    expect(notices(w)).toHaveLength(69);

    const again = send(w);
    expect(again.stuck.length).toBeGreaterThan(0);
    expect(again.held).toBe(50);
    expect(again.sent).toBe(expected.size - 100);
    expect(again.message).toContain("left Sending by an interrupted run");
    expect([...messagesPerStudent(w).values()].every((n) => n === 1)).toBe(true);
    const stuckRows = reportRows(w).filter((r) => r["Notice Status"] === "Sending");
    expect(stuckRows.map((r) => r["Entry ID"]).sort()).toEqual([...again.stuck].sort());
    for (const row of stuckRows) expect(String(row["Last Error"])).toContain("check the outbox");
    expect(JSON.stringify(w.rows("Log"))).toContain(again.stuck[0]);

    // A person checks the outbox: Sent where the message went, cleared where it did not.
    const mailedTo = new Set(notices(w).map((m) => m.to[0]));
    const book = spreadsheetOf(w.runtime);
    const values = book.values(REPORT);
    const header = values.findIndex((r) => r[0] === "Entry ID");
    const status = values[header].indexOf("Notice Status");
    values.forEach((line, i) => {
      if (i > header && line[status] === "Sending") {
        const to = String(line[values[header].indexOf("Student Email")]).toLowerCase();
        book.setValues(REPORT, i + 1, status + 1, [[mailedTo.has(to) ? "Sent" : ""]]);
      }
    });

    const last = send(w);
    expect(last).toMatchObject({ sent: 50 - 19, stuck: [], held: 0, remaining: 0 });
    expect(notices(w)).toHaveLength(expected.size);
    expect(messagesPerStudent(w)).toEqual(new Map([...expected.keys()].map((k) => [k, 1])));
  });
});

describe("what a notice says", () => {
  let w: World;
  afterEach(() => w.close());
  const agency = CATALOG.filter((c) => c.badgeIssuer === "Agency" && c.active && c.templateId !== "");
  const vendor = CATALOG.find((c) => c.badgeIssuer === "Vendor" && c.active)!;

  function entry(
    id: string,
    first: string,
    last: string,
    address: string,
    credential: string,
    extra: Partial<EntryRow> = {},
  ) {
    return {
      "Entry ID": id,
      "Entered At": new Date("2026-11-10T16:00:00Z"),
      "Student First Name": first,
      "Student Last Name": last,
      "Student Email": address,
      Credential: credential,
      "Date Earned": new Date("2026-11-05T06:00:00Z"),
      Program: "Welding",
      Site: "Tulsa Tech — Broken Arrow",
      "Instructor Name": "Pat Instructor",
      "Instructor Email": "pat@tulsatech.example.edu",
      Source: "Typed" as const,
      Language: "en" as const,
      ...extra,
    };
  }

  it("keeps a student name with HTML or a formula escaped in the HTML body and as text in the sheet", async () => {
    w = await world({ start: FIRST_OF_DECEMBER });
    const first = '=HYPERLINK("https://evil.example","<b>Ann</b>")';
    const last = "<img src=x onerror=alert(1)>";
    workbookWith(w, [
      entry("E-HTML1", first, last, "kid@school.example.edu", agency[0].credential, { Site: "Tulsa <Tech> & Co" }),
    ]);
    buildReportTab(w);
    expect(send(w)).toMatchObject({ sent: 1 });

    const [message] = notices(w);
    expect(message.html).toContain(`Hi ${escapeHtml(first)},`);
    expect(message.html).toContain("Tulsa &lt;Tech&gt; &amp; Co");
    expect(message.html).not.toContain("<b>Ann");
    expect(message.text).toContain(`Hi ${first},`);
    const [row] = reportRows(w);
    expect(row.Student).toBe(`${first} ${last}`);
    expect(
      spreadsheetOf(w.runtime)
        .formulas(REPORT)
        .flat()
        .every((f) => f === ""),
    ).toBe(true);
  });

  it("never sends a blank where a merge field has no value: the row fails and says which field", async () => {
    w = await world({ start: FIRST_OF_DECEMBER });
    workbookWith(w, [
      entry("E-NOSITE", "Ana", "Ruiz", "ana@school.example.edu", agency[0].credential, { Site: "" }),
      entry("E-OK", "Ben", "Ode", "ben@school.example.edu", agency[0].credential),
    ]);
    buildReportTab(w);
    const preview = w.run("previewNotice", { month: MONTH, email: "ana@school.example.edu" }) as { errors: string[] };
    expect(preview.errors.join(" ")).toContain("{{site}}");

    expect(send(w)).toMatchObject({ sent: 1, failed: 1 });
    expect(notices(w).map((m) => m.to[0])).toEqual(["ben@school.example.edu"]);
    const ana = reportRows(w).find((r) => r["Entry ID"] === "E-NOSITE")!;
    expect(ana["Notice Status"]).toBe("Failed");
    expect(String(ana["Last Error"])).toContain("{{site}}");
  });

  it("stops before sending anything when an edited template uses a merge field BadgeDesk does not know", async () => {
    w = await world({ start: FIRST_OF_DECEMBER });
    workbookWith(w, [entry("E-1", "Ana", "Ruiz", "ana@school.example.edu", agency[0].credential)]);
    buildReportTab(w);
    w.run("getNoticePlan", MONTH);
    const templates = w.rows("Templates");
    expect(templates.map((t) => `${t.Key}|${t.Language}`)).toEqual([
      "notice|en",
      "notice|es",
      "vendor note|en",
      "vendor note|es",
    ]);
    spreadsheetOf(w.runtime).setValues("Templates", 2, 3, [["Hello {{fistName}}, your badge is coming"]]);

    const record = w.attempt("sendNotices", MONTH);
    expect(record.ok).toBe(false);
    expect(record.error).toContain("Templates row 2 (notice, en): Unknown merge field {{fistName}}");
    expect(notices(w)).toEqual([]);
    expect(reportRows(w)[0]["Notice Status"]).toBe("");
  });

  it("lists a student's credentials in one message; the vendor note goes only when the setting is on", async () => {
    const entries = [
      entry("E-A1", "Ana", "Ruiz", "ana@school.example.edu", agency[0].credential),
      entry("E-A2", "Ana", "Ruiz", "ana@school.example.edu", agency[1].credential),
      entry("E-A3", "Ana", "Ruiz", "ana@school.example.edu", agency[2].credential, { Language: "en" }),
      entry("E-B1", "Bo", "Lee", "bo@school.example.edu", vendor.credential, { Language: "es" }),
      entry("E-C1", "Cy", "Dunn", "cy@@school.example.edu", agency[0].credential),
    ];
    w = await world({ start: FIRST_OF_DECEMBER });
    workbookWith(w, entries);
    buildReportTab(w);
    expect(send(w)).toMatchObject({ sent: 1, rows: 3, notNeeded: 2 });
    expect(listed(notices(w)[0])).toEqual([agency[0].credential, agency[1].credential, agency[2].credential].sort());
    await w.close();

    w = await world({ start: FIRST_OF_DECEMBER, settings: { vendorNoteEnabled: true } });
    workbookWith(w, entries);
    buildReportTab(w);
    expect(send(w)).toMatchObject({ sent: 2, rows: 4, notNeeded: 1 });
    const note = notices(w).find((m) => m.to[0] === "bo@school.example.edu")!;
    expect(note.subject).toBe("Sobre la insignia digital de tu nueva credencial");
    expect(listed(note)).toEqual([`${vendor.credential} (${vendor.vendor})`]);
    expect(reportRows(w).find((r) => r["Entry ID"] === "E-B1")!["Notice Status"]).toBe("Sent");
  });

  it("sends the test to the specialist, not the student, and the menu opens the send dialog", async () => {
    w = await world({ start: FIRST_OF_DECEMBER });
    workbookWith(w, [entry("E-1", "Ana", "Ruiz", "ana@school.example.edu", agency[0].credential)]);
    buildReportTab(w);
    const test = w.run("sendTestNoticeForMonth", { month: MONTH }) as { ok: boolean };
    expect(test.ok).toBe(true);
    const [message] = outboxOf(w.runtime).messages;
    expect(message.to).toEqual(["specialist@agency.example"]);
    expect(message.subject).toMatch(/^\[Test\] Your digital badge/);
    expect(reportRows(w)[0]["Notice Status"]).toBe("");

    w.run("showSendNotices");
    expect(spreadsheetOf(w.runtime).ui.dialogs.map((d) => d.title)).toContain("Send notices");
  });

  /**
   * The default notice as a student reads it, checked in so a person can open it in a browser.
   * UPDATE_FIXTURES=1 rewrites the files after a deliberate change to the texts.
   */
  it.each(["en", "es"])("renders the default %s notice exactly as the checked-in fixture", async (language) => {
    w = await world({
      start: FIRST_OF_DECEMBER,
      settings: { agencyName: "Oklahoma CareerTech", senderName: "Jordan Badging Specialist" },
    });
    workbookWith(w, [
      entry("E-1", "María José", "Núñez", "maria@school.example.edu", agency[0].credential),
      entry("E-2", "María José", "Núñez", "maria@school.example.edu", agency[1].credential),
    ]);
    buildReportTab(w);
    const preview = w.run("previewNotice", { month: MONTH, language }) as { subject: string; html: string };
    const page = `<!DOCTYPE html>\n<meta charset="utf-8">\n<title>${escapeHtml(preview.subject)}</title>\n${preview.html}\n`;
    const file = path.join(FIXTURES, `notice-${language}.html`);
    if (process.env.UPDATE_FIXTURES) writeFileSync(file, page);
    expect(page).toBe(readFileSync(file, "utf8"));
  });
});
