/**
 * Where the dashboard's figures go on the Dashboard sheet: one rectangular block of values (one
 * setValues), the few formats and bold rows around it, and the charts over its tables. The block
 * holds plain values, no formulas: people sort and delete rows in the sources, and a formula over
 * them would quietly count the wrong thing.
 */

import {
  type DashboardFigures,
  GROUP_HEADERS,
  type GroupFigures,
  groupCells,
  MONTH_HEADERS,
  type MonthFigures,
  monthCells,
} from "../domain/dashboard";
import type { Cell, ChartSpec } from "./ports";

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface DashboardLayout {
  /** Every row the same width; row 1 of the sheet first. */
  grid: Cell[][];
  bold: Area[];
  /** Claim rate cells. */
  percent: Area[];
  dates: Area[];
  charts: ChartSpec[];
}

export const DASHBOARD_SHEET = "Dashboard";

export const UNCLAIMED_HEADERS = [
  "Entry ID",
  "Student",
  "Credential",
  "Site",
  "Issued At",
  "Days waiting",
  "Credly Badge ID",
] as const;

const WIDTH = MONTH_HEADERS.length;
/** Charts sit to the right of the tables, one under another (a default chart is ~18 rows tall). */
const CHART_COLUMN = WIDTH + 2;
const CHART_ROWS = 20;

export const CLAIM_RATE_NOTE =
  "Claim rate = accepted ÷ badges issued. Entries, decisions and notices come from the Badges YYYY-MM tabs; " +
  "badges and claim states from the Ledger. Rebuilt after each report, issuing run and claim refresh.";

/** The sheet shows a rate as a number (formatted as a percentage); no rate is an empty cell. */
const monthValues = (m: MonthFigures): Cell[] => monthCells(m).map((v) => v ?? "");
const groupValues = (g: GroupFigures): Cell[] => groupCells(g).map((v) => v ?? "");

/** "A", "B", … for the columns the dashboard uses. */
function letter(column: number): string {
  return String.fromCharCode(64 + column);
}

function a1(row: number, column: number, lastRow: number, lastColumn = column): string {
  return `${letter(column)}${row}:${letter(lastColumn)}${lastRow}`;
}

/** The sheet's content for the figures. `rebuiltAt` is shown in the top row. */
export function dashboardLayout(figures: DashboardFigures, rebuiltAt: Date): DashboardLayout {
  const grid: Cell[][] = [];
  const bold: Area[] = [];
  const percent: Area[] = [];
  const dates: Area[] = [];
  const charts: ChartSpec[] = [];
  const put = (cells: Cell[]) => {
    grid.push(cells.concat(Array(Math.max(0, WIDTH - cells.length)).fill("")));
    return grid.length;
  };
  const heading = (cells: Cell[]) => {
    const row = put(cells);
    bold.push({ row, column: 1, rows: 1, columns: cells.length });
    return row;
  };

  heading(["BadgeDesk dashboard"]);
  put(["Rebuilt at", rebuiltAt]);
  dates.push({ row: 2, column: 2, rows: 1, columns: 1 });
  put([CLAIM_RATE_NOTE]);
  if (figures.unplacedLedgerRows > 0) {
    put([`${figures.unplacedLedgerRows} Ledger rows have no report row and no Issued At: they are in no month.`]);
  }
  put([]);

  heading(["Per month"]);
  const monthHeader = heading([...MONTH_HEADERS]);
  for (const m of figures.months) put(monthValues(m));
  const lastMonthRow = grid.length;
  heading(monthValues(figures.total));
  percent.push({ row: monthHeader + 1, column: WIDTH, rows: grid.length - monthHeader, columns: 1 });
  if (figures.months.length > 0) {
    charts.push({
      id: "badges-per-month",
      type: "combo",
      title: "Badges issued and accepted per month (line: claim rate)",
      ranges: [
        a1(monthHeader, 1, lastMonthRow),
        a1(
          monthHeader,
          MONTH_HEADERS.indexOf("Badges issued") + 1,
          lastMonthRow,
          MONTH_HEADERS.indexOf("Accepted") + 1,
        ),
        a1(monthHeader, WIDTH, lastMonthRow),
      ],
      row: 1,
      column: CHART_COLUMN,
      // Series 0–1 are counts (columns); series 2 is the claim rate (0–1), a line on its own axis
      // so it does not lie flat along the bottom of the counts' scale.
      options: { seriesType: "bars", series: { 2: { type: "line", targetAxisIndex: 1 } } },
    });
  }

  const month = figures.chosenMonth ?? "no month yet";
  const groupTable = (title: string, first: string, lines: GroupFigures[]) => {
    put([]);
    heading([`${title} — ${month}`]);
    const header = heading([first, ...GROUP_HEADERS]);
    for (const g of lines) put(groupValues(g));
    if (lines.length > 0)
      percent.push({ row: header + 1, column: GROUP_HEADERS.length + 1, rows: lines.length, columns: 1 });
    return header;
  };
  groupTable("Per credential", "Credential", figures.credentials);
  const siteHeader = groupTable("Per site", "Site", figures.sites);
  if (figures.sites.length > 0) {
    const issued = GROUP_HEADERS.indexOf("Badges issued") + 2;
    charts.push({
      id: "badges-by-site",
      type: "bar",
      title: `Badges issued and accepted by site — ${month}`,
      ranges: [
        a1(siteHeader, 1, siteHeader + figures.sites.length),
        a1(siteHeader, issued, siteHeader + figures.sites.length, issued + 1),
      ],
      row: 1 + 2 * CHART_ROWS,
      column: CHART_COLUMN,
    });
  }

  put([]);
  heading([`Needs fix by reason — ${month}`]);
  put(["A row with several problems counts under each."]);
  const reasonHeader = heading(["Reason", "Rows"]);
  for (const r of figures.needsFixReasons) put([r.reason, r.rows]);
  if (figures.needsFixReasons.length === 0) put(["No Needs fix rows this month."]);
  else {
    charts.push({
      id: "needs-fix-by-reason",
      type: "bar",
      title: `Needs fix by reason — ${month}`,
      ranges: [a1(reasonHeader, 1, reasonHeader + figures.needsFixReasons.length, 2)],
      row: 1 + CHART_ROWS,
      column: CHART_COLUMN,
    });
  }

  put([]);
  heading(["Oldest unclaimed badges (pending in the Ledger)"]);
  const unclaimedHeader = heading([...UNCLAIMED_HEADERS]);
  for (const b of figures.oldestUnclaimed) {
    put([b.entryId, b.student, b.credential, b.site, b.issuedAt, b.daysWaiting, b.badgeId]);
  }
  if (figures.oldestUnclaimed.length === 0) put(["Every issued badge has been claimed, or none was issued yet."]);
  else {
    dates.push({
      row: unclaimedHeader + 1,
      column: UNCLAIMED_HEADERS.indexOf("Issued At") + 1,
      rows: figures.oldestUnclaimed.length,
      columns: 1,
    });
  }

  return { grid, bold, percent, dates, charts };
}
