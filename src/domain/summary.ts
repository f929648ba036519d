/**
 * The summary block above the report's table: plain values, so the sheet shows numbers a person
 * can check against the rows (no formulas that break when rows are sorted or deleted).
 */

import type { Cell } from "../app/ports";
import { monthLabel } from "./month";
import type { ReportRow } from "./report";
import { BADGE_STATUS, CLAIM_STATE, DECISION, DECISIONS, NOTICE_STATUS } from "./words";

const WIDTH = 2 + DECISIONS.length;

function line(cells: Cell[]): Cell[] {
  const padded = cells.slice();
  while (padded.length < WIDTH) padded.push("");
  return padded;
}

function countsRow(label: string, rows: readonly ReportRow[]): Cell[] {
  return [label, rows.length, ...DECISIONS.map((d) => rows.filter((r) => r.Decision === d).length)];
}

/**
 * The block, every row the same width:
 *   Badges November 2026
 *   Site | Entries | Badge | Vendor badge | Needs fix | Already badged
 *   All sites | …                       (then one line per site, most entries first)
 *   Notices sent | n
 *   Badges issued | n
 *   Backlog: Badge rows not yet issued | n
 *   Claimed (accepted) | n
 */
export function reportSummary(month: string, rows: readonly ReportRow[]): Cell[][] {
  const bySite = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const site = String(row.Site).trim() || "(no site)";
    const list = bySite.get(site) ?? [];
    list.push(row);
    bySite.set(site, list);
  }
  const sites = Array.from(bySite.entries()).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const badgeRows = rows.filter((r) => r.Decision === DECISION.badge);
  return [
    line([`Badges ${monthLabel(month)}`]),
    line(["Site", "Entries", ...DECISIONS]),
    countsRow("All sites", rows),
    ...sites.map(([site, siteRows]) => countsRow(site, siteRows)),
    line(["Notices sent", rows.filter((r) => r["Notice Status"] === NOTICE_STATUS.sent).length]),
    line(["Badges issued", rows.filter((r) => r["Badge Status"] === BADGE_STATUS.issued).length]),
    line([
      "Backlog: Badge rows not yet issued",
      badgeRows.filter((r) => r["Badge Status"] !== BADGE_STATUS.issued).length,
    ]),
    line(["Claimed (accepted)", rows.filter((r) => r["Claim State"] === CLAIM_STATE.accepted).length]),
  ];
}
