/**
 * The bad-input corpus (test/fixtures/bad-inputs) through the built bundle: instructors type every
 * case into Entries on Nov 20, reconcile stamps the rows, and on Dec 2 the specialist builds
 * November's report. Each case gets its exact Decision and Reason, and every cell that came from
 * what a person typed is stored as text, never as a formula.
 */
import { credentialsSheet, templateIdFor } from "../../local/demo";
import { runUntil, spreadsheetOf } from "../../local/runtime";
import { AGENCY, BAD_INPUTS, type BadInput, CLEAN, LEDGER_EMAIL } from "../fixtures/bad-inputs/cases";
import { type Row, type World, world } from "./harness";

const REPORT = "Badges 2026-11";
const TYPED_ON = new Date("2026-11-20T15:00:00Z");
const REPORT_DAY = new Date("2026-12-02T15:00:00Z");

/** The cells a case's row holds, by header. */
function cellsOf(c: BadInput): Record<string, unknown> {
  const base = c.only ? {} : { ...CLEAN, "Student Email": `${c.id}@student.example.org` };
  return { ...base, ...c.row, Program: c.only && Object.keys(c.row).length === 0 ? "" : c.id };
}

/** The whole corpus as one block of rows, blank rows included, as a paste would leave them. */
function typeCorpus(w: World): void {
  const book = spreadsheetOf(w.runtime);
  const headers = book.values("Entries")[0].map(String);
  const lines = BAD_INPUTS.map((c) => headers.map((h) => cellsOf(c)[h] ?? ""));
  book.setValues("Entries", 2, 1, lines);
}

let w: World;
let entryIdOf: Map<string, string>;
let reportRows: Map<string, Row>;

beforeAll(async () => {
  w = await world({ start: TYPED_ON });
  w.run("setUpWorkbook");
  const book = spreadsheetOf(w.runtime);
  book.setValues("Credentials", 1, 1, credentialsSheet());
  book.appendRow("Ledger", [
    "E-EARLIER00001",
    LEDGER_EMAIL,
    templateIdFor(AGENCY),
    "badge-earlier-1",
    new Date("2026-06-03T15:00:00Z"),
    "accepted",
    "",
  ]);
  typeCorpus(w);
  w.run("reconcileEntries");
  runUntil(w.runtime, REPORT_DAY);
  book.ui.answers.push({ button: "OK", text: "2026-11" }, { button: "NO" });
  w.run("buildMonthlyReport");
  entryIdOf = new Map(w.rows("Entries").map((r) => [String(r.Program), String(r["Entry ID"])]));
  reportRows = new Map(w.rows(REPORT, "Entry ID").map((r) => [String(r["Entry ID"]), r]));
}, 60_000);
afterAll(() => w.close());

const reasonOf = (c: BadInput) => c.reason.replace(/\{entry:([^}]+)\}/g, (_, id: string) => entryIdOf.get(id) ?? id);
const collapse = (v: unknown) => String(v).replace(/\s+/g, " ").trim();

it("holds at least 60 cases, each with its own id", () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(BAD_INPUTS.map((c) => c.id)).size).toBe(BAD_INPUTS.length);
});

it("reports every typed row and nothing for the blank one", () => {
  const entries = BAD_INPUTS.filter((c) => c.decision !== "no entry");
  expect(reportRows.size).toBe(entries.length);
  expect(w.rows("Entries").every((r) => String(r["Entry ID"]).startsWith("E-"))).toBe(true);
});

describe.each(BAD_INPUTS.filter((c) => c.decision !== "no entry").map((c) => [c.id, c] as const))("%s", (_id, c) => {
  const row = () => {
    const found = reportRows.get(entryIdOf.get(c.id) ?? "");
    if (!found) throw new Error(`${c.id} (${c.what}) is not in ${REPORT}`);
    return found;
  };

  it(`is decided ${c.decision}${c.reason ? ` because ${c.reason}` : ""}`, () => {
    expect({ decision: row().Decision, reason: row().Reason }).toEqual({ decision: c.decision, reason: reasonOf(c) });
  });

  it("shows the student, address and credential as typed (trimmed), as text", () => {
    const typed = cellsOf(c);
    expect(row().Student).toBe(c.student ?? "Ana Ruiz");
    expect(row()["Student Email"]).toBe(
      c.email ??
        String(typed["Student Email"] ?? "")
          .trim()
          .toLowerCase(),
    );
    expect(row().Credential).toBe(c.credential ?? collapse(typed.Credential ?? ""));
  });
});

it("stores every cell of Entries and of the report as a value, never a formula", () => {
  const book = spreadsheetOf(w.runtime);
  for (const sheet of ["Entries", REPORT, "Log"]) {
    const formulas = book
      .formulas(sheet)
      .flat()
      .filter((f) => f !== "");
    expect({ sheet, formulas }).toEqual({ sheet, formulas: [] });
  }
});

it("keeps each text a person typed as that text in the report (no number, date or boolean made of it)", () => {
  for (const row of reportRows.values()) {
    for (const header of ["Student", "Student Email", "Credential", "Reason"]) {
      expect({ header, type: typeof row[header] }).toEqual({ header, type: "string" });
    }
  }
});
