/**
 * Intake, end to end through the built bundle: set up the workbook, create the instructor form,
 * instructors submit it, a trigger fails, reconcile recovers, rows are typed and imported.
 */
import { spreadsheetOf, triggersOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";
import { AGENCY_CREDENTIAL, settingsOf, submit, VENDOR_CREDENTIAL, workbookWithForm } from "./intake-world";

const ENTRY_ID = /^E-[0-9A-F]{12}$/;

let w: World;
beforeEach(async () => {
  w = await world({ start: new Date("2026-10-05T14:00:00Z") });
});
afterEach(() => w.close());

const entries = () => w.rows("Entries");
const byFirstName = (first: string) => entries().filter((r) => r["Student First Name"] === first);

describe("Set up workbook", () => {
  it("creates Entries, Credentials, Ledger and Log with headers, a frozen header row, drop-downs and protection", () => {
    w.run("setUpWorkbook");
    const book = spreadsheetOf(w.runtime);
    expect(book.sheetNames()).toEqual(expect.arrayContaining(["Entries", "Credentials", "Ledger", "Log"]));
    expect(book.values("Entries")[0].slice(0, 3)).toEqual(["Entry ID", "Entered At", "Student First Name"]);
    expect(book.values("Credentials")[0]).toEqual([
      "Credential",
      "Vendor",
      "Badge Issuer",
      "Credly Template ID",
      "Active",
    ]);
    expect(book.requireSheet("Entries").frozenRows).toBe(1);
    expect(book.cell("Entries", 2, 2)?.numberFormat).toBe("yyyy-mm-dd hh:mm:ss");
    expect(book.cell("Credentials", 2, 3)?.validation).toBeTruthy();
    expect(book.cell("Entries", 2, 6)?.validation).toBeTruthy();
    const entriesProtection = book.protections("Entries");
    expect(entriesProtection.length).toBeGreaterThan(0);
    expect(entriesProtection.every((p) => p.warningOnly)).toBe(true);
    expect(book.protections("Ledger").length).toBe(1);
  });

  it("changes nothing and loses nothing when run again", () => {
    w.run("setUpWorkbook");
    w.type("Entries", [{ "Student First Name": "Ana", "Student Last Name": "Ruiz" }]);
    const book = spreadsheetOf(w.runtime);
    const before = JSON.stringify(["Entries", "Credentials", "Ledger"].map((s) => book.values(s)));
    const protections = book.protections("Entries").length;
    const again = w.run("setUpWorkbook") as { created: string[]; checked: string[] };
    expect(again.created).toEqual([]);
    expect(again.checked).toEqual(["Credentials", "Entries", "Ledger", "Log"]);
    expect(JSON.stringify(["Entries", "Credentials", "Ledger"].map((s) => book.values(s)))).toBe(before);
    expect(book.protections("Entries").length).toBe(protections);
  });

  it("reports a renamed header by name and leaves that sheet as it is", () => {
    w.run("setUpWorkbook");
    const book = spreadsheetOf(w.runtime);
    book.setValues("Entries", 1, 5, [["Student E-mail"]]);
    const result = w.run("setUpWorkbook") as { problems: string[] };
    expect(result.problems).toEqual([expect.stringContaining('Sheet "Entries" has no header "Student Email"')]);
    expect(book.values("Entries")[0][4]).toBe("Student E-mail");
    expect(book.ui.alerts.at(-1)?.prompt).toContain('"Student Email"');
  });
});

describe("The instructor form", () => {
  it("lists the active credentials, links to this spreadsheet and has exactly one trigger", () => {
    const formId = workbookWithForm(w);
    expect(settingsOf(w).formUrl).toContain(formId);
    expect(spreadsheetOf(w.runtime).sheetNames()).toContain("Form Responses 1");
    w.run("createInstructorForm");
    const formTriggers = triggersOf(w.runtime).filter((t) => t.handler === "onInstructorFormSubmit");
    expect(formTriggers).toHaveLength(1);
    expect(settingsOf(w).formId).toBe(formId);
  });

  it("turns each submission into one Entries row stamped with the response's time", () => {
    const formId = workbookWithForm(w);
    const at = new Date("2026-10-06T14:41:07Z");
    const { executions } = submit(
      w,
      formId,
      { first: "Ana", last: "Ruiz", email: "ana.ruiz@student.example.org" },
      { at },
    );
    expect(executions.map((e) => e.ok)).toEqual([true]);
    const [ana] = byFirstName("Ana");
    expect(ana["Entry ID"]).toMatch(ENTRY_ID);
    expect((ana["Entered At"] as Date).toISOString()).toBe(at.toISOString());
    expect(ana.Source).toBe("Form response 2026-10-06T14:41:07Z d.whitfield@tulsatech.example.edu");
    expect(ana["Instructor Email"]).toBe("d.whitfield@tulsatech.example.edu");
    expect(ana.Credential).toBe(AGENCY_CREDENTIAL);
    expect(ana["Date Earned"]).toBeInstanceOf(Date);
  });

  it("keeps a submitted name that looks like a formula as text", () => {
    const formId = workbookWithForm(w);
    submit(w, formId, {
      first: '=HYPERLINK("http://evil.example","x")',
      last: "+1 555 0100",
      email: "x@student.example.org",
    });
    const [row] = entries();
    expect(row["Student First Name"]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(row["Student Last Name"]).toBe("+1 555 0100");
    const rowNumber =
      spreadsheetOf(w.runtime)
        .values("Entries")
        .findIndex((r) => r[0] === row["Entry ID"]) + 1;
    expect(spreadsheetOf(w.runtime).formulas("Entries")[rowNumber - 1][2]).toBe("");
  });

  it("updates the credential list when the catalog changes", () => {
    const formId = workbookWithForm(w);
    spreadsheetOf(w.runtime).appendRow("Credentials", [
      "Drone Pilot Assistant",
      "CareerTech",
      "Agency",
      "tmpl-drone",
      "Yes",
    ]);
    expect(() =>
      submit(w, formId, {
        first: "Flo",
        last: "Reyes",
        email: "flo@student.example.org",
        credential: "Drone Pilot Assistant",
      }),
    ).toThrow(/not a choice/);
    w.run("refreshFormChoices");
    submit(w, formId, {
      first: "Flo",
      last: "Reyes",
      email: "flo@student.example.org",
      credential: "Drone Pilot Assistant",
    });
    expect(byFirstName("Flo")).toHaveLength(1);
  });
});

describe("Reconcile", () => {
  it("adds a response whose trigger failed, once, and stamps typed rows with the time it first sees them", () => {
    const formId = workbookWithForm(w);
    submit(
      w,
      formId,
      { first: "Ana", last: "Ruiz", email: "ana@student.example.org" },
      { at: new Date("2026-10-06T15:00:00Z") },
    );
    const missed = new Date("2026-10-07T16:20:00Z");
    submit(
      w,
      formId,
      { first: "Ben", last: "Okafor", email: "ben@student.example.org" },
      { at: missed, triggerFails: true },
    );
    expect(byFirstName("Ben")).toEqual([]);
    w.type("Entries", [
      {
        "Student First Name": "Cy",
        "Student Last Name": "Tran",
        "Student Email": "cy@student.example.org",
        Credential: VENDOR_CREDENTIAL,
        "Date Earned": new Date("2026-10-02T05:00:00Z"),
      },
    ]);
    w.runtime.clock.setAtLeast(new Date("2026-10-08T13:00:00Z").getTime());

    const result = w.run("reconcileEntries") as { added: number; stamped: number };
    expect(result).toMatchObject({ added: 1, stamped: 1 });
    const [ben] = byFirstName("Ben");
    expect((ben["Entered At"] as Date).toISOString()).toBe(missed.toISOString());
    expect(ben["Entry ID"]).toMatch(ENTRY_ID);
    const [cy] = byFirstName("Cy");
    expect(cy["Entry ID"]).toMatch(ENTRY_ID);
    const stampedAt = (cy["Entered At"] as Date).getTime() - new Date("2026-10-08T13:00:00Z").getTime();
    expect(stampedAt).toBeGreaterThanOrEqual(0);
    expect(stampedAt).toBeLessThan(60_000);
    expect(cy.Source).toBe("Typed");

    const again = w.run("reconcileEntries") as { added: number; stamped: number };
    expect(again).toMatchObject({ added: 0, stamped: 0 });
    expect(entries()).toHaveLength(3);
    expect(byFirstName("Cy")[0]["Entry ID"]).toBe(cy["Entry ID"]);
  });

  it("matches by response, not by row: sorting Entries does not make a response look missing", () => {
    const formId = workbookWithForm(w);
    for (const [first, email] of [
      ["Zoe", "zoe@student.example.org"],
      ["Abe", "abe@student.example.org"],
    ]) {
      submit(w, formId, { first, last: "Lane", email });
    }
    const book = spreadsheetOf(w.runtime);
    const [header, ...rows] = book.values("Entries");
    book.setValues("Entries", 1, 1, [header, ...rows.reverse()]);
    expect((w.run("reconcileEntries") as { added: number }).added).toBe(0);
    expect(
      entries()
        .map((r: Row) => r["Student First Name"])
        .sort(),
    ).toEqual(["Abe", "Zoe"]);
  });
});

describe("Import entries from CSV", () => {
  const csv =
    "\uFEFFFirst Name,Last Name,Email,Certification,Date Passed,School\r\n" +
    "Dee,Park,dee@student.example.org,ServSafe Food Handler,10/02/2026,Tulsa Tech\r\n" +
    '"=HYPERLINK(""http://evil.example"")",Moss,eli@student.example.org,CompTIA A+,2026-10-03,"Metro Tech, North"\r\n' +
    "Fay,Lee,fay@@student.example.org,ServSafe Food Handler,2026-10-04,Tulsa Tech\r\n";

  it("maps columns by name, appends every row once and says which rows need a fix", () => {
    workbookWithForm(w);
    const preview = w.run("previewEntriesCsv", csv) as { mapping: Record<string, string>; rowCount: number };
    expect(preview.rowCount).toBe(3);
    expect(preview.mapping).toMatchObject({ "Student Email": "Email", Credential: "Certification", Site: "School" });

    const first = w.run("importEntriesCsv", csv) as { imported: number; warnings: string[] };
    expect(first.imported).toBe(3);
    expect(first.warnings).toEqual(['CSV row 4: Student Email "fay@@student.example.org" is not an e-mail address']);
    const rows = entries();
    expect(rows.map((r) => r["Student First Name"])).toEqual(["Dee", '=HYPERLINK("http://evil.example")', "Fay"]);
    expect(rows.every((r) => ENTRY_ID.test(String(r["Entry ID"])))).toBe(true);
    expect(rows[1].Site).toBe("Metro Tech, North");
    expect(String(rows[0].Source)).toMatch(/^Import [0-9a-f]{12} row 1$/);

    const second = w.run("importEntriesCsv", csv.replace(/\r\n/g, "\n")) as {
      imported: number;
      alreadyImported: number;
    };
    expect(second).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect(entries()).toHaveLength(3);
  });

  it("takes a mapping chosen in the dialog, and refuses one that leaves out a needed column", () => {
    workbookWithForm(w);
    const odd = "Given,Family,Mail,Cert,When\r\nGus,Hale,gus@student.example.org,CompTIA A+,2026-10-05\r\n";
    const failed = w.attempt("importEntriesCsv", odd, { "Student First Name": "Given" });
    expect(failed.ok).toBe(false);
    expect(failed.error).toContain(
      "Choose the CSV column for Student Last Name, Student Email, Credential, Date Earned",
    );
    w.run("importEntriesCsv", odd, {
      "Student First Name": "Given",
      "Student Last Name": "Family",
      "Student Email": "Mail",
      Credential: "Cert",
      "Date Earned": "When",
    });
    expect(entries()[0]).toMatchObject({ "Student Last Name": "Hale", Credential: VENDOR_CREDENTIAL });
  });
});
