import { spreadsheetOf } from "../../local/runtime";
import { scriptRuntime } from "./harness";

/** Runs `body` as the only function of a script and returns its record. */
function runScript(body: string, options: Parameters<typeof scriptRuntime>[1] = {}) {
  const runtime = scriptRuntime(`function t() {\n${body}\n}`, options);
  return { runtime, record: runtime.run("t") };
}

function ok<T>(record: { ok: boolean; error?: string; value?: unknown }): T {
  if (!record.ok) throw new Error(`script failed: ${record.error}`);
  return record.value as T;
}

const SHEET = `var sheet = SpreadsheetApp.getActive().getSheetByName("Sheet1");`;

describe("values as Sheets stores them", () => {
  it("setValues with a leading = stores a formula, whose value reads back as the unevaluated formula text", () => {
    const { runtime, record } = runScript(`${SHEET}
      sheet.getRange("A1:B1").setValues([["=1+1", "=HYPERLINK(\\"x\\")"]]);
      var r = sheet.getRange("A1:B1");
      return { values: r.getValues(), formulas: r.getFormulas() };`);
    expect(ok(record)).toEqual({
      values: [["=1+1", '=HYPERLINK("x")']],
      formulas: [["=1+1", '=HYPERLINK("x")']],
    });
    expect(spreadsheetOf(runtime).formulas("Sheet1")).toEqual([["=1+1", '=HYPERLINK("x")']]);
  });

  it("a leading apostrophe stores text, without the apostrophe and without a formula", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("A1:B1").setValues([["'=cmd|calc", "'0123"]]);
      var r = sheet.getRange("A1:B1");
      return { values: r.getValues(), formulas: r.getFormulas() };`);
    expect(ok(record)).toEqual({ values: [["=cmd|calc", "0123"]], formulas: [["", ""]] });
  });

  it("a numeric-looking string is parsed as a number, so 0123 loses its leading zero", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("A1:D1").setValues([["0123", "1e3", "12.5", "12 Main St"]]);
      return sheet.getRange("A1:D1").getValues();`);
    expect(ok(record)).toEqual([[123, 1000, 12.5, "12 Main St"]]);
  });

  it("a cell formatted as plain text (@) keeps a digit string as text", () => {
    const { record } = runScript(`${SHEET}
      var r = sheet.getRange("A1");
      r.setNumberFormat("@");
      r.setValues([["0123"]]);
      return r.getValues();`);
    expect(ok(record)).toEqual([["0123"]]);
  });

  it("getValues returns Date for date cells, a Date inside the script", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("A1:B1").setValues([[new Date("2026-11-02T18:30:00Z"), "2026-11-03"]]);
      var v = sheet.getRange("A1:B1").getValues()[0];
      return { isDate: v[0] instanceof Date && v[1] instanceof Date, a: v[0].toISOString(), b: v[1].toISOString() };`);
    // "2026-11-03" typed into a Chicago spreadsheet is midnight there (UTC-6 in November).
    expect(ok(record)).toEqual({ isDate: true, a: "2026-11-02T18:30:00.000Z", b: "2026-11-03T06:00:00.000Z" });
  });

  it("empty cells read as empty strings, and getValues is rectangular to the range", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("B2").setValue("x");
      return sheet.getRange("A1:C2").getValues();`);
    expect(ok(record)).toEqual([
      ["", "", ""],
      ["", "x", ""],
    ]);
  });

  it("setValues with wrong dimensions throws Google's message", () => {
    const rows = runScript(`${SHEET} sheet.getRange("A1:B3").setValues([[1, 2], [3, 4]]);`).record;
    expect(rows.error).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.",
    );
    const columns = runScript(`${SHEET} sheet.getRange("A1:B2").setValues([[1, 2, 3], [4, 5, 6]]);`).record;
    expect(columns.error).toBe(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
  });

  it("getDisplayValues shows dates in the spreadsheet's time zone with the cell's number format", () => {
    const { record } = runScript(`${SHEET}
      var when = new Date("2026-11-02T18:30:05Z");
      sheet.getRange("A1:D1").setValues([[when, when, when, new Date("2026-11-03T06:00:00Z")]]);
      sheet.getRange("B1").setNumberFormat("yyyy-mm-dd hh:mm");
      sheet.getRange("C1").setNumberFormat("yyyy-mm-dd");
      return sheet.getRange("A1:D1").getDisplayValues();`);
    expect(ok(record)).toEqual([["11/2/2026 12:30:05", "2026-11-02 12:30", "2026-11-02", "11/3/2026"]]);
  });

  it("values written in one execution are there in the next", () => {
    const runtime = scriptRuntime(`
      function write() { SpreadsheetApp.getActive().getSheetByName("Sheet1").appendRow(["a", 1]); }
      function read() { return SpreadsheetApp.getActive().getSheetByName("Sheet1").getDataRange().getValues(); }`);
    runtime.run("write");
    runtime.run("write");
    expect(runtime.run("read").value).toEqual([
      ["a", 1],
      ["a", 1],
    ]);
  });
});

describe("ranges", () => {
  it("getDataRange covers the last row and column with content", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("C5").setValue("far");
      sheet.getRange("A2").setValue("near");
      var r = sheet.getDataRange();
      return [r.getA1Notation(), sheet.getLastRow(), sheet.getLastColumn()];`);
    expect(ok(record)).toEqual(["A1:C5", 5, 3]);
  });

  it("an open range like A2:A runs to the last row of the grid", () => {
    const { record } = runScript(`${SHEET}
      var r = sheet.getRange("A2:A");
      return [r.getRow(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()];`);
    expect(ok(record)).toEqual([2, 999, 1, "A2:A1000"]);
  });

  it("getRange past the sheet's 1000 rows throws Google's outside-the-dimensions error", () => {
    const { record } = runScript(`${SHEET} sheet.getRange(1001, 1, 1, 3);`);
    expect(record.error).toBe("The coordinates of the range are outside the dimensions of the sheet.");
  });

  it("an unknown member throws not emulated: Range.xyz", () => {
    const { record } = runScript(`${SHEET} sheet.getRange("A1").xyz();`);
    expect(record.error).toBe("not emulated: Range.xyz");
  });

  it("Spreadsheet.getRange reads a sheet-qualified A1 range", () => {
    const { record } = runScript(`var ss = SpreadsheetApp.getActive();
      ss.insertSheet("Badges 2026-11").getRange("B2").setValue("hi");
      return ss.getRange("'Badges 2026-11'!B2").getValue();`);
    expect(ok(record)).toBe("hi");
  });

  it("sort orders the rows by a column and keeps each row together", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange("A1:B3").setValues([["b", 2], ["a", 1], ["c", 3]]);
      sheet.getRange("A1:B3").sort({ column: 2, ascending: false });
      return sheet.getRange("A1:B3").getValues();`);
    expect(ok(record)).toEqual([
      ["c", 3],
      ["b", 2],
      ["a", 1],
    ]);
  });
});

describe("sheets", () => {
  it("insertSheet with a name already taken throws Google's message", () => {
    const { record } = runScript(`SpreadsheetApp.getActive().insertSheet("Entries");
      SpreadsheetApp.getActive().insertSheet("Entries");`);
    expect(record.error).toBe('A sheet with the name "Entries" already exists. Please enter another name.');
  });

  it("the grid limit of 10 million cells throws", () => {
    const { record } = runScript(`${SHEET} sheet.insertRowsAfter(1000, 400000);`);
    expect(record.error).toBe(
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    );
  });

  it("appendRow writes after the last row with content and makes room when the grid is full", () => {
    const { record } = runScript(`${SHEET}
      sheet.getRange(1000, 1).setValue("last");
      sheet.appendRow(["next", "=A1"]);
      return [sheet.getMaxRows(), sheet.getRange(1001, 1, 1, 2).getValues()[0], sheet.getRange(1001, 2).getFormula()];`);
    expect(ok(record)).toEqual([1001, ["next", "=A1"], "=A1"]);
  });

  it("the host appendRow (a form response) stores a submitted =formula as text", () => {
    const { runtime } = runScript("");
    const model = spreadsheetOf(runtime);
    model.appendRow("Sheet1", ["=IMPORTXML(1)", "0123"]);
    expect(model.values("Sheet1")).toEqual([["=IMPORTXML(1)", "0123"]]);
    expect(model.formulas("Sheet1")).toEqual([["", ""]]);
  });

  it("protections, validations, conditional rules and charts are recorded on the model", () => {
    const { runtime, record } = runScript(`var ss = SpreadsheetApp.getActive();
      var sheet = ss.getSheetByName("Sheet1");
      sheet.getRange(1, 1, 1, 2).protect().setDescription("headers").setWarningOnly(true);
      sheet.getRange("C2:C9").setDataValidation(
        SpreadsheetApp.newDataValidation().setAllowInvalid(true).requireValueInList(["Yes", "No"], true).build());
      sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo("Failed").setBackground("#f4cccc").setRanges([sheet.getRange("D2:D")]).build()]);
      sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).setPosition(2, 5, 0, 0)
        .addRange(sheet.getRange("A1:B4")).setOption("title", "Claims").build());
      var p = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
      return [p.length, p[0].getDescription(), p[0].isWarningOnly(), sheet.getCharts().length];`);
    expect(ok(record)).toEqual([1, "headers", true, 1]);
    const model = spreadsheetOf(runtime);
    expect(model.protections("Sheet1")[0]).toMatchObject({ description: "headers", warningOnly: true, type: "RANGE" });
    expect(model.cell("Sheet1", 2, 3)?.validation).toEqual({
      criteria: "VALUE_IN_LIST",
      values: ["Yes", "No"],
      showDropdown: true,
      allowInvalid: true,
    });
    expect(model.conditionalRules("Sheet1")).toEqual([
      { whenTextEqualTo: "Failed", background: "#f4cccc", ranges: ["Sheet1!D2:D1000"] },
    ]);
    expect(model.charts("Sheet1")[0]).toMatchObject({
      type: "PIE",
      ranges: ["Sheet1!A1:B4"],
      options: { title: "Claims" },
      position: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
    });
  });
});

describe("costs", () => {
  it("writes are paid at the next read or flush, and getValues costs 20 ms + 10 µs per cell", () => {
    const { record } = runScript(`${SHEET}
      var data = [];
      for (var i = 0; i < 100; i++) data.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      var range = sheet.getRange(1, 1, 100, 10);
      var t0 = Date.now();
      range.setValues(data);
      var t1 = Date.now();
      range.getValues();
      var t2 = Date.now();
      range.getValues();
      var t3 = Date.now();
      range.setValues(data);
      SpreadsheetApp.flush();
      var t4 = Date.now();
      return [t1 - t0, t2 - t1, t3 - t2, t4 - t3];`);
    // write of 1,000 cells: 100 ms + 10 ms; read: 20 ms + 10 ms; flush: 30 ms + the write.
    expect(ok(record)).toEqual([0, 140, 30, 140]);
  });

  it("the first touch of the spreadsheet in each execution costs 150 ms", () => {
    const runtime = scriptRuntime(
      `function t() { var a = Date.now(); SpreadsheetApp.getActive(); return Date.now() - a; }`,
    );
    expect(runtime.run("t").value).toBe(150);
    expect(runtime.run("t").value).toBe(150);
  });

  it("every call is counted by Class.member", () => {
    const { record } = runScript(`${SHEET} sheet.getRange("A1").getValue(); sheet.getRange("A1").getValue();`);
    expect(record.calls).toMatchObject({
      "SpreadsheetApp.getActive": 1,
      "Spreadsheet.getSheetByName": 1,
      "Sheet.getRange": 2,
      "Range.getValue": 2,
    });
  });

  it("pending writes are lost when the execution is killed, flushed ones are kept", () => {
    const code = `function t() {
      var sheet = SpreadsheetApp.getActive().getSheetByName("Sheet1");
      sheet.getRange("A1").setValues([["flushed"]]);
      SpreadsheetApp.flush();
      sheet.getRange("A2").setValues([["pending"]]);
      sheet.getName();
    }`;
    const calls = Object.values(scriptRuntime(code).run("t").calls).reduce((a, b) => a + b, 0);
    const runtime = scriptRuntime(code);
    const record = runtime.run("t", { killAtCall: calls });
    expect(record.killed).toBe(true);
    expect(spreadsheetOf(runtime).values("Sheet1")).toEqual([["flushed"]]);
  });

  it("pending writes are kept when the script throws an error of its own", () => {
    const { runtime, record } = runScript(`${SHEET}
      sheet.getRange("A1").setValues([["kept"]]);
      throw new Error("boom");`);
    expect(record.error).toBe("boom");
    expect(spreadsheetOf(runtime).values("Sheet1")).toEqual([["kept"]]);
  });
});

describe("the spreadsheet UI", () => {
  it("menus built in AuthMode.NONE are recorded", () => {
    const runtime = scriptRuntime(`function onOpen() {
      SpreadsheetApp.getUi().createAddonMenu().addItem("Help", "showHelp").addSeparator()
        .addItem("Send notices", "sendNotices").addToUi();
    }`);
    const record = runtime.run("onOpen", { authMode: "NONE" });
    expect(record.ok).toBe(true);
    expect(spreadsheetOf(runtime).ui.menus).toEqual([
      {
        title: "Add-on",
        addon: true,
        items: [
          { caption: "Help", functionName: "showHelp" },
          { separator: true },
          { caption: "Send notices", functionName: "sendNotices" },
        ],
      },
    ]);
  });

  it("opening the document in AuthMode.NONE is refused", () => {
    const runtime = scriptRuntime(`function onOpen() { SpreadsheetApp.getActive().getName(); }`);
    expect(runtime.run("onOpen", { authMode: "NONE" }).error).toMatch(
      /^You do not have permission to call SpreadsheetApp.getActive/,
    );
  });

  it("alerts and prompts are recorded and answered from the scripted queue", () => {
    const runtime = scriptRuntime(`function t() {
      var ui = SpreadsheetApp.getUi();
      var first = ui.alert("Send?", "Send 3 notices?", ui.ButtonSet.YES_NO);
      var reply = ui.prompt("Your name?");
      return [first === ui.Button.NO, reply.getResponseText(), reply.getSelectedButton() === ui.Button.OK];
    }`);
    const model = spreadsheetOf(runtime);
    model.ui.answers.push({ button: "NO" }, { button: "OK", text: "Dana" });
    expect(runtime.run("t").value).toEqual([true, "Dana", true]);
    expect(model.ui.alerts.map((a) => [a.kind, a.title, a.prompt])).toEqual([
      ["alert", "Send?", "Send 3 notices?"],
      ["prompt", "", "Your name?"],
    ]);
  });

  it("a sidebar records the HtmlOutput it was given", () => {
    const runtime = scriptRuntime(`function t() {
      SpreadsheetApp.getUi().showSidebar({ getContent: function () { return "<p>hi</p>"; }, getTitle: function () { return "BadgeDesk"; } });
    }`);
    runtime.run("t");
    expect(spreadsheetOf(runtime).ui.dialogs[0]).toMatchObject({
      kind: "sidebar",
      title: "BadgeDesk",
      content: "<p>hi</p>",
      width: 300,
    });
  });
});
