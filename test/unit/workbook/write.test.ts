import type { Cell } from "../../../src/app/ports";
import { toCellText } from "../../../src/workbook/cell-text";
import { reportSchema } from "../../../src/workbook/schemas";
import { readTable } from "../../../src/workbook/table";
import { writeCells } from "../../../src/workbook/write";
import { memorySheet } from "../support/memory-sheet";

const schema = reportSchema("2026-11");
const SENT_AT = new Date("2026-12-01T15:00:00Z");
const ISSUED_AT = new Date("2026-12-02T15:00:00Z");

function reportSheet(rows: number) {
  const grid: Cell[][] = [[...schema.headers]];
  for (let i = 1; i <= rows; i++) grid.push([`E-${i}`, "", `Student ${i}`]);
  return memorySheet(schema.sheet, grid);
}

describe("writing cells in whole ranges", () => {
  it("writes adjacent columns of consecutive rows as one block", () => {
    const sheet = reportSheet(5);
    const table = readTable(sheet, schema);
    const updates = table.rows.map((row) => ({
      rowNumber: row.rowNumber,
      values: { "Notice Status": "Sent", "Notice Sent At": SENT_AT },
    }));
    expect(writeCells(sheet, table, updates)).toBe(1);
    expect(sheet.writes).toEqual([{ row: 2, column: 10, values: Array.from({ length: 5 }, () => ["Sent", SENT_AT]) }]);
  });

  it("merges updates given out of order, for the same cells", () => {
    const sheet = reportSheet(3);
    const table = readTable(sheet, schema);
    writeCells(sheet, table, [
      { rowNumber: 4, values: { "Badge Status": "Issued" } },
      { rowNumber: 2, values: { "Badge Status": "Issued" } },
      { rowNumber: 3, values: { "Badge Status": "Issuing" } },
      { rowNumber: 3, values: { "Badge Status": "Issued" } },
    ]);
    expect(sheet.writes).toEqual([{ row: 2, column: 12, values: [["Issued"], ["Issued"], ["Issued"]] }]);
  });

  it("splits at a gap in rows or columns instead of overwriting cells it was not given", () => {
    const sheet = reportSheet(4);
    const table = readTable(sheet, schema);
    const issued = (id: string) => ({
      "Badge Status": "Issued",
      "Badge Issued At": ISSUED_AT,
      "Credly Badge ID": id,
    });
    const calls = writeCells(sheet, table, [
      { rowNumber: 2, values: issued("b-1") },
      { rowNumber: 3, values: issued("b-2") },
      { rowNumber: 5, values: issued("b-4") },
      { rowNumber: 2, values: { "Last Error": "" } },
    ]);
    expect(calls).toBe(3);
    expect(sheet.writes).toEqual([
      {
        row: 2,
        column: 12,
        values: [
          ["Issued", ISSUED_AT, "b-1"],
          ["Issued", ISSUED_AT, "b-2"],
        ],
      },
      { row: 2, column: 16, values: [[""]] },
      { row: 5, column: 12, values: [["Issued", ISSUED_AT, "b-4"]] },
    ]);
    expect(sheet.grid[3].slice(11, 14)).toEqual([]);
  });

  it("neutralises text that Sheets would run as a formula", () => {
    const sheet = reportSheet(1);
    const table = readTable(sheet, schema);
    writeCells(sheet, table, [{ rowNumber: 2, values: { Student: '=HYPERLINK("http://x.io","Jane")' } }]);
    expect(sheet.writes[0].values).toEqual([['\'=HYPERLINK("http://x.io","Jane")']]);
  });

  it("keeps the table in step with what it wrote", () => {
    const sheet = reportSheet(1);
    const table = readTable(sheet, schema);
    writeCells(sheet, table, [{ rowNumber: 2, values: { "Claim State": "accepted" } }]);
    expect(table.rows[0].get("Claim State")).toBe("accepted");
  });

  it("refuses a header the sheet does not have, naming it", () => {
    const sheet = reportSheet(1);
    const table = readTable(sheet, schema);
    expect(() => writeCells(sheet, table, [{ rowNumber: 2, values: { Colour: "red" } }])).toThrow(
      'Sheet "Badges 2026-11" has no column "Colour" to write.',
    );
    expect(sheet.writes).toHaveLength(0);
  });

  it("refuses to write over the header row", () => {
    const sheet = reportSheet(1);
    const table = readTable(sheet, schema);
    expect(() => writeCells(sheet, table, [{ rowNumber: 1, values: { Student: "x" } }])).toThrow(
      "row 1 is not a data row",
    );
  });
});

describe("text made safe for a cell", () => {
  it.each<[Cell, Cell]>([
    ["=1+1", "'=1+1"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-Jane", "'-Jane"],
    ["@jane", "'@jane"],
    ["\tJane", "'\tJane"],
    ["\rJane", "'\rJane"],
    ["'quoted", "''quoted"],
    ["TRUE", "'TRUE"],
    ["007", "'007"],
    ["2026-11-02", "'2026-11-02"],
    ["Nov 2, 2026", "'Nov 2, 2026"],
    ["Jane", "Jane"],
    ["O'Brien", "O'Brien"],
    ["", ""],
    [42, 42],
    [true, true],
  ])("%p → %p", (value, safe) => {
    expect(toCellText(value)).toEqual(safe);
  });

  it("keeps dates as dates", () => {
    const date = new Date("2026-11-03T15:41:00Z");
    expect(toCellText(date)).toBe(date);
  });
});
