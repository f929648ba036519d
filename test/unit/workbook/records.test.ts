import { catalogOf } from "../../../src/domain/catalog";
import { badgeKey } from "../../../src/domain/decide";
import { readEntry } from "../../../src/domain/entry";
import { credentialOf, ledgerKeysOf, rawEntryOf, reportRowOf } from "../../../src/workbook/records";
import { CREDENTIALS, ENTRIES, LEDGER, reportSchema } from "../../../src/workbook/schemas";
import { readTable } from "../../../src/workbook/table";
import { at, CHICAGO, formatDate } from "../support/format-date";
import { memorySheet } from "../support/memory-sheet";

describe("sheet rows as the domain's records", () => {
  it("reads the Credentials list: issuer and Active ignore case; a typo'd issuer is none", () => {
    const table = readTable(
      memorySheet("Credentials", [
        [...CREDENTIALS.headers],
        [" Welding Technician ", "CareerTech", "agency", "tpl-weld", "yes"],
        ["CompTIA A+", "CompTIA", "VENDOR", "", true],
        ["Florist Assistant", "CareerTech", "Agencey", "tpl-flor", "No"],
      ]),
      CREDENTIALS,
    );
    const catalog = catalogOf(table.rows.map(credentialOf));
    expect(catalog.find("welding technician")).toEqual({
      name: "Welding Technician",
      vendor: "CareerTech",
      issuer: "Agency",
      templateId: "tpl-weld",
      active: true,
    });
    expect(catalog.find("comptia a+")).toMatchObject({ issuer: "Vendor", active: true });
    expect(catalog.find("Florist Assistant")).toMatchObject({ issuer: null, active: false });
  });

  it("reads an Entries row whatever the column order", () => {
    const headers = [...ENTRIES.headers, "Language"].reverse();
    const cells: Record<string, unknown> = {
      "Entry ID": "E-7",
      "Entered At": at("2026-11-03T09:41", -6),
      "Student First Name": " Ana ",
      "Student Last Name": "Cruz",
      "Student Email": "ANA@school.org",
      Credential: "Welding Technician",
      "Date Earned": "11/2/2026",
      Language: "es",
    };
    const sheet = memorySheet("Entries", [headers, headers.map((h) => (cells[h] ?? "") as string)]);
    const entry = readEntry(rawEntryOf(readTable(sheet, ENTRIES).rows[0]), CHICAGO, formatDate);
    expect(entry).toMatchObject({
      entryId: "E-7",
      firstName: "Ana",
      email: "ana@school.org",
      dateEarned: "2026-11-02",
      language: "es",
    });
  });

  it("turns the Ledger into duplicate keys", () => {
    const table = readTable(
      memorySheet("Ledger", [
        [...LEDGER.headers],
        ["E-1", "Jane@School.org", "tpl-weld", "b-1"],
        ["E-2", "", "tpl-weld", "b-2"],
      ]),
      LEDGER,
    );
    expect(ledgerKeysOf(table.rows)).toEqual(new Set([badgeKey("jane@school.org", "tpl-weld")]));
  });

  it("reads a report row back by header", () => {
    const schema = reportSchema("2026-11");
    const table = readTable(memorySheet(schema.sheet, [[...schema.headers].reverse(), ["", "pending", "b-1"]]), schema);
    expect(reportRowOf(table.rows[0])).toMatchObject({
      "Claim State": "pending",
      "Credly Badge ID": "b-1",
      "Entry ID": "",
    });
  });
});
