/**
 * The dashboard's figures: what the specialist and the agency's leadership look at — entries
 * reported, badges decided and issued, claims, and where the Needs fix rows come from.
 *
 * Two sources, each with its job:
 * - the report tabs ("Badges yyyy-MM") say what was reported and decided each month, and which
 *   notices went out;
 * - the Ledger says which badges were issued and what Credly last said about each (claim refresh
 *   writes the claim state there), so every badge and claim figure comes from the Ledger.
 * A Ledger row counts in the month of its entry's report; a row whose entry is in no report tab
 * (the tab was deleted, say) counts in the month of its Issued At.
 */

import type { ReportRow } from "./report";
import { CLAIM_STATE, DECISION, NOTICE_STATUS } from "./words";

/** One Ledger row as the dashboard needs it. */
export interface LedgerRecord {
  entryId: string;
  badgeId: string;
  issuedAt: Date | null;
  /** As the sheet holds it; blank until the first claim refresh. */
  claimState: string;
}

export interface ReportMonth {
  /** "yyyy-MM" */
  month: string;
  rows: readonly ReportRow[];
}

/** Counts read from the report tab. */
export interface DecisionCounts {
  entries: number;
  badgesDecided: number;
  vendorBadges: number;
  needsFix: number;
  alreadyBadged: number;
}

/** Counts read from the Ledger. Claim rate = accepted / issued (null when nothing was issued). */
export interface BadgeCounts {
  issued: number;
  accepted: number;
  pending: number;
  rejected: number;
  revoked: number;
  claimRate: number | null;
}

export interface MonthFigures extends DecisionCounts, BadgeCounts {
  month: string;
  noticesSent: number;
}

/** A credential's or a site's line for the chosen month. */
export interface GroupFigures extends DecisionCounts, BadgeCounts {
  name: string;
}

export interface ReasonCount {
  /** The problem without the typed value, e.g. "Student Email is not an e-mail address". */
  reason: string;
  /** Needs fix rows with this problem (a row with several problems counts under each). */
  rows: number;
}

export interface UnclaimedBadge {
  entryId: string;
  student: string;
  credential: string;
  site: string;
  badgeId: string;
  issuedAt: Date;
  daysWaiting: number;
}

export interface DashboardFigures {
  /** Every month with a report tab or a Ledger row, oldest first. */
  months: MonthFigures[];
  /** Every month together. */
  total: MonthFigures;
  /** The month the per-credential, per-site and reason tables are about; null with no data at all. */
  chosenMonth: string | null;
  credentials: GroupFigures[];
  sites: GroupFigures[];
  needsFixReasons: ReasonCount[];
  /** Pending badges, longest waiting first. */
  oldestUnclaimed: UnclaimedBadge[];
  /** Ledger rows placed in no month: no report row and no readable Issued At. */
  unplacedLedgerRows: number;
}

export interface DashboardInput {
  reports: readonly ReportMonth[];
  ledger: readonly LedgerRecord[];
  /** The month for the per-credential and per-site tables; the latest report's month by default. */
  month?: string;
  now: Date;
  /** "yyyy-MM" of an instant in the spreadsheet's zone. */
  monthOf: (date: Date) => string;
  /** How many unclaimed badges to list (default 10). */
  unclaimedLimit?: number;
}

export const NO_SITE = "(no site)";
export const NO_CREDENTIAL = "(no credential)";
export const NOT_IN_REPORT = "(not in a report)";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Claim rate = accepted / issued; null when nothing was issued (a blank, not 0 %). */
export function claimRate(accepted: number, issued: number): number | null {
  return issued === 0 ? null : accepted / issued;
}

/**
 * Credly's state as the Ledger holds it. Blank (not yet refreshed) is pending: a new badge is
 * pending until the earner acts (credly-api.md), and so is a state word we do not know.
 */
export function claimStateOf(text: string): "pending" | "accepted" | "rejected" | "revoked" {
  const state = text.trim().toLowerCase();
  if (state === CLAIM_STATE.accepted || state === CLAIM_STATE.rejected || state === CLAIM_STATE.revoked) return state;
  return CLAIM_STATE.pending;
}

function decisionCounts(rows: readonly ReportRow[]): DecisionCounts {
  const count = (word: string) => rows.filter((r) => String(r.Decision).trim() === word).length;
  return {
    entries: rows.length,
    badgesDecided: count(DECISION.badge),
    vendorBadges: count(DECISION.vendorBadge),
    needsFix: count(DECISION.needsFix),
    alreadyBadged: count(DECISION.alreadyBadged),
  };
}

function badgeCounts(badges: readonly LedgerRecord[]): BadgeCounts {
  const counts = { issued: badges.length, accepted: 0, pending: 0, rejected: 0, revoked: 0 };
  for (const badge of badges) counts[claimStateOf(badge.claimState)]++;
  return { ...counts, claimRate: claimRate(counts.accepted, counts.issued) };
}

function noticesSent(rows: readonly ReportRow[]): number {
  return rows.filter((r) => String(r["Notice Status"]).trim() === NOTICE_STATUS.sent).length;
}

function byMostEntries(a: GroupFigures, b: GroupFigures): number {
  return b.entries - a.entries || b.issued - a.issued || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The per-credential or per-site lines of a month: report rows and their badges, grouped by `nameOf`. */
function groups(
  rows: readonly ReportRow[],
  badges: readonly LedgerRecord[],
  rowOf: ReadonlyMap<string, ReportRow>,
  nameOf: (row: ReportRow) => string,
): GroupFigures[] {
  const rowsByName = new Map<string, ReportRow[]>();
  const badgesByName = new Map<string, LedgerRecord[]>();
  const add = <T>(map: Map<string, T[]>, name: string, item: T) => {
    const list = map.get(name) ?? [];
    list.push(item);
    map.set(name, list);
  };
  for (const row of rows) add(rowsByName, nameOf(row), row);
  for (const badge of badges) {
    const row = rowOf.get(badge.entryId);
    add(badgesByName, row ? nameOf(row) : NOT_IN_REPORT, badge);
  }
  const names = new Set([...rowsByName.keys(), ...badgesByName.keys()]);
  return Array.from(names, (name) => ({
    name,
    ...decisionCounts(rowsByName.get(name) ?? []),
    ...badgeCounts(badgesByName.get(name) ?? []),
  })).sort(byMostEntries);
}

/** The fields a Needs fix reason can begin with (validate.ts names the field first). */
const FIELDS = [
  "Entry ID",
  "Entered At",
  "Student First Name",
  "Student Last Name",
  "Student Email",
  "Credential",
  "Date Earned",
  "Language",
];
const BETWEEN_PROBLEMS = new RegExp(`; (?=(?:${FIELDS.join("|")})\\b)`);
const REASON_MAX = 80;

/**
 * The kind of each problem in a Needs fix reason, without what was typed: `Student Email
 * "jo@@x.org" is not an e-mail address (no @)` → "Student Email is not an e-mail address", so the
 * same mistake on many rows lands in one bar. Problems are "; "-joined (decide.ts); a typed value
 * holding "; " is not split because a problem always begins with a field name.
 */
export function reasonKinds(reason: string): string[] {
  const kinds = new Set<string>();
  for (const problem of reason.split(BETWEEN_PROBLEMS)) {
    const kind = problem
      .replace(/\s*".*"/, "")
      .replace(/\s*\([^()]*\)\s*$/, "")
      .replace(/\s+/g, " ")
      .trim();
    if (kind === "") continue;
    kinds.add(kind.length > REASON_MAX ? `${kind.slice(0, REASON_MAX - 1)}…` : kind);
  }
  if (kinds.size === 0) kinds.add("(no reason given)");
  return Array.from(kinds);
}

function needsFixReasons(rows: readonly ReportRow[]): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (String(row.Decision).trim() !== DECISION.needsFix) continue;
    for (const kind of reasonKinds(String(row.Reason))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return Array.from(counts, ([reason, n]) => ({ reason, rows: n })).sort(
    (a, b) => b.rows - a.rows || (a.reason < b.reason ? -1 : 1),
  );
}

const text = (value: unknown) => String(value ?? "").trim();
const siteOf = (row: ReportRow) => text(row.Site) || NO_SITE;
const credentialOf = (row: ReportRow) => text(row.Credential) || NO_CREDENTIAL;

function oldestUnclaimed(
  ledger: readonly LedgerRecord[],
  rowOf: ReadonlyMap<string, ReportRow>,
  now: Date,
  limit: number,
): UnclaimedBadge[] {
  return ledger
    .filter((b): b is LedgerRecord & { issuedAt: Date } => b.issuedAt !== null)
    .filter((b) => claimStateOf(b.claimState) === CLAIM_STATE.pending)
    .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || (a.entryId < b.entryId ? -1 : 1))
    .slice(0, limit)
    .map((b) => {
      const row = rowOf.get(b.entryId);
      return {
        entryId: b.entryId,
        student: row ? text(row.Student) : "",
        credential: row ? credentialOf(row) : "",
        site: row ? siteOf(row) : "",
        badgeId: b.badgeId,
        issuedAt: b.issuedAt,
        daysWaiting: Math.max(0, Math.floor((now.getTime() - b.issuedAt.getTime()) / DAY_MS)),
      };
    });
}

function monthLine(month: string, rows: readonly ReportRow[], badges: readonly LedgerRecord[]): MonthFigures {
  return { month, ...decisionCounts(rows), noticesSent: noticesSent(rows), ...badgeCounts(badges) };
}

/** Every figure the Dashboard sheet and the HTML summary show. */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const rowsByMonth = new Map<string, ReportRow[]>();
  const monthOfEntry = new Map<string, string>();
  const rowOf = new Map<string, ReportRow>();
  for (const report of input.reports) {
    const rows = rowsByMonth.get(report.month) ?? [];
    for (const row of report.rows) {
      rows.push(row);
      const id = text(row["Entry ID"]);
      if (id === "" || rowOf.has(id)) continue;
      rowOf.set(id, row);
      monthOfEntry.set(id, report.month);
    }
    rowsByMonth.set(report.month, rows);
  }

  const badgesByMonth = new Map<string, LedgerRecord[]>();
  let unplaced = 0;
  for (const badge of input.ledger) {
    const month = monthOfEntry.get(badge.entryId) ?? (badge.issuedAt ? input.monthOf(badge.issuedAt) : null);
    if (month === null) {
      unplaced++;
      continue;
    }
    const list = badgesByMonth.get(month) ?? [];
    list.push(badge);
    badgesByMonth.set(month, list);
  }

  const monthNames = Array.from(new Set([...rowsByMonth.keys(), ...badgesByMonth.keys()])).sort();
  const months = monthNames.map((m) => monthLine(m, rowsByMonth.get(m) ?? [], badgesByMonth.get(m) ?? []));
  const allRows = input.reports.flatMap((r) => r.rows);
  const placed = Array.from(badgesByMonth.values()).flat();

  const reportMonths = Array.from(rowsByMonth.keys()).sort();
  const chosenMonth = input.month ?? reportMonths[reportMonths.length - 1] ?? monthNames[monthNames.length - 1] ?? null;
  const chosenRows = chosenMonth ? (rowsByMonth.get(chosenMonth) ?? []) : [];
  const chosenBadges = chosenMonth ? (badgesByMonth.get(chosenMonth) ?? []) : [];

  return {
    months,
    total: monthLine("All months", allRows, placed),
    chosenMonth,
    credentials: groups(chosenRows, chosenBadges, rowOf, credentialOf),
    sites: groups(chosenRows, chosenBadges, rowOf, siteOf),
    needsFixReasons: needsFixReasons(chosenRows),
    oldestUnclaimed: oldestUnclaimed(input.ledger, rowOf, input.now, input.unclaimedLimit ?? 10),
    unplacedLedgerRows: unplaced,
  };
}

/** The per-month table's columns, on the Dashboard sheet and in the HTML summary alike. */
export const MONTH_HEADERS = [
  "Month",
  "Entries",
  "Badges decided",
  "Vendor badges",
  "Needs fix",
  "Already badged",
  "Notices sent",
  "Badges issued",
  "Accepted",
  "Pending",
  "Rejected",
  "Revoked",
  "Claim rate",
] as const;

/** The per-site and per-credential tables' columns, after the site or credential name. */
export const GROUP_HEADERS = [
  "Entries",
  "Badges decided",
  "Vendor badges",
  "Needs fix",
  "Already badged",
  "Badges issued",
  "Accepted",
  "Claim rate",
] as const;

/** One month's row in MONTH_HEADERS order; the claim rate last (null when nothing was issued). */
export function monthCells(m: MonthFigures): Array<string | number | null> {
  return [
    m.month,
    m.entries,
    m.badgesDecided,
    m.vendorBadges,
    m.needsFix,
    m.alreadyBadged,
    m.noticesSent,
    m.issued,
    m.accepted,
    m.pending,
    m.rejected,
    m.revoked,
    m.claimRate,
  ];
}

/** One site's or credential's row: its name, then GROUP_HEADERS order; the claim rate last. */
export function groupCells(g: GroupFigures): Array<string | number | null> {
  return [
    g.name,
    g.entries,
    g.badgesDecided,
    g.vendorBadges,
    g.needsFix,
    g.alreadyBadged,
    g.issued,
    g.accepted,
    g.claimRate,
  ];
}
