import type { Cell, ChartSpec, ConditionalRule, SheetPort, WorkbookPort } from "../app/ports";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function sheetPort(sheet: Sheet): SheetPort {
  /** A range past the sheet's grid throws ("outside the dimensions of the sheet"): grow it first. */
  const growTo = (lastRow: number, lastColumn: number) => {
    const maxRows = sheet.getMaxRows();
    // At least a thousand rows at a time: a sheet that grows by batches (the Ledger) would
    // otherwise pay an insert per batch. Not more: empty rows count toward the 10M-cell limit.
    if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, Math.max(lastRow - maxRows, 1000));
    const maxColumns = sheet.getMaxColumns();
    if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
  };
  return {
    name: sheet.getName(),
    readAll() {
      return sheet.getDataRange().getValues() as Cell[][];
    },
    readTop(rows) {
      const lastColumn = sheet.getLastColumn();
      const lastRow = Math.min(rows, sheet.getLastRow());
      if (lastColumn === 0 || lastRow === 0) return [];
      return sheet.getRange(1, 1, lastRow, lastColumn).getValues() as Cell[][];
    },
    write(row, column, values) {
      if (values.length === 0 || values[0].length === 0) return;
      growTo(row + values.length - 1, column + values[0].length - 1);
      sheet.getRange(row, column, values.length, values[0].length).setValues(values);
    },
    append(values) {
      if (values.length === 0) return;
      const first = sheet.getLastRow() + 1;
      growTo(first + values.length - 1, values[0].length);
      sheet.getRange(first, 1, values.length, values[0].length).setValues(values);
    },
    lastRow: () => sheet.getLastRow(),
    lastColumn: () => sheet.getLastColumn(),
    clearFrom(row) {
      const last = sheet.getLastRow();
      const columns = Math.max(1, sheet.getLastColumn());
      if (last >= row) sheet.getRange(row, 1, last - row + 1, columns).clear();
    },
    setFrozenRows: (rows) => sheet.setFrozenRows(rows),
    setBold(row, column, rows, columns) {
      sheet.getRange(row, column, rows, columns).setFontWeight("bold");
    },
    setNumberFormat(row, column, rows, columns, format) {
      sheet.getRange(row, column, rows, columns).setNumberFormat(format);
    },
    setListValidation(row, column, rows, columns, source) {
      const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
      const rule = Array.isArray(source)
        ? builder.requireValueInList(source, true).build()
        : builder.requireValueInRange(sheet.getParent().getRange(source.a1), true).build();
      sheet.getRange(row, column, rows, columns).setDataValidation(rule);
    },
    protectWarningOnly(row, column, rows, columns, description) {
      const existing = sheet
        .getProtections(SpreadsheetApp.ProtectionType.RANGE)
        .some((p) => p.getDescription() === description);
      if (existing) return;
      sheet.getRange(row, column, rows, columns).protect().setDescription(description).setWarningOnly(true);
    },
    setConditionalRules(rules: ConditionalRule[]) {
      sheet.setConditionalFormatRules(
        rules.map((r) =>
          SpreadsheetApp.newConditionalFormatRule()
            .whenTextEqualTo(r.whenTextEquals)
            .setBackground(r.background)
            .setRanges([sheet.getRange(r.a1)])
            .build(),
        ),
      );
    },
    // Rebuilding removes every chart first, so charts never stack up.
    setCharts(charts: ChartSpec[]) {
      for (const chart of sheet.getCharts()) sheet.removeChart(chart);
      for (const spec of charts) {
        const type = {
          column: Charts.ChartType.COLUMN,
          bar: Charts.ChartType.BAR,
          line: Charts.ChartType.LINE,
          pie: Charts.ChartType.PIE,
          combo: Charts.ChartType.COMBO,
        }[spec.type];
        let builder = sheet.newChart().setChartType(type).setPosition(spec.row, spec.column, 0, 0);
        for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
        for (const [option, value] of Object.entries(spec.options ?? {})) builder = builder.setOption(option, value);
        sheet.insertChart(builder.setOption("title", spec.title).build());
      }
    },
  };
}

export function workbook(ss: Spreadsheet = SpreadsheetApp.getActive()): WorkbookPort {
  return {
    id: () => ss.getId(),
    url: () => ss.getUrl(),
    timeZone: () => ss.getSpreadsheetTimeZone(),
    sheet(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? sheetPort(sheet) : null;
    },
    insertSheet: (name) => sheetPort(ss.insertSheet(name)),
    sheetNames: () => ss.getSheets().map((s) => s.getName()),
    sheetUrl(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? `${ss.getUrl()}#gid=${sheet.getSheetId()}` : ss.getUrl();
    },
    flush: () => SpreadsheetApp.flush(),
  };
}
