import { spreadsheetOf } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const READ_SELECTION = `function t() {
  var range = SpreadsheetApp.getActiveRange();
  var same = SpreadsheetApp.getActive().getActiveRange();
  return { sheet: range.getSheet().getName(), a1: range.getA1Notation(), same: same.getA1Notation(),
           active: SpreadsheetApp.getActiveSheet().getName() };
}`;

describe("the selection a person leaves", () => {
  it("is A1 of the active sheet until something else is selected", () => {
    const runtime = scriptRuntime(READ_SELECTION);
    expect(runtime.run("t").value).toEqual({ sheet: "Sheet1", a1: "A1", same: "A1", active: "Sheet1" });
  });

  it("is the sheet and cells the host selected, for SpreadsheetApp and the Spreadsheet alike", () => {
    const runtime = scriptRuntime(READ_SELECTION);
    const book = spreadsheetOf(runtime);
    book.insertSheet("Ledger");
    book.select("Ledger", 7, 2, 1, 3);
    expect(runtime.run("t").value).toEqual({ sheet: "Ledger", a1: "B7:D7", same: "B7:D7", active: "Ledger" });
  });

  it("follows Range.activate in a script, and each sheet keeps its own selection", () => {
    const runtime = scriptRuntime(`${READ_SELECTION}
function activate() { SpreadsheetApp.getActive().getSheetByName("Log").getRange("C4").activate(); }
function backToSheet1() { SpreadsheetApp.getActive().setActiveSheet(SpreadsheetApp.getActive().getSheetByName("Sheet1")); }`);
    const book = spreadsheetOf(runtime);
    book.insertSheet("Log");
    book.select("Sheet1", 5, 1);
    expect(runtime.run("activate").ok).toBe(true);
    expect(runtime.run("t").value).toMatchObject({ sheet: "Log", a1: "C4" });
    expect(runtime.run("backToSheet1").ok).toBe(true);
    expect(runtime.run("t").value).toMatchObject({ sheet: "Sheet1", a1: "A5" });
  });

  it("selecting an unknown sheet is an error naming it", () => {
    const runtime = scriptRuntime(READ_SELECTION);
    expect(() => spreadsheetOf(runtime).select("Nope", 1, 1)).toThrow('No sheet named "Nope"');
  });
});
