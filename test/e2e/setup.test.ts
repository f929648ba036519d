/**
 * Issue #6, "Set up workbook": data validation (Credential from the Credentials list, Badge Issuer
 * Agency/Vendor, Active Yes/No), warning-only protection on the columns BadgeDesk owns, and column
 * formats (dates shown in the spreadsheet's zone). Through the built bundle's menu entry point.
 */
import { spreadsheetOf } from "../../local/runtime";
import type { ValidationRule } from "../../local/runtime/spreadsheet/cells";
import { type World, world } from "./harness";

/** Rows 2 and 1,000: the first and last data rows of a new sheet. */
const DATA_ROWS = [2, 1000];

function headerColumn(w: World, sheet: string, header: string): number {
  const column = spreadsheetOf(w.runtime).values(sheet)[0].indexOf(header) + 1;
  expect(column).toBeGreaterThan(0);
  return column;
}

/** The rule on the column's data cells (the same on every row, or the test says so). */
function validationOf(w: World, sheet: string, header: string): ValidationRule | undefined {
  const column = headerColumn(w, sheet, header);
  const [first, last] = DATA_ROWS.map((row) => spreadsheetOf(w.runtime).cell(sheet, row, column)?.validation);
  expect(last).toEqual(first);
  expect(spreadsheetOf(w.runtime).cell(sheet, 1, column)?.validation).toBeUndefined();
  return first;
}

function formatOf(w: World, sheet: string, header: string): string | undefined {
  const column = headerColumn(w, sheet, header);
  const [first, last] = DATA_ROWS.map((row) => spreadsheetOf(w.runtime).cell(sheet, row, column)?.numberFormat);
  expect(last).toEqual(first);
  return first;
}

/** Each protected range of a sheet: the headers it covers, whether it only warns, its rows. */
function protectedColumns(w: World, sheet: string) {
  const headers = spreadsheetOf(w.runtime).values(sheet)[0].map(String);
  return spreadsheetOf(w.runtime)
    .protections(sheet)
    .map((p) => ({
      headers: headers.slice(p.range.column - 1, p.range.column - 1 + p.range.numColumns),
      warningOnly: p.warningOnly,
      rows: [p.range.row, p.range.row + p.range.numRows - 1],
    }));
}

describe("Set up workbook", () => {
  let w: World;
  afterEach(() => w.close());

  beforeEach(async () => {
    w = await world({ start: new Date("2026-11-02T15:00:00Z") });
    w.run("setUpWorkbook");
  });

  it("offers drop-downs: Credential from the Credentials list, Badge Issuer Agency/Vendor, Active Yes/No, Language en/es", () => {
    const credential = validationOf(w, "Entries", "Credential");
    expect(credential).toMatchObject({ criteria: "VALUE_IN_RANGE", showDropdown: true, allowInvalid: true });
    // The whole Credential column of Credentials below its header (an open A2:A range).
    expect(credential?.rangeA1).toBe("Credentials!A2:A1000");
    expect(headerColumn(w, "Credentials", "Credential")).toBe(1);

    expect(validationOf(w, "Credentials", "Badge Issuer")).toMatchObject({
      criteria: "VALUE_IN_LIST",
      values: ["Agency", "Vendor"],
      showDropdown: true,
    });
    expect(validationOf(w, "Credentials", "Active")).toMatchObject({
      criteria: "VALUE_IN_LIST",
      values: ["Yes", "No"],
      showDropdown: true,
    });
    expect(validationOf(w, "Entries", "Language")).toMatchObject({ criteria: "VALUE_IN_LIST", values: ["en", "es"] });
    // A person can still type something else: the row is then marked Needs fix, not refused.
    expect(validationOf(w, "Credentials", "Active")?.allowInvalid).toBe(true);
    for (const free of ["Student Email", "Site", "Instructor Name"])
      expect(validationOf(w, "Entries", free)).toBeUndefined();
  });

  it("formats every date column of Entries and Ledger, shown in the spreadsheet's time zone", () => {
    expect(formatOf(w, "Entries", "Entered At")).toBe("yyyy-mm-dd hh:mm:ss");
    expect(formatOf(w, "Entries", "Date Earned")).toBe("yyyy-mm-dd");
    expect(formatOf(w, "Ledger", "Issued At")).toBe("yyyy-mm-dd hh:mm:ss");
    expect(formatOf(w, "Ledger", "Claim Checked At")).toBe("yyyy-mm-dd hh:mm:ss");
    expect(formatOf(w, "Log", "Time")).toBe("yyyy-mm-dd hh:mm:ss");

    const book = spreadsheetOf(w.runtime);
    expect(book.timeZone).toBe("America/Chicago");
    const enteredAt = headerColumn(w, "Entries", "Entered At");
    const earned = headerColumn(w, "Entries", "Date Earned");
    book.setValues("Entries", 2, enteredAt, [[new Date("2026-11-02T03:30:00Z")]]);
    book.setValues("Entries", 2, earned, [[new Date("2026-11-01T05:00:00Z")]]);
    const shown = book.displayValues("Entries")[1];
    // 03:30 UTC on Nov 2 is still Nov 1 in Chicago (UTC-6); midnight CDT on Nov 1 is 05:00 UTC.
    expect(shown[enteredAt - 1]).toBe("2026-11-01 21:30:00");
    expect(shown[earned - 1]).toBe("2026-11-01");
  });

  it("warns, without locking anyone out, before a person types over a column BadgeDesk writes", () => {
    const all = [1, 1000];
    expect(protectedColumns(w, "Entries")).toEqual(
      expect.arrayContaining([
        { headers: ["Entry ID", "Entered At"], warningOnly: true, rows: all },
        { headers: ["Source"], warningOnly: true, rows: all },
        { headers: ["Reported In"], warningOnly: true, rows: all },
      ]),
    );
    expect(
      protectedColumns(w, "Entries")
        .flatMap((p) => p.headers)
        .sort(),
    ).toEqual(["Entered At", "Entry ID", "Reported In", "Source"]);
    const ledgerHeaders = spreadsheetOf(w.runtime).values("Ledger")[0].map(String);
    expect(protectedColumns(w, "Ledger")).toEqual([{ headers: ledgerHeaders, warningOnly: true, rows: all }]);
    const logHeaders = spreadsheetOf(w.runtime).values("Log")[0].map(String);
    expect(protectedColumns(w, "Log")).toEqual([{ headers: logHeaders, warningOnly: true, rows: all }]);
    // The specialist's own lists are theirs to edit.
    expect(protectedColumns(w, "Credentials")).toEqual([]);
    for (const sheet of ["Entries", "Ledger", "Log"]) {
      expect(
        spreadsheetOf(w.runtime)
          .protections(sheet)
          .every((p) => p.type === "RANGE"),
      ).toBe(true);
    }

    // Running it again adds no second protection and changes no rule.
    const before = ["Entries", "Ledger", "Log"].map((s) => protectedColumns(w, s));
    w.run("setUpWorkbook");
    expect(["Entries", "Ledger", "Log"].map((s) => protectedColumns(w, s))).toEqual(before);
  });
});
