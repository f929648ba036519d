import { emulate } from "../execution";
import { parseA1 } from "./a1";
import { chartBuilder, chartOf, conditionalRule, conditionalRuleOf, embeddedChart } from "./builders";
import { type Ctx, checkedGrid, fail, guard, remember, type Sheet } from "./context";
import { enteredCell } from "./entry";
import type { ProtectionRecord, SheetModel } from "./model";
import { protection } from "./protection";
import { sortRows } from "./sort";

type SheetApi = Pick<
  Sheet,
  | "activate"
  | "appendRow"
  | "autoResizeColumns"
  | "clear"
  | "clearContents"
  | "deleteRow"
  | "deleteRows"
  | "getCharts"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getSheetId"
  | "hideSheet"
  | "insertChart"
  | "insertRowsAfter"
  | "insertColumnsAfter"
  | "isSheetHidden"
  | "newChart"
  | "protect"
  | "removeChart"
  | "setColumnWidth"
  | "setConditionalFormatRules"
  | "setFrozenRows"
  | "setName"
  | "showSheet"
  | "sort"
  | "updateChart"
>;

export function makeSheet(ctx: Ctx, sheet: SheetModel): Sheet {
  const { session, model } = ctx;
  const whole = () => ({ row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns });

  const impl: SheetApi = {
    getName: () => {
      session.other();
      return sheet.name;
    },
    setName(name: string) {
      session.format();
      const clash = model.sheets.find((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase());
      if (clash) fail(ctx, `A sheet with the name "${name}" already exists. Please enter another name.`);
      sheet.name = name;
      return handle;
    },
    getSheetId: () => {
      session.other();
      return sheet.id;
    },
    getIndex: () => {
      session.other();
      return model.sheets.indexOf(sheet) + 1;
    },
    getParent: () => ctx.spreadsheet(),
    getRange(a: string | number, column?: number, numRows?: number, numColumns?: number) {
      session.other();
      if (typeof a === "string") {
        const grid = parseA1(a, sheet.maxRows, sheet.maxColumns) ?? fail(ctx, "Range not found");
        return ctx.range(sheet, checkedGrid(ctx, sheet, grid.row, grid.column, grid.numRows, grid.numColumns));
      }
      if (column === undefined) fail(ctx, "Range not found");
      return ctx.range(sheet, checkedGrid(ctx, sheet, a, column, numRows ?? 1, numColumns ?? 1));
    },
    // The data range starts at A1 and ends at the last row and column with content (A1 when empty).
    getDataRange() {
      session.shape();
      return ctx.range(sheet, {
        row: 1,
        column: 1,
        numRows: Math.max(1, sheet.lastRow()),
        numColumns: Math.max(1, sheet.lastColumn()),
      });
    },
    getLastRow: () => {
      session.shape();
      return sheet.lastRow();
    },
    getLastColumn: () => {
      session.shape();
      return sheet.lastColumn();
    },
    getMaxRows: () => {
      session.other();
      return sheet.maxRows;
    },
    getMaxColumns: () => {
      session.other();
      return sheet.maxColumns;
    },
    // appendRow parses values as typed input (a leading = makes a formula) and adds a row to the
    // grid when the sheet is full (tanaikech 2018: 110 ms a call).
    appendRow(values: unknown[]) {
      session.open();
      ctx.exec.charge(ctx.exec.costs.appendRowMs);
      const row = sheet.lastRow() + 1;
      guard(ctx, () => model.grow(sheet, row, values.length));
      const grid = { row, column: 1, numRows: 1, numColumns: Math.max(1, values.length) };
      session.willWrite(sheet, grid, false);
      values.forEach((v, j) => {
        sheet.setCell(row, j + 1, enteredCell(v, model.timeZone, sheet.cell(row, j + 1)));
      });
      return handle;
    },
    clear() {
      session.format();
      session.willWrite(
        sheet,
        { row: 1, column: 1, numRows: Math.max(1, sheet.rows.length), numColumns: widest(sheet) },
        false,
      );
      sheet.rows.length = 0;
      return handle;
    },
    clearContents() {
      session.format();
      session.willWrite(
        sheet,
        { row: 1, column: 1, numRows: Math.max(1, sheet.rows.length), numColumns: widest(sheet) },
        false,
      );
      sheet.rows.forEach((r, i) => {
        r.forEach((c, j) => {
          if (c) sheet.setCell(i + 1, j + 1, enteredCell("", model.timeZone, c));
        });
      });
      return handle;
    },
    setFrozenRows(rows: number) {
      session.format();
      sheet.frozenRows = rows;
    },
    getFrozenRows: () => {
      session.other();
      return sheet.frozenRows;
    },
    hideSheet() {
      session.format();
      if (model.sheets.every((s) => s === sheet || s.hidden)) fail(ctx, "You can't hide all the sheets in a document.");
      sheet.hidden = true;
      return handle;
    },
    showSheet() {
      session.format();
      sheet.hidden = false;
      return handle;
    },
    isSheetHidden: () => {
      session.other();
      return sheet.hidden;
    },
    insertRowsAfter(after: number, howMany: number) {
      session.shape();
      guard(ctx, () => model.grow(sheet, sheet.maxRows + howMany, sheet.maxColumns));
      const at = Math.min(after, sheet.rows.length);
      sheet.rows.splice(at, 0, ...Array.from({ length: howMany }, () => []));
      return handle;
    },
    insertColumnsAfter(after: number, howMany: number) {
      session.shape();
      guard(ctx, () => model.grow(sheet, sheet.maxRows, sheet.maxColumns + howMany));
      for (const cells of sheet.rows)
        if (cells.length > after) cells.splice(after, 0, ...Array.from({ length: howMany }, () => undefined));
      return handle;
    },
    deleteRow(row: number) {
      deleteRows(row, 1);
      return handle;
    },
    deleteRows(row: number, howMany: number) {
      deleteRows(row, howMany);
    },
    getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
      session.other();
      return ctx.realm.Array.from(
        sheet.protections.filter((p) => p.type === String(type)),
        (p) => protection(ctx, sheet, p),
      );
    },
    // One sheet protection per sheet: protect() again hands back the one already there.
    protect() {
      session.format();
      let record = sheet.protections.find((p) => p.type === "SHEET");
      if (!record) {
        record = {
          id: model.newObjectId(),
          type: "SHEET",
          range: whole(),
          description: "",
          warningOnly: false,
        } as ProtectionRecord;
        sheet.protections.push(record);
      }
      return protection(ctx, sheet, record);
    },
    setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
      session.format();
      sheet.conditionalRules = rules.map((r) => conditionalRuleOf(ctx, r));
    },
    getConditionalFormatRules: () => {
      session.other();
      return ctx.realm.Array.from(sheet.conditionalRules, (r) => conditionalRule(ctx, r));
    },
    newChart: () => chartBuilder(ctx, sheet),
    insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
      session.format();
      const { record } = chartOf(ctx, chart);
      if (!sheet.charts.some((c) => c.id === record.id)) sheet.charts.push(record);
    },
    updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
      session.format();
      const { record } = chartOf(ctx, chart);
      const at = sheet.charts.findIndex((c) => c.id === record.id);
      if (at < 0) fail(ctx, "The chart could not be found on this sheet.");
      sheet.charts[at] = record;
    },
    removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
      session.format();
      const { record } = chartOf(ctx, chart);
      const at = sheet.charts.findIndex((c) => c.id === record.id);
      if (at >= 0) sheet.charts.splice(at, 1);
    },
    getCharts: () => {
      session.other();
      return ctx.realm.Array.from(sheet.charts, (c) => embeddedChart(ctx, sheet, c));
    },
    // Sorts the rows below the frozen ones by one column.
    sort(column: number, ascending: boolean = true) {
      session.shape();
      const top = sheet.frozenRows + 1;
      const last = sheet.lastRow();
      if (last >= top) {
        const grid = { row: top, column: 1, numRows: last - top + 1, numColumns: Math.max(widest(sheet), column) };
        sortRows(sheet, grid, { column, ascending }, (m) => fail(ctx, m));
      }
      return handle;
    },
    activate() {
      session.other();
      model.activeSheetId = sheet.id;
      return handle;
    },
    setColumnWidth(column: number, width: number) {
      session.format();
      sheet.columnWidths.set(column, width);
      return handle;
    },
    autoResizeColumns(_start: number, _count: number) {
      session.format();
      return handle;
    },
  };

  function deleteRows(row: number, howMany: number): void {
    session.shape();
    if (row < 1 || row + howMany - 1 > sheet.maxRows) {
      fail(ctx, "Those rows are out of bounds.");
    }
    if (howMany >= sheet.maxRows - sheet.frozenRows)
      fail(ctx, "Sorry, it is not possible to delete all non-frozen rows.");
    sheet.rows.splice(row - 1, howMany);
    sheet.maxRows -= howMany;
  }

  const handle = remember(emulate(ctx.exec, "Sheet", impl, "LIMITED") as unknown as Sheet, sheet);
  return handle;
}

function widest(sheet: SheetModel): number {
  return sheet.rows.reduce((w, r) => Math.max(w, r.length), 1);
}
