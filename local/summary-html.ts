/**
 * The dashboard as one self-contained HTML page, for `npm start`: the same figures and charts as
 * the Dashboard sheet (src/domain/dashboard.ts computes them once for both), inline CSS and SVG,
 * no script and no link to anything, so a person can open the file in any browser, offline.
 * Every text from the workbook (names, sites, reasons) is escaped.
 */

import {
  type DashboardFigures,
  GROUP_HEADERS,
  type GroupFigures,
  groupCells,
  MONTH_HEADERS,
  type MonthFigures,
  monthCells,
} from "../src/domain/dashboard";
import { barsChart, COLORS, escapeHtml, monthsChart } from "./summary-charts";

export interface SummaryOptions {
  title: string;
  /** When the figures were read; a Date is shown in `timeZone`. */
  generatedAt: Date | string;
  /** The spreadsheet's zone, for dates (default UTC). */
  timeZone?: string;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

function dateText(date: Date, timeZone: string, withTime: boolean): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = `${get("year")}-${get("month")}-${get("day")}`;
  return withTime ? `${day} ${get("hour")}:${get("minute")} (${timeZone})` : day;
}

const isFigure = (cell: string | number) => typeof cell === "number" || /^(\d+%|—)$/.test(cell);

function tableHtml(
  caption: string,
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  id: string,
): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(c)}</th>`
              : `<td${isFigure(c) ? ' class="num"' : ""}>${escapeHtml(c)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table id="${id}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The page shows a rate as "53%", and no rate as a dash. */
const shown = (cells: Array<string | number | null>): Array<string | number> =>
  cells.map((v, i) => (i === cells.length - 1 ? percent(v as number | null) : (v ?? "")));
const monthRow = (m: MonthFigures) => shown(monthCells(m));
const groupRow = (g: GroupFigures) => shown(groupCells(g));

function tile(label: string, value: string, id: string): string {
  return `<div class="tile" id="${id}"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; color: #222; margin: 24px; max-width: 1180px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ccc; }
.meta, .note { color: #555; font-size: 13px; }
.tiles { display: flex; gap: 12px; margin: 16px 0; flex-wrap: wrap; }
.tile { border: 1px solid #d5dbe3; border-radius: 6px; padding: 10px 16px; min-width: 130px; background: #f7f9fc; }
.tile .value { font-size: 24px; font-weight: bold; } .tile .label { font-size: 12px; color: #555; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 12px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #dde; padding: 3px 8px; text-align: left; } td.num { text-align: right; }
thead th { background: #eef2f7; } tbody th { text-align: left; font-weight: normal; }
.pair { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
svg { background: #fff; border: 1px solid #eee; }
`;

/** The page for these figures. */
export function renderSummaryHtml(figures: DashboardFigures, options: SummaryOptions): string {
  const zone = options.timeZone ?? "UTC";
  const generated =
    typeof options.generatedAt === "string" ? options.generatedAt : dateText(options.generatedAt, zone, true);
  const month = figures.chosenMonth ?? "no month yet";
  const total = figures.total;
  const sections: string[] = [];

  sections.push(
    `<div class="tiles">${[
      tile("Credentials reported", String(total.entries), "tile-entries"),
      tile("Badges issued", String(total.issued), "tile-issued"),
      tile("Claimed (accepted)", String(total.accepted), "tile-accepted"),
      tile("Claim rate", percent(total.claimRate), "tile-claim-rate"),
      tile("Needs fix", String(total.needsFix), "tile-needs-fix"),
    ].join("")}</div>`,
    `<p class="note">Claim rate = accepted ÷ badges issued. Entries, decisions and notices come from the Badges YYYY-MM tabs; badges and claim states from the Ledger.</p>`,
  );

  sections.push(`<h2>Per month</h2>`);
  if (figures.months.length > 0) sections.push(monthsChart(figures.months, "Badges issued and accepted per month"));
  sections.push(
    tableHtml("Per month", [...MONTH_HEADERS], [...figures.months.map(monthRow), monthRow(total)], "per-month"),
  );

  sections.push(`<h2>${escapeHtml(`Needs fix by reason — ${month}`)}</h2>`);
  if (figures.needsFixReasons.length === 0) sections.push(`<p class="note">No Needs fix rows this month.</p>`);
  else {
    sections.push(
      `<div class="pair">${barsChart(
        figures.needsFixReasons.map((r) => ({ label: r.reason, values: [r.rows] })),
        [["rows", COLORS.needsFix]],
        `Needs fix by reason — ${month}`,
      )}${tableHtml(
        "A row with several problems counts under each.",
        ["Reason", "Rows"],
        figures.needsFixReasons.map((r) => [r.reason, r.rows]),
        "needs-fix",
      )}</div>`,
    );
  }

  sections.push(`<h2>${escapeHtml(`Per site — ${month}`)}</h2>`);
  if (figures.sites.length > 0) {
    sections.push(
      barsChart(
        figures.sites.map((s) => ({ label: s.name, values: [s.issued, s.accepted] })),
        [
          ["issued", COLORS.issued],
          ["accepted", COLORS.accepted],
        ],
        `Badges issued and accepted by site — ${month}`,
      ),
    );
  }
  sections.push(tableHtml(`Per site — ${month}`, ["Site", ...GROUP_HEADERS], figures.sites.map(groupRow), "per-site"));

  sections.push(`<h2>${escapeHtml(`Per credential — ${month}`)}</h2>`);
  sections.push(
    tableHtml(
      `Per credential — ${month}`,
      ["Credential", ...GROUP_HEADERS],
      figures.credentials.map(groupRow),
      "per-credential",
    ),
  );

  sections.push(`<h2>Oldest unclaimed badges</h2>`);
  sections.push(
    tableHtml(
      "Pending in the Ledger, longest waiting first",
      ["Entry ID", "Student", "Credential", "Site", "Issued At", "Days waiting"],
      figures.oldestUnclaimed.map((b) => [
        b.entryId,
        b.student,
        b.credential,
        b.site,
        dateText(b.issuedAt, zone, false),
        b.daysWaiting,
      ]),
      "oldest-unclaimed",
    ),
  );
  if (figures.unplacedLedgerRows > 0) {
    sections.push(
      `<p class="note">${figures.unplacedLedgerRows} Ledger rows have no report row and no Issued At: they are in no month.</p>`,
    );
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p class="meta">Generated ${escapeHtml(generated)}</p>
${sections.join("\n")}
</body>
</html>
`;
}
