import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, SpreadsheetModel, saveWorkbook, spreadsheetOf, useWorkbook } from "../../local/runtime";
import { scriptRuntime } from "./harness";

function tempFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "badgedesk-xlsx-")), name);
}

describe("xlsx workbooks", () => {
  it("a workbook saved to .xlsx and loaded again keeps values, dates (to the second, in the spreadsheet's zone), formulas and sheet order", async () => {
    const model = new SpreadsheetModel({ timeZone: "America/Chicago", empty: true });
    model.insertSheet("Entries");
    model.insertSheet("Credentials");
    model.insertSheet("Dashboard");
    const entered = new Date("2026-11-02T18:30:05Z");
    model.setValues("Entries", 1, 1, [
      ["Entry ID", "Entered At", "Student First Name", "Count", "Active"],
      ["E-1", entered, "=Bob", 3, true],
    ]);
    model.setValues("Dashboard", 1, 1, [["=COUNTA(Entries!A2:A)"]], { asEntered: true });
    model.requireSheet("Entries").frozenRows = 1;
    const file = tempFile("book.xlsx");

    await saveWorkbook(model, file);
    const loaded = await loadWorkbook(file, { timeZone: "America/Chicago" });

    expect(loaded.sheetNames()).toEqual(["Entries", "Credentials", "Dashboard"]);
    expect(loaded.values("Entries")).toEqual([
      ["Entry ID", "Entered At", "Student First Name", "Count", "Active"],
      ["E-1", entered, "=Bob", 3, true],
    ]);
    expect(loaded.formulas("Entries")[1][2]).toBe("");
    expect(loaded.formulas("Dashboard")).toEqual([["=COUNTA(Entries!A2:A)"]]);
    expect(loaded.requireSheet("Entries").frozenRows).toBe(1);
  });

  it("dates are saved as the spreadsheet's wall-clock time and read in the loading spreadsheet's zone", async () => {
    const model = new SpreadsheetModel({ timeZone: "America/Chicago" });
    model.setValues("Sheet1", 1, 1, [[new Date("2026-11-02T18:30:00Z")]]);
    const file = tempFile("zone.xlsx");
    await saveWorkbook(model, file);

    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(file);
    expect(raw.getWorksheet("Sheet1")?.getCell("A1").value).toEqual(new Date("2026-11-02T12:30:00Z"));

    const inNewYork = await loadWorkbook(file, { timeZone: "America/New_York" });
    expect(inNewYork.values("Sheet1")[0][0]).toEqual(new Date("2026-11-02T17:30:00Z"));
    expect(inNewYork.displayValues("Sheet1")[0][0]).toBe("11/2/2026 12:30:00");
  });

  it("a script runs on a loaded workbook through useWorkbook", async () => {
    const model = new SpreadsheetModel({ timeZone: "America/Chicago", empty: true });
    model.insertSheet("Entries");
    model.setValues("Entries", 1, 1, [["Entry ID"], ["E-1"], ["E-2"]]);
    const file = tempFile("run.xlsx");
    await saveWorkbook(model, file);

    const runtime = scriptRuntime(`function count() {
      return SpreadsheetApp.getActive().getSheetByName("Entries").getLastRow();
    }`);
    useWorkbook(runtime, await loadWorkbook(file, { timeZone: "America/Chicago" }));
    expect(runtime.run("count").value).toBe(3);
    expect(spreadsheetOf(runtime).name).toBe("run");
  });
});
