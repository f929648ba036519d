import { CREDENTIALS, ENTRIES, LEDGER, reportSchema } from "../../../src/workbook/schemas";
import { findRowsByEntryId, MissingHeadersError, readTable } from "../../../src/workbook/table";
import { memorySheet } from "../support/memory-sheet";

const ledgerHeaders = [...LEDGER.headers];

describe("reading a sheet by header name", () => {
  it("finds columns in any order, with extra columns, and reads each row by header", () => {
    const sheet = memorySheet("Ledger", [
      ["Notes", ...ledgerHeaders.slice().reverse()],
      ["call back", "", "pending", "", "b-1", "tpl-weld", "jane@school.org", "E-1"],
    ]);
    const table = readTable(sheet, LEDGER);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].rowNumber).toBe(2);
    expect(table.rows[0].get("Student Email")).toBe("jane@school.org");
    expect(table.rows[0].get("Entry ID")).toBe("E-1");
    expect(table.columns.get("Entry ID")).toBe(8);
    expect(sheet.reads).toBe(1);
  });

  it("names the missing header and the sheet, and says what to do", () => {
    const headers = ENTRIES.headers.filter((h) => h !== "Student Email");
    const sheet = memorySheet("Entries", [headers]);
    expect(() => readTable(sheet, ENTRIES)).toThrow(new MissingHeadersError("Entries", ["Student Email"]));
    expect(() => readTable(sheet, ENTRIES)).toThrow(
      'Sheet "Entries" is missing the header "Student Email". Add it back (any column) or run Set up workbook.',
    );
  });

  it("names every missing header at once", () => {
    const sheet = memorySheet("Credentials", [["Credential", "Vendor", "Active"]]);
    expect(() => readTable(sheet, CREDENTIALS)).toThrow(
      'Sheet "Credentials" is missing the headers "Badge Issuer" and "Credly Template ID". Add them back (any column) or run Set up workbook.',
    );
  });

  it("reads an optional header when present and gives blank when absent", () => {
    const without = readTable(memorySheet("Entries", [[...ENTRIES.headers], ["E-1"]]), ENTRIES);
    expect(without.rows[0].get("Language")).toBe("");
    const withIt = readTable(
      memorySheet("Entries", [
        ["Language", ...ENTRIES.headers],
        ["es", "E-1"],
      ]),
      ENTRIES,
    );
    expect(withIt.rows[0].get("Language")).toBe("es");
  });

  it("matches headers with stray spaces or other case", () => {
    const sheet = memorySheet("Credentials", [
      [" credential ", "VENDOR", "Badge Issuer", "Credly Template ID", "Active"],
    ]);
    expect(readTable(sheet, CREDENTIALS).columns.get("Credential")).toBe(1);
  });

  it("finds the report's header row below its summary block and skips blank rows", () => {
    const schema = reportSchema("2026-11");
    const sheet = memorySheet(schema.sheet, [
      ["Badges November 2026"],
      ["Site", "Entries", "Badge"],
      ["All sites", 2, 1],
      [],
      [...schema.headers],
      ["E-1"],
      ["", ""],
      ["E-2"],
    ]);
    const table = readTable(sheet, schema);
    expect(table.headerRow).toBe(5);
    expect(table.rows.map((r) => [r.rowNumber, r.get("Entry ID")])).toEqual([
      [6, "E-1"],
      [8, "E-2"],
    ]);
  });

  it("finds rows by Entry ID wherever they were sorted to; a duplicated ID keeps the first", () => {
    const sheet = memorySheet("Ledger", [ledgerHeaders, ["E-3"], ["E-1"], [" E-2 "], ["E-1"], [""]]);
    const table = readTable(sheet, LEDGER);
    const found = findRowsByEntryId(table);
    expect(Array.from(found.entries()).map(([id, row]) => [id, row.rowNumber])).toEqual([
      ["E-3", 2],
      ["E-1", 3],
      ["E-2", 4],
    ]);
    expect(Array.from(findRowsByEntryId(table, ["E-2", "E-9"]).keys())).toEqual(["E-2"]);
  });
});
