import type { Cell } from "../../../src/app/ports";
import { REPORT_HEADERS } from "../../../src/domain/report";
import { reportSchema } from "../../../src/workbook/schemas";
import { writeByEntryId } from "../../../src/workbook/write-by-id";
import { memorySheet } from "../support/memory-sheet";

const schema = reportSchema("2026-11");
const STATUS = REPORT_HEADERS.indexOf("Notice Status");
const SENT_AT = REPORT_HEADERS.indexOf("Notice Sent At");
const SENT_ON = new Date("2026-12-01T15:00:00Z");

function reportSheet(ids: string[]) {
  const grid: Cell[][] = [["Badges November 2026"], [], [...REPORT_HEADERS]];
  for (const id of ids) {
    const row: Cell[] = REPORT_HEADERS.map(() => "");
    row[0] = id;
    row[2] = `Student ${id}`;
    grid.push(row);
  }
  return memorySheet(schema.sheet, grid);
}

const rowOf = (sheet: ReturnType<typeof reportSheet>, id: string) => sheet.grid.find((r) => r[0] === id)!;

describe("writing progress cells by Entry ID", () => {
  it("writes scattered rows of adjacent columns in one range, keeping the cells in between", () => {
    const sheet = reportSheet(["E-1", "E-2", "E-3", "E-4"]);
    rowOf(sheet, "E-2")[STATUS] = "Not needed";
    const updates = new Map<string, Record<string, Cell>>([
      ["E-1", { "Notice Status": "Sent", "Notice Sent At": SENT_ON }],
      ["E-4", { "Notice Status": "Sending" }],
    ]);
    expect(writeByEntryId(sheet, schema, updates)).toEqual({ writes: 1, missing: [] });
    expect(sheet.writes).toEqual([
      {
        row: 4,
        column: STATUS + 1,
        values: [
          ["Sent", SENT_ON],
          ["Not needed", ""],
          ["", ""],
          ["Sending", ""],
        ],
      },
    ]);
  });

  it("finds each row by its Entry ID after a person sorted the sheet, and names rows that are gone", () => {
    const sheet = reportSheet(["E-1", "E-2", "E-3"]);
    sheet.grid.splice(3, 3, rowOf(sheet, "E-3"), rowOf(sheet, "E-1"));
    const updates = new Map([
      ["E-1", { "Notice Status": "Sent" }],
      ["E-2", { "Notice Status": "Sent" }],
    ]);
    expect(writeByEntryId(sheet, schema, updates)).toEqual({ writes: 1, missing: ["E-2"] });
    expect(rowOf(sheet, "E-1")[STATUS]).toBe("Sent");
    expect(rowOf(sheet, "E-3")[STATUS]).toBe("");
  });

  it("writes columns that are not side by side as separate ranges, and text that looks like a formula as text", () => {
    const sheet = reportSheet(["E-1"]);
    const updates = new Map([["E-1", { "Notice Status": "Failed", "Last Error": "=not a formula" }]]);
    expect(writeByEntryId(sheet, schema, updates).writes).toBe(2);
    expect(rowOf(sheet, "E-1")[REPORT_HEADERS.indexOf("Last Error")]).toBe("'=not a formula");
    expect(rowOf(sheet, "E-1")[SENT_AT]).toBe("");
  });
});
