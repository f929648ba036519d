/**
 * Rebuild dashboard: the Dashboard sheet from the Ledger and every "Badges yyyy-MM" tab, each read
 * once. The report, issuing and claim refresh use cases call refreshDashboard when they finish.
 */

import { type DashboardFigures, dashboardFigures, type LedgerRecord, type ReportMonth } from "../domain/dashboard";
import { monthOf, monthOfReportSheet } from "../domain/month";
import { toCellText } from "../workbook/cell-text";
import { reportRowOf } from "../workbook/records";
import { LEDGER, reportSchema } from "../workbook/schemas";
import { readTable, requireSheet, type TableRow } from "../workbook/table";
import { clearTriggers, replaceTrigger } from "./continuation";
import { DASHBOARD_SHEET, dashboardLayout } from "./dashboard-layout";
import { writeLog } from "./log";
import type { Services } from "./ports";

type Ports = Pick<Services, "workbook" | "clock" | "formatDate">;

export interface DashboardOptions {
  /** "yyyy-MM": the month of the per-credential and per-site tables (default: the latest report). */
  month?: string;
}

export interface DashboardResult {
  sheet: string;
  month: string | null;
  months: number;
  entries: number;
  issued: number;
  accepted: number;
  /** accepted / issued over every month; null when nothing was issued. */
  claimRate: number | null;
  charts: number;
}

function ledgerRecordOf(row: TableRow): LedgerRecord {
  const issued = row.get("Issued At");
  const parsed = issued instanceof Date ? issued : String(issued).trim() === "" ? null : new Date(String(issued));
  return {
    entryId: String(row.get("Entry ID")).trim(),
    badgeId: String(row.get("Credly Badge ID")).trim(),
    issuedAt: parsed && !Number.isNaN(parsed.getTime()) ? parsed : null,
    claimState: String(row.get("Claim State")),
  };
}

/** The figures from the workbook: the Ledger and each report tab read once. Also for `npm start`. */
export function readDashboardFigures(ports: Ports, options: DashboardOptions = {}): DashboardFigures {
  const { workbook } = ports;
  const reportMonths = workbook
    .sheetNames()
    .map(monthOfReportSheet)
    .filter((m): m is string => m !== null);
  if (options.month !== undefined && !reportMonths.includes(options.month)) {
    throw new Error(
      `There is no report tab "Badges ${options.month}" to show on the Dashboard. Build the report for that month first.`,
    );
  }
  const reports: ReportMonth[] = reportMonths.map((month) => {
    const schema = reportSchema(month);
    return { month, rows: readTable(requireSheet(workbook, schema.sheet), schema).rows.map(reportRowOf) };
  });
  const ledger = readTable(requireSheet(workbook, LEDGER.sheet), LEDGER).rows.map(ledgerRecordOf);
  const timeZone = workbook.timeZone();
  return dashboardFigures({
    reports,
    ledger,
    month: options.month,
    now: ports.clock.now(),
    monthOf: (date) => monthOf(date, timeZone, ports.formatDate),
  });
}

/** Writes the figures to the Dashboard sheet: one block of values, a few formats, the charts. */
export function writeDashboard(ports: Ports, figures: DashboardFigures): number {
  const { workbook } = ports;
  const sheet = workbook.sheet(DASHBOARD_SHEET) ?? workbook.insertSheet(DASHBOARD_SHEET);
  const layout = dashboardLayout(figures, ports.clock.now());
  sheet.clearFrom(1);
  // Column A holds months ("2026-11"), names and reasons: as plain text, Sheets cannot read a
  // month or a numeric-looking name as a date or a number.
  sheet.setNumberFormat(1, 1, layout.grid.length, 1, "@");
  sheet.write(
    1,
    1,
    layout.grid.map((row) => row.map(toCellText)),
  );
  for (const a of layout.percent) sheet.setNumberFormat(a.row, a.column, a.rows, a.columns, "0%");
  for (const a of layout.dates) sheet.setNumberFormat(a.row, a.column, a.rows, a.columns, "yyyy-mm-dd");
  for (const a of layout.bold) sheet.setBold(a.row, a.column, a.rows, a.columns);
  // The adapter removes every chart before inserting these: a rebuild never stacks copies.
  sheet.setCharts(layout.charts);
  return layout.charts.length;
}

function resultOf(figures: DashboardFigures, charts: number): DashboardResult {
  return {
    sheet: DASHBOARD_SHEET,
    month: figures.chosenMonth,
    months: figures.months.length,
    entries: figures.total.entries,
    issued: figures.total.issued,
    accepted: figures.total.accepted,
    claimRate: figures.total.claimRate,
    charts,
  };
}

/**
 * Rebuilds the Dashboard and writes no Log line of its own. Throws like rebuildDashboard (a
 * missing Ledger or header names the sheet).
 */
export function refreshDashboard(ports: Ports, options: DashboardOptions = {}): DashboardResult {
  const figures = readDashboardFigures(ports, options);
  return resultOf(figures, writeDashboard(ports, figures));
}

/** The menu item "Rebuild dashboard": rebuilds it and writes one Log line. */
export function rebuildDashboard(
  services: Pick<Services, "workbook" | "clock" | "formatDate" | "users">,
  options: DashboardOptions = {},
): DashboardResult {
  const result = refreshDashboard(services, options);
  writeLog(services, {
    action: "Rebuild dashboard",
    counts: { months: result.months, entries: result.entries, issued: result.issued, accepted: result.accepted },
    outcome: result.month ? `Dashboard rebuilt; tables for ${result.month}` : "Dashboard rebuilt; no reports yet",
  });
  return result;
}

/** The one-off trigger that rebuilds the Dashboard after a report, an issuing run or a claim refresh. */
export const DASHBOARD_HANDLER = "rebuildDashboardAfterChange";
/** Changes that come close together (the slices of one issuing run) share one rebuild. */
const REBUILD_AFTER_MS = 2 * 60 * 1000;

/**
 * Asks for the Dashboard to be rebuilt a couple of minutes from now, in an execution of its own:
 * it reads the Ledger and every report tab, which a slice of sending or issuing should not pay for,
 * and a later request replaces an earlier one, so there is never more than one pending.
 */
export function requestDashboardRebuild(services: Pick<Services, "triggers">): void {
  replaceTrigger(services.triggers, DASHBOARD_HANDLER, REBUILD_AFTER_MS);
}

/** The trigger's run: rebuild, then delete the spent trigger (it would count toward the 20). */
export function rebuildDashboardAfterChange(
  services: Pick<Services, "workbook" | "clock" | "formatDate" | "users" | "triggers">,
): DashboardResult {
  clearTriggers(services.triggers, DASHBOARD_HANDLER);
  return rebuildDashboard(services);
}
