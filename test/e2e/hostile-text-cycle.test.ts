/**
 * Issue #14 over the whole month: hostile text typed into every field that flows onward — a
 * student's names, Site, Program, Instructor Name, the names on the Credentials sheet, a form
 * response, a typed row and a CSV import — goes through the scheduled monthly cycle (report,
 * notices, badges at Credly, the summary to the specialist, instructors' receipts and needs-fix
 * digests), a claim refresh and the Dashboard. No sheet ends up holding a formula; every copy of
 * a text reads back exactly as typed; every HTML BadgeDesk makes (e-mails and the summary page)
 * carries it escaped and never raw. The built bundle, against the Credly sandbox.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeSummaryPage } from "../../local/cli/summary-page";
import {
  type CatalogCredential,
  credentialsSheet,
  credlyTemplates,
  demoSandboxSeed,
  stableUuid,
} from "../../local/demo";
import { formsOf, outboxOf, runUntil, type SentMessage, spreadsheetOf } from "../../local/runtime";
import { escapeHtml } from "../../src/domain/merge";
import { DEMO_ORG, type Row, SPECIALIST, type World, world } from "./harness";

jest.setTimeout(180_000);

const HOSTILE = [
  '=HYPERLINK("http://evil.example","Claim here")',
  "+1",
  "-2",
  "@x",
  '<script>alert("badge")</script>',
  "<img src=x onerror=alert(1)>",
  '&"<>',
  "TRUE",
  "007",
  "'quoted",
];
const MARKUP = /[<>&"']/;
/**
 * A name needs a letter ("+1" alone is refused with the reason "has no letters"): students named
 * by such a text are Needs fix, and their notice and badge do not go. The text still travels.
 */
const NAMED = HOSTILE.filter((text) => /\p{L}/u.test(text));
const named = (text: string) => NAMED.includes(text);

const MONTH = "2026-11";
const REPORT = `Badges ${MONTH}`;
const START = new Date("2026-11-10T15:00:00Z");
const EARNED = "2026-11-05";

/** Each hostile text is also the name of an agency credential with its own Credly template. */
const HOSTILE_CREDENTIALS: CatalogCredential[] = HOSTILE.map((text) => ({
  credential: text,
  vendor: text,
  badgeIssuer: "Agency",
  templateId: stableUuid(`hostile-template:${text}`),
  active: true,
  weight: 1,
}));

const instructorEmail = (i: number) => `instructor${i}@school.example`;
/**
 * Each text's four students: by the form (the text as first name), typed (as last name), imported
 * (plainly named: the text is their credential, site, program and instructor), and by the form
 * with an address that is no address (Needs fix, for the digest).
 */
const formEmail = (i: number) => `form${i}@student.example.org`;
const typedEmail = (i: number) => `typed${i}@student.example.org`;
const importedEmail = (i: number) => `imported${i}@student.example.org`;
const needsFixEmail = (i: number) => `fix${i}@student.example.c0m`;

function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(",")).join("\r\n");
}

function cycleWorld(): Promise<World> {
  const demo = demoSandboxSeed(1);
  return world({
    start: START,
    credly: {
      seed: { ...demo, templates: [...demo.templates, ...credlyTemplates(DEMO_ORG, HOSTILE_CREDENTIALS)], badges: [] },
    },
    settings: { noticeDelayDays: 0, receiptsEnabled: true },
  });
}

/** November as the instructors and the specialist make it, then the cycle, left to run. */
async function hostileMonth(w: World): Promise<void> {
  w.run("setUpWorkbook");
  const sheets = spreadsheetOf(w.runtime);
  sheets.setValues("Credentials", 1, 1, credentialsSheet());
  w.type(
    "Credentials",
    HOSTILE_CREDENTIALS.map((c) => ({
      Credential: c.credential,
      Vendor: c.vendor,
      "Badge Issuer": "Agency",
      "Credly Template ID": c.templateId,
      Active: "Yes",
    })),
  );
  const { formId } = w.run("createInstructorForm") as { formId: string };
  w.run("scheduleMonthlyRun");

  HOSTILE.forEach((text, i) => {
    for (const [email, last] of [
      [formEmail(i), "Ruiz"],
      [needsFixEmail(i), "Fix"],
    ]) {
      formsOf(w.runtime).submit(
        formId,
        {
          "Instructor Name": text,
          Site: text,
          Program: text,
          "Student First Name": text,
          "Student Last Name": last,
          "Student Email": email,
          Credential: text,
          "Date Earned": EARNED,
        },
        { respondentEmail: instructorEmail(i) },
      );
    }
  });
  w.type(
    "Entries",
    HOSTILE.map((text, i) => ({
      "Student First Name": "Ana",
      "Student Last Name": text,
      "Student Email": typedEmail(i),
      Credential: text,
      "Date Earned": EARNED,
      Site: text,
      Program: text,
      "Instructor Name": text,
      "Instructor Email": instructorEmail(i),
    })),
  );
  const csv = csvOf([
    [
      "Student First Name",
      "Student Last Name",
      "Student Email",
      "Credential",
      "Date Earned",
      "Site",
      "Program",
      "Instructor Name",
    ],
    ...HOSTILE.map((text, i) => ["Ana", "Ruiz", importedEmail(i), text, EARNED, text, text, text]),
  ]);
  expect(w.run("importEntriesCsv", csv)).toMatchObject({ imported: HOSTILE.length });
  // The specialist reconciles in November: typed rows get their Entry ID and Entered At now.
  w.run("reconcileEntries");

  // The 1st: the monthly run builds the report, sends the notices and, with no delay, the badges.
  runUntil(w.runtime, new Date("2026-12-02T18:00:00Z"));
  const failed = w.runtime.executions.filter((e) => !e.ok).map((e) => `${e.functionName}: ${e.error}`);
  expect(failed).toEqual([]);

  // Students claim, except those who came through the form; a refresh reads it back.
  const credly = w.sandbox!;
  for (const badge of await credly.admin.badges())
    if (!badge.recipient_email.startsWith("form")) await credly.admin.accept(badge.id);
  w.runtime.clock.advance(60 * 60 * 1000);
  w.run("refreshClaimStates");
  w.run("rebuildDashboard", MONTH);
}

/** The rows of a Dashboard table: from the header row starting `first` to a blank row. */
function dashboardTable(w: World, first: string): Row[] {
  const values = spreadsheetOf(w.runtime).values("Dashboard");
  const header = values.findIndex((r) => r[0] === first);
  if (header < 0) throw new Error(`No Dashboard table headed "${first}"`);
  const names = values[header].map(String);
  const rows: Row[] = [];
  for (const line of values.slice(header + 1)) {
    if (line.every((v) => v === "")) break;
    rows.push(Object.fromEntries(names.map((n, i) => [n, line[i]])));
  }
  return rows;
}

/** A message's HTML body ("" for a plain-text message). */
const htmlOf = (message: SentMessage | undefined) => message?.html ?? "";
const mailTo = (w: World, to: string): SentMessage[] => outboxOf(w.runtime).messages.filter((m) => m.to.includes(to));

let w: World;
let summaryPage: string;
beforeAll(async () => {
  w = await cycleWorld();
  await hostileMonth(w);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hostile-summary-")), "summary.html");
  writeSummaryPage(file, spreadsheetOf(w.runtime), MONTH, new Date(w.runtime.clock.now()));
  summaryPage = readFileSync(file, "utf8");
}, 180_000);
afterAll(() => w?.close());

const student = (row: Row | undefined) => [row?.Student, row?.Credential, row?.Site, row?.Decision];

it("takes every hostile text through the month: decided, noticed, badged at Credly, claimed", async () => {
  const rows = w.rows(REPORT, "Entry ID");
  expect(rows).toHaveLength(HOSTILE.length * 4);
  const byEmail = new Map(rows.map((r) => [r["Student Email"], r]));
  const decision = (text: string) => (named(text) ? "Badge" : "Needs fix");
  HOSTILE.forEach((text, i) => {
    expect([
      student(byEmail.get(formEmail(i))),
      student(byEmail.get(typedEmail(i))),
      student(byEmail.get(importedEmail(i))),
      student(byEmail.get(needsFixEmail(i))),
    ]).toEqual([
      [`${text} Ruiz`, text, text, decision(text)],
      [`Ana ${text}`, text, text, decision(text)],
      ["Ana Ruiz", text, text, "Badge"],
      [`${text} Fix`, text, text, "Needs fix"],
    ]);
  });
  const badgeRows = rows.filter((r) => r.Decision === "Badge");
  expect(badgeRows).toHaveLength(HOSTILE.length + 2 * NAMED.length);
  expect(badgeRows.filter((r) => r["Notice Status"] !== "Sent" || r["Badge Status"] !== "Issued")).toEqual([]);
  for (const row of rows.filter((r) => r.Decision === "Needs fix" && !String(r["Student Email"]).startsWith("fix")))
    expect(row.Reason).toMatch(/has no letters/);

  const badges = await w.sandbox!.admin.badges();
  expect(badges).toHaveLength(badgeRows.length);
  expect(
    badges
      .filter((b) => b.state === "pending")
      .map((b) => b.recipient_email)
      .sort(),
  ).toEqual(
    HOSTILE.map((text, i) => (named(text) ? formEmail(i) : ""))
      .filter(Boolean)
      .sort(),
  );
  const ledger = w.rows("Ledger");
  expect(ledger.filter((r) => r["Claim State"] === "pending")).toHaveLength(NAMED.length);
});

it("stores no formula in any sheet, after the cycle, the claim refresh and the Dashboard", () => {
  const book = spreadsheetOf(w.runtime);
  expect(book.sheetNames()).toEqual(
    expect.arrayContaining(["Entries", "Credentials", REPORT, "Ledger", "Receipts", "Dashboard", "Log"]),
  );
  for (const sheet of book.sheetNames()) {
    const formulas = book
      .formulas(sheet)
      .flat()
      .filter((f) => f !== "");
    expect({ sheet, formulas }).toEqual({ sheet, formulas: [] });
  }
});

it("keeps each hostile text exactly as typed in Entries, the report and the Receipts sheet", () => {
  const entries = w.rows("Entries");
  const receipts = w.rows("Receipts");
  HOSTILE.forEach((text, i) => {
    const entry = (email: string) => {
      const r = entries.find((e) => e["Student Email"] === email);
      return [
        r?.["Student First Name"],
        r?.["Student Last Name"],
        r?.Credential,
        r?.Site,
        r?.Program,
        r?.["Instructor Name"],
      ];
    };
    expect([entry(formEmail(i)), entry(typedEmail(i)), entry(importedEmail(i)), entry(needsFixEmail(i))]).toEqual([
      [text, "Ruiz", text, text, text, text],
      ["Ana", text, text, text, text, text],
      ["Ana", "Ruiz", text, text, text, text],
      [text, "Fix", text, text, text, text],
    ]);

    const lines = receipts.filter((r) => r["Instructor Email"] === instructorEmail(i));
    // Two entries recorded by the form, and the digest's Needs fix lines.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.map((r) => r["Instructor Name"])).toEqual(lines.map(() => text));
  });
  const credentials = w.rows("Credentials").map((r) => [r.Credential, r.Vendor]);
  expect(credentials).toEqual(expect.arrayContaining(HOSTILE.map((text) => [text, text])));
});

it("shows each hostile site, credential and unclaimed student exactly as typed on the Dashboard", () => {
  const sites = dashboardTable(w, "Site").map((r) => r.Site);
  const credentials = dashboardTable(w, "Credential").map((r) => r.Credential);
  const unclaimed = dashboardTable(w, "Entry ID");
  expect(sites).toEqual(expect.arrayContaining(HOSTILE));
  expect(credentials).toEqual(expect.arrayContaining(HOSTILE));
  expect(unclaimed.map((r) => [r.Student, r.Credential, r.Site]).sort()).toEqual(
    NAMED.map((text) => [`${text} Ruiz`, text, text]).sort(),
  );
});

it("escapes every hostile text in every e-mail BadgeDesk sent, and never puts one there raw", () => {
  const messages = outboxOf(w.runtime).messages;
  for (const message of messages) {
    expect({ to: message.to, raw: /<script|<img/i.test(htmlOf(message)) }).toEqual({ to: message.to, raw: false });
    for (const text of HOSTILE.filter((t) => MARKUP.test(t)))
      expect({ to: message.to, text, raw: htmlOf(message).includes(text) }).toEqual({
        to: message.to,
        text,
        raw: false,
      });
  }

  HOSTILE.forEach((text, i) => {
    // Students' notices: the imported student's lists the hostile credential; the form's and the
    // typed one's (when their name has a letter) carry it too.
    const noticed = named(text) ? [formEmail(i), typedEmail(i), importedEmail(i)] : [importedEmail(i)];
    for (const email of noticed) {
      const notices = mailTo(w, email);
      expect({ email, notices: notices.length, escaped: htmlOf(notices[0]).includes(escapeHtml(text)) }).toEqual({
        email,
        notices: 1,
        escaped: true,
      });
    }
    // The instructor's receipt and needs-fix digest name the students they are about.
    const toInstructor = mailTo(w, instructorEmail(i));
    const digests = toInstructor.filter((m) => /still needs? a fix/.test(m.subject));
    const receipts = toInstructor.filter((m) => !digests.includes(m));
    expect({ text, receipts: receipts.length, digests: digests.length }).toEqual({ text, receipts: 1, digests: 1 });
    for (const message of [...receipts, ...digests]) {
      expect({ text, subject: message.subject, escaped: htmlOf(message).includes(escapeHtml(`${text} Fix`)) }).toEqual({
        text,
        subject: message.subject,
        escaped: true,
      });
    }
  });

  // The specialist's cycle summary lists the Needs fix rows by site: every hostile site.
  const summaries = mailTo(w, SPECIALIST).filter((m) => m.subject.startsWith("BadgeDesk: November 2026 done"));
  expect(summaries).toHaveLength(1);
  for (const text of HOSTILE)
    expect({ text, escaped: htmlOf(summaries[0]).includes(`<li>${escapeHtml(text)}: `) }).toEqual({
      text,
      escaped: true,
    });
});

it("escapes every hostile text on the HTML summary page, and never puts one there raw", () => {
  expect(summaryPage).not.toMatch(/<script|<img/i);
  for (const text of HOSTILE) {
    expect({ text, escaped: summaryPage.includes(escapeHtml(text)) }).toEqual({ text, escaped: true });
    if (MARKUP.test(text)) expect({ text, raw: summaryPage.includes(text) }).toEqual({ text, raw: false });
  }
  for (const text of NAMED) expect(summaryPage).toContain(escapeHtml(`${text} Ruiz`));
});
