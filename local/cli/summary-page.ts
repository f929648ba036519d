import { writeFileSync } from "node:fs";
import { readDashboardFigures } from "../../src/app/dashboard";
import type { Cell, SheetPort, WorkbookPort } from "../../src/app/ports";
import { reportSheetName } from "../../src/domain/month";
import type { SpreadsheetModel } from "../runtime";
import { formatWithPattern } from "../runtime/services/simple-date-format";
import { resolveZone } from "../runtime/services/zoned-time";
import { renderSummaryHtml } from "../summary-html";

function readOnly(what: string): never {
  throw new Error(`The summary page only reads the workbook (${what}).`);
}

/** A sheet of the saved workbook, read the way the bundle's workbook port reads it. */
function sheetReader(model: SpreadsheetModel, name: string): SheetPort {
  const values = () => model.values(name) as Cell[][];
  return {
    name,
    readAll: values,
    readTop: (rows) => values().slice(0, rows),
    lastRow: () => model.requireSheet(name).lastRow(),
    lastColumn: () => model.requireSheet(name).lastColumn(),
    write: () => readOnly("write"),
    append: () => readOnly("append"),
    clearFrom: () => readOnly("clearFrom"),
    setFrozenRows: () => readOnly("setFrozenRows"),
    setBold: () => readOnly("setBold"),
    setNumberFormat: () => readOnly("setNumberFormat"),
    setListValidation: () => readOnly("setListValidation"),
    protectWarningOnly: () => readOnly("protectWarningOnly"),
    setConditionalRules: () => readOnly("setConditionalRules"),
    setCharts: () => readOnly("setCharts"),
  };
}

/** The workbook after the run, behind the port src/app reads through. */
function workbookReader(model: SpreadsheetModel): WorkbookPort {
  return {
    id: () => model.id,
    url: () => model.url,
    timeZone: () => model.timeZone,
    sheet: (name) => (model.sheet(name) ? sheetReader(model, name) : null),
    insertSheet: () => readOnly("insertSheet"),
    sheetNames: () => model.sheetNames(),
    sheetUrl: () => model.url,
    flush: () => undefined,
  };
}

/**
 * summary.html: the Dashboard's figures for the workbook after the run — computed by the same code
 * the Dashboard sheet uses (src/app/dashboard.ts) — as one page to open in a browser.
 */
export function writeSummaryPage(file: string, model: SpreadsheetModel, month: string, at: Date): void {
  if (!model.sheet("Ledger") || !model.sheet(reportSheetName(month))) {
    // A workbook from before BadgeDesk's Ledger, or a month never reported: no figures to show.
    writeFileSync(
      file,
      `<!doctype html><meta charset="utf-8"><title>BadgeDesk</title><p>No report for ${month} in this workbook.</p>\n`,
    );
    return;
  }
  const figures = readDashboardFigures(
    {
      workbook: workbookReader(model),
      clock: { now: () => at, sleep: () => undefined },
      formatDate: (date, timeZone, pattern) => formatWithPattern(date.getTime(), resolveZone(timeZone), pattern),
    },
    { month },
  );
  const html = renderSummaryHtml(figures, {
    title: `BadgeDesk summary — ${month}`,
    generatedAt: at,
    timeZone: model.timeZone,
  });
  writeFileSync(file, html);
}
