/**
 * The monthly report, end to end through the built bundle: instructors report through October
 * (one submission's trigger fails), rows are typed and imported, and on November 2 the specialist
 * builds the report for the prior month — across the night the clocks go back (Nov 1, Chicago) —
 * then works on it, someone sorts the tab and deletes a row, and the report is built again.
 */
import { spreadsheetOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";
import {
  AGENCY_CREDENTIAL,
  ledgerHolds,
  OTHER_AGENCY_CREDENTIAL,
  submit,
  VENDOR_CREDENTIAL,
  workbookWithForm,
} from "./intake-world";

const TAB = "Badges 2026-10";

let w: World;
afterEach(() => w.close());

function tabRows(): Row[] {
  return w.rows(TAB, "Entry ID");
}
function rowOf(first: string): Row {
  const entry = w.rows("Entries").find((r) => r["Student First Name"] === first);
  if (!entry) throw new Error(`No entry for ${first}`);
  const row = tabRows().find((r) => r["Entry ID"] === entry["Entry ID"]);
  if (!row) throw new Error(`${first} (${entry["Entry ID"]}) is not in ${TAB}`);
  return row;
}
function inReport(first: string): boolean {
  const entry = w.rows("Entries").find((r) => r["Student First Name"] === first);
  return tabRows().some((r) => r["Entry ID"] === entry?.["Entry ID"]);
}

/** The specialist answers the menu's questions: the month, then whether to pull the backlog in. */
function buildFromMenu(month: string, pullBacklog: boolean) {
  spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: month }, { button: pullBacklog ? "YES" : "NO" });
  return w.attempt("buildMonthlyReport");
}

/** What the notices and issuing runs write: progress cells on the row with this Entry ID. */
function writeProgress(entryId: string, values: Record<string, unknown>) {
  const book = spreadsheetOf(w.runtime);
  const grid = book.values(TAB);
  const header = grid.findIndex((r) => r[0] === "Entry ID");
  const row = grid.findIndex((r) => r[0] === entryId);
  for (const [name, value] of Object.entries(values)) {
    book.setValues(TAB, row + 1, grid[header].indexOf(name) + 1, [[value]]);
  }
}

/** A person sorts the table by Student, Z to A, and deletes the row of one entry. */
function sortAndDelete(entryId: string) {
  const book = spreadsheetOf(w.runtime);
  const grid = book.values(TAB);
  const header = grid.findIndex((r) => r[0] === "Entry ID");
  const body = grid.slice(header + 1).filter((r) => r[0] !== "");
  const sorted = body.filter((r) => r[0] !== entryId).sort((a, b) => String(b[2]).localeCompare(String(a[2])));
  const blank = grid[0].map(() => "");
  book.setValues(TAB, header + 2, 1, [...sorted, ...Array(body.length - sorted.length).fill(blank)]);
}

it("builds October's report on Nov 2 with every decision, then rebuilds it keeping progress by Entry ID", async () => {
  w = await world({ start: new Date("2026-09-25T15:00:00Z") });
  const formId = workbookWithForm(w);
  ledgerHolds(w, "fay@student.example.org", AGENCY_CREDENTIAL);

  // September: a response whose trigger failed; reconcile finds it only in November (backlog).
  submit(
    w,
    formId,
    { first: "Sep", last: "Late", email: "sep@student.example.org", earned: "2026-09-20" },
    {
      at: new Date("2026-09-28T16:00:00Z"),
      triggerFails: true,
    },
  );
  // October, CDT (-05:00).
  submit(
    w,
    formId,
    { first: "Ana", last: "Ruiz", email: "ana@student.example.org" },
    { at: new Date("2026-10-01T00:10:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Ben", last: "Okafor", email: "ben@student.example.org", credential: VENDOR_CREDENTIAL },
    {
      at: new Date("2026-10-06T10:00:00-05:00"),
    },
  );
  submit(
    w,
    formId,
    { first: '=HYPERLINK("http://evil.example","x")', last: "+Moss", email: "hy@student.example.org" },
    {
      at: new Date("2026-10-07T10:00:00-05:00"),
    },
  );
  submit(
    w,
    formId,
    { first: "Cal", last: "Diaz", email: "cal@student..example.org" },
    { at: new Date("2026-10-08T10:00:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Dev", last: "Shah", email: "dev@student.example.org", earned: "2026-12-01" },
    {
      at: new Date("2026-10-09T10:00:00-05:00"),
    },
  );
  submit(
    w,
    formId,
    { first: "Fay", last: "Lin", email: "fay@student.example.org" },
    { at: new Date("2026-10-12T10:00:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Ana2", last: "Ruiz", email: "ana@student.example.org" },
    { at: new Date("2026-10-14T10:00:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Gil", last: "Moss", email: "gil@student.example.org", credential: OTHER_AGENCY_CREDENTIAL },
    {
      at: new Date("2026-10-20T10:00:00-05:00"),
      triggerFails: true,
    },
  );
  // A typed row, stamped by the reconcile the specialist runs that day.
  w.type("Entries", [
    {
      "Student First Name": "Hal",
      "Student Last Name": "Ng",
      "Student Email": "hal@student.example.org",
      Credential: OTHER_AGENCY_CREDENTIAL,
      "Date Earned": new Date("2026-10-21T05:00:00Z"),
      Site: "Metro Tech",
    },
  ]);
  w.runtime.clock.setAtLeast(new Date("2026-10-22T15:00:00Z").getTime());
  w.run("reconcileEntries");
  // A CSV from the state's system; imported twice by mistake.
  w.runtime.clock.setAtLeast(new Date("2026-10-23T15:00:00Z").getTime());
  const csv =
    "First Name,Last Name,Email,Certification,Date Passed,School\r\nIva,Cole,iva@student.example.org,ServSafe Food Handler,10/20/2026,Metro Tech\r\n";
  w.run("importEntriesCsv", csv);
  w.run("importEntriesCsv", csv);
  // Across the month's end and the night the clocks go back (Nov 1, 02:00 CDT → 01:00 CST).
  submit(
    w,
    formId,
    { first: "Jo", last: "Late", email: "jo@student.example.org" },
    { at: new Date("2026-10-31T23:30:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Kim", last: "Early", email: "kim@student.example.org" },
    { at: new Date("2026-11-01T00:10:00-05:00") },
  );
  submit(
    w,
    formId,
    { first: "Lu", last: "Twice", email: "lu@student.example.org" },
    { at: new Date("2026-11-01T01:30:00-06:00") },
  );

  // November 2: the specialist builds the prior month's report (the suggested month: blank).
  w.runtime.clock.setAtLeast(new Date("2026-11-02T14:00:00Z").getTime());
  const built = buildFromMenu("", false);
  expect(built.error).toBeUndefined();
  expect(built.value).toMatchObject({
    month: "2026-10",
    sheet: TAB,
    total: 11,
    counts: { Badge: 6, "Vendor badge": 1, "Needs fix": 2, "Already badged": 2 },
    backlog: 1,
  });

  // The entry at 23:30 on Oct 31 is October's; 00:10 and the second 01:30 on Nov 1 are November's.
  expect(inReport("Jo")).toBe(true);
  expect(inReport("Kim")).toBe(false);
  expect(inReport("Lu")).toBe(false);
  // The missed trigger's response was recovered by the reconcile the build runs first.
  expect(rowOf("Gil").Decision).toBe("Badge");
  expect(rowOf("Ana")).toMatchObject({ Decision: "Badge", Reason: "" });
  expect(rowOf("Ben")).toMatchObject({ Decision: "Vendor badge", Reason: "CompTIA issues its own badge" });
  expect(rowOf('=HYPERLINK("http://evil.example","x")')).toMatchObject({ Decision: "Badge" });
  expect(rowOf("Cal")).toMatchObject({
    Decision: "Needs fix",
    Reason: expect.stringContaining('Student Email "cal@student..example.org"'),
  });
  expect(rowOf("Dev")).toMatchObject({ Decision: "Needs fix", Reason: expect.stringContaining("is in the future") });
  expect(rowOf("Fay")).toMatchObject({ Decision: "Already badged", Reason: expect.stringContaining("Ledger") });
  const ana = rowOf("Ana");
  expect(rowOf("Ana2")).toMatchObject({
    Decision: "Already badged",
    Reason: `Same student and credential as entry ${ana["Entry ID"]} this month`,
  });
  expect(rowOf("Hal").Decision).toBe("Badge");
  expect(rowOf("Iva").Decision).toBe("Badge");
  expect(tabRows().filter((r) => String(r.Student).startsWith("Iva"))).toHaveLength(1);

  // The summary: counts per decision and per site, and the September entry in no report.
  const book = spreadsheetOf(w.runtime);
  const summary = book.values(TAB).slice(0, 12);
  expect(summary).toContainEqual(expect.arrayContaining(["All sites", 11, 6, 1, 2, 2]));
  expect(summary).toContainEqual(expect.arrayContaining(["Metro Tech", 2]));
  expect(summary).toContainEqual(expect.arrayContaining(["Earlier entries in no report", 1]));
  expect(book.values(TAB).some((r) => r[2] === "Sep Late")).toBe(true);
  expect(book.conditionalRules(TAB).length).toBeGreaterThan(0);
  // The name that looks like a formula is text in the tab too.
  expect(
    book
      .formulas(TAB)
      .flat()
      .every((f) => f === ""),
  ).toBe(true);
  // The build read each sheet once: Entries, Credentials, Ledger, (no tab yet, no earlier tabs).
  expect(built.calls["Range.getValues"] ?? 0).toBeLessThanOrEqual(8);
  console.log(
    JSON.stringify(built.calls),
    book
      .values(TAB)
      .slice(0, 16)
      .map((r) => r.slice(0, 6).join(" | "))
      .join("\n"),
  );

  // The notices and issuing runs work on the tab…
  const ian = rowOf("Iva")["Entry ID"] as string;
  writeProgress(ana["Entry ID"] as string, {
    "Notice Status": "Sent",
    "Notice Sent At": new Date("2026-11-04T15:00:00Z"),
  });
  writeProgress(ian, {
    "Notice Status": "Sent",
    "Badge Status": "Issued",
    "Credly Badge ID": "badge-iva-1",
    "Claim State": "pending",
  });
  // …someone sorts it and deletes Ben's row, and Cal's e-mail is fixed in Entries.
  sortAndDelete(rowOf("Ben")["Entry ID"] as string);
  const entries = book.values("Entries");
  const calRow = entries.findIndex((r) => r[2] === "Cal");
  book.setValues("Entries", calRow + 1, entries[0].indexOf("Student Email") + 1, [["cal@student.example.org"]]);

  // Built again, pulling the September entry in.
  w.runtime.clock.setAtLeast(new Date("2026-11-05T14:00:00Z").getTime());
  const rebuilt = buildFromMenu("2026-10", true);
  expect(rebuilt.error).toBeUndefined();
  expect(rebuilt.value).toMatchObject({ total: 12, backlog: 0, pulledIn: 1 });
  expect(rowOf("Ana")).toMatchObject({ Decision: "Badge", "Notice Status": "Sent" });
  expect((rowOf("Ana")["Notice Sent At"] as Date).toISOString()).toBe("2026-11-04T15:00:00.000Z");
  expect(rowOf("Iva")).toMatchObject({
    "Badge Status": "Issued",
    "Credly Badge ID": "badge-iva-1",
    "Claim State": "pending",
  });
  expect(rowOf("Ben")).toMatchObject({ Decision: "Vendor badge", "Notice Status": "" });
  expect(rowOf("Cal")).toMatchObject({ Decision: "Badge", Reason: "" });
  expect(rowOf("Sep").Decision).toBe("Badge");
  expect(new Set(tabRows().map((r) => r["Entry ID"])).size).toBe(12);
  // Entries says which report each entry went into.
  const reported = w.rows("Entries").filter((r) => r["Reported In"] === TAB);
  expect(reported).toHaveLength(12);
});
