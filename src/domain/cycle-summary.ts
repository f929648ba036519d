/**
 * The specialist's e-mail when a month's cycle is done: what was decided, sent and issued, what
 * failed, and which sites have entries to fix, with a link to the report tab. Counted from the
 * report's rows (the sheet people check), not from the cycle's running totals.
 */

import { escapeHtml } from "./merge";
import { monthLabel } from "./month";
import type { ReportRow } from "./report";
import { BADGE_STATUS, DECISION, DECISIONS, NOTICE_STATUS } from "./words";

export interface CycleSummaryInput {
  month: string;
  rows: readonly ReportRow[];
  /** Opens the report tab. */
  reportUrl: string;
  /** How the run went: executions used, when it started. */
  slices: number;
  startedAt: string;
}

export interface SummaryMessage {
  subject: string;
  textBody: string;
  htmlBody: string;
}

export interface CycleSummaryCounts {
  entries: number;
  decisions: Record<string, number>;
  notices: { sent: number; failed: number; notNeeded: number };
  badges: { issued: number; failed: number; backlog: number };
  /** Sites with Needs fix rows, most first. */
  needsFix: Array<{ site: string; count: number }>;
  /** Rows with a Last Error: Entry ID and the error. */
  failures: Array<{ entryId: string; error: string }>;
}

const count = (rows: readonly ReportRow[], test: (r: ReportRow) => boolean) => rows.filter(test).length;
const text = (value: unknown) => String(value ?? "").trim();

export function summaryCounts(rows: readonly ReportRow[]): CycleSummaryCounts {
  const decisions: Record<string, number> = {};
  for (const d of DECISIONS) decisions[d] = count(rows, (r) => r.Decision === d);
  const bySite = new Map<string, number>();
  for (const row of rows) {
    if (row.Decision !== DECISION.needsFix) continue;
    const site = text(row.Site) || "(no site)";
    bySite.set(site, (bySite.get(site) ?? 0) + 1);
  }
  const badgeRows = rows.filter((r) => r.Decision === DECISION.badge);
  return {
    entries: rows.length,
    decisions,
    notices: {
      sent: count(rows, (r) => r["Notice Status"] === NOTICE_STATUS.sent),
      failed: count(rows, (r) => r["Notice Status"] === NOTICE_STATUS.failed),
      notNeeded: count(rows, (r) => r["Notice Status"] === NOTICE_STATUS.notNeeded),
    },
    badges: {
      issued: count(rows, (r) => r["Badge Status"] === BADGE_STATUS.issued),
      failed: count(rows, (r) => r["Badge Status"] === BADGE_STATUS.failed),
      backlog: count(badgeRows, (r) => r["Badge Status"] !== BADGE_STATUS.issued),
    },
    needsFix: Array.from(bySite, ([site, n]) => ({ site, count: n })).sort(
      (a, b) => b.count - a.count || (a.site < b.site ? -1 : 1),
    ),
    failures: rows
      .filter((r) => text(r["Last Error"]) !== "")
      .map((r) => ({ entryId: text(r["Entry ID"]), error: text(r["Last Error"]) })),
  };
}

/** Failures listed one by one in the e-mail; the rest are in the report tab. */
const LISTED_FAILURES = 20;

/** The summary e-mail (subject, plain text, HTML). */
export function composeCycleSummary(input: CycleSummaryInput): SummaryMessage {
  const c = summaryCounts(input.rows);
  const label = monthLabel(input.month);
  const lines: Array<[string, string]> = [
    ["Entries entered", String(c.entries)],
    ...DECISIONS.map((d): [string, string] => [`Decision: ${d}`, String(c.decisions[d])]),
    ["Notices sent", String(c.notices.sent)],
    ["Notices failed", String(c.notices.failed)],
    ["Badges issued", String(c.badges.issued)],
    ["Badges failed", String(c.badges.failed)],
    ["Badge rows not yet issued", String(c.badges.backlog)],
  ];
  const fixLines = c.needsFix.map((f) => `${f.site}: ${f.count}`);
  const failureLines = c.failures.slice(0, LISTED_FAILURES).map((f) => `${f.entryId}: ${f.error}`);
  const more = c.failures.length - failureLines.length;
  if (more > 0) failureLines.push(`… and ${more} more in the report tab`);
  const run = `Run in ${input.slices} slice(s), started ${input.startedAt}.`;

  const textBody = [
    `BadgeDesk finished the cycle for ${label}.`,
    "",
    ...lines.map(([k, v]) => `${k}: ${v}`),
    "",
    c.needsFix.length ? "Needs fix, by site:" : "No entries need fixing.",
    ...fixLines.map((l) => `  ${l}`),
    ...(failureLines.length ? ["", "Failures:", ...failureLines.map((l) => `  ${l}`)] : []),
    "",
    `The report: ${input.reportUrl}`,
    run,
  ].join("\n");

  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
  const htmlBody = [
    `<p>BadgeDesk finished the cycle for <b>${escapeHtml(label)}</b>.</p>`,
    `<table>${lines.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td align="right">${v}</td></tr>`).join("")}</table>`,
    c.needsFix.length ? `<p>Needs fix, by site:</p>${list(fixLines)}` : "<p>No entries need fixing.</p>",
    failureLines.length ? `<p>Failures:</p>${list(failureLines)}` : "",
    `<p><a href="${escapeHtml(input.reportUrl)}">Open the report tab</a></p>`,
    `<p style="color:#666">${escapeHtml(run)}</p>`,
  ].join("\n");

  return {
    subject: `BadgeDesk: ${label} done: ${c.badges.issued} badges issued, ${c.notices.sent} notices sent`,
    textBody,
    htmlBody,
  };
}
