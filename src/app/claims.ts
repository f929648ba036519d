/**
 * Refresh claim states (menu "Refresh claim states", and a weekly trigger): reads back from
 * Credly whether each student has accepted, rejected, or still holds pending the badges in the
 * Ledger, and shows it in the Ledger and in every report tab.
 *
 * The organization may hold many thousands of badges that are not BadgeDesk's, or long settled;
 * a GET per badge would cost a request each. So one listing asks only for badges whose state has
 * moved on (`state::accepted,rejected,revoked`), newest change first (`sort=-updated_at`), and
 * stops once the changes are older than any open Ledger badge could have had: a badge still
 * pending when it was issued or last checked can only have changed after that. Pages are followed
 * by Credly's `next_page_url`; 429 and 5xx are retried within the time of one execution.
 */

import type { Badge, CredlyError } from "../credly";
import { retryDecision } from "../credly";
import { CLAIM_STATE } from "../domain/words";
import type { TableRow } from "../workbook/table";
import { writeCells } from "../workbook/write";
import { type Budget, budget } from "./budget";
import { writeClaimStates } from "./claim-columns";
import { credlyFor } from "./credly";
import { readLedger } from "./ledger";
import { writeLog } from "./log";
import type { Services } from "./ports";
import { loadSettings } from "./settings";
import { fillGaps } from "./sheet-writes";

export interface ClaimRefreshResult {
  /** Ledger badges not yet accepted, rejected or revoked when the refresh began. */
  checked: number;
  /** Of those, how many changed state, by the new state. */
  changed: number;
  accepted: number;
  rejected: number;
  revoked: number;
  stillPending: number;
  /** Ledger badges whose state could not be read this time (Credly's answers were cut short). */
  unchecked: number;
  /** Pages of Credly's listing read. */
  pages: number;
  message: string;
}

/** A badge in one of these states will not change again on its own. */
const FINAL = new Set<string>([CLAIM_STATE.accepted, CLAIM_STATE.rejected, CLAIM_STATE.revoked]);

export const CLAIM_REFRESH_HANDLER = "refreshClaimStates";

/**
 * Our clock and Credly's are different clocks; a change is read if it is no older than a day
 * before the open badge's issue or last check. A day of other earners' changes is a page or two.
 */
const CLOCK_MARGIN_MS = 24 * 3600_000;

/** Kept back before each request: a fetch that times out alone costs about 60 s (budget.ts). */
const RESERVE_MS = 70_000;

type Listing = { states: Map<string, string>; pages: number; cutShort: string | null };

export function refreshClaimStates(services: Services, random: () => number = Math.random): ClaimRefreshResult {
  const time = budget(services.clock);
  const startedAt = services.clock.now();
  const ledger = readLedger(services.workbook);
  const open = ledger.table.rows.filter(
    (row) => String(row.get("Credly Badge ID")).trim() !== "" && !FINAL.has(String(row.get("Claim State")).trim()),
  );
  const result: ClaimRefreshResult = {
    checked: open.length,
    changed: 0,
    accepted: 0,
    rejected: 0,
    revoked: 0,
    stillPending: 0,
    unchecked: 0,
    pages: 0,
    message: "",
  };
  if (open.length > 0) {
    const wanted = new Set(open.map((row) => String(row.get("Credly Badge ID")).trim()));
    const listing = readChanges(services, wanted, changesSince(open), time, random);
    result.pages = listing.pages;
    const updates = [];
    const changedEntries = new Map<string, string>();
    for (const row of open) {
      const known = listing.states.get(String(row.get("Credly Badge ID")).trim());
      // Not among the changes: still pending, if the listing was read to its end; else unknown.
      if (known === undefined && listing.cutShort !== null) {
        result.unchecked++;
        continue;
      }
      const state = known ?? CLAIM_STATE.pending;
      if (state !== String(row.get("Claim State")).trim()) {
        result.changed++;
        changedEntries.set(String(row.get("Entry ID")).trim(), state);
      }
      if (state === CLAIM_STATE.accepted) result.accepted++;
      else if (state === CLAIM_STATE.rejected) result.rejected++;
      else if (state === CLAIM_STATE.revoked) result.revoked++;
      else result.stillPending++;
      updates.push({ rowNumber: row.rowNumber, values: { "Claim State": state, "Claim Checked At": startedAt } });
    }
    writeCells(ledger.sheet, ledger.table, fillGaps(ledger.table, updates, ["Claim State", "Claim Checked At"]));
    writeClaimStates(services.workbook, changedEntries);
    result.message = summary(result, listing.cutShort);
  } else {
    result.message = "Every badge in the Ledger is already accepted, rejected or revoked: nothing to check.";
  }
  writeLog(services, {
    action: "Refresh claim states",
    counts: { checked: result.checked, changed: result.changed, unchecked: result.unchecked, pages: result.pages },
    outcome: result.message,
  });
  return result;
}

function summary(result: ClaimRefreshResult, cutShort: string | null): string {
  const read = result.checked - result.unchecked;
  const counts =
    `${result.accepted} accepted, ${result.rejected} rejected, ` +
    `${result.revoked} revoked, ${result.stillPending} still pending`;
  if (cutShort === null) return `Checked ${result.checked} badges: ${counts}.`;
  return (
    `Checked ${read} of ${result.checked} badges: ${counts}. ` +
    `Could not read all of Credly's answers (${cutShort}): ${result.unchecked} badges left unchecked, ` +
    "next refresh tries again."
  );
}

/**
 * The earliest time an open badge can have changed: its last check, or its issue when never
 * checked, less the clock margin. Null (read every change) when a row holds neither.
 */
function changesSince(open: readonly TableRow[]): number | null {
  let earliest = Number.POSITIVE_INFINITY;
  for (const row of open) {
    const checked = row.get("Claim Checked At");
    const issued = row.get("Issued At");
    const since = checked instanceof Date ? checked : issued instanceof Date ? issued : null;
    if (since === null || Number.isNaN(since.getTime())) return null;
    earliest = Math.min(earliest, since.getTime());
  }
  return earliest - CLOCK_MARGIN_MS;
}

/**
 * Reads Credly's changed badges, newest change first, until every wanted badge is found, the
 * changes are older than `since`, or the listing ends. Stopping early relies on the order, so it
 * is trusted only while the answers are seen to be in it (the sort on updated_at is L).
 */
function readChanges(
  services: Services,
  wanted: ReadonlySet<string>,
  since: number | null,
  time: Budget,
  random: () => number,
): Listing {
  const client = credlyFor(services);
  const states = new Map<string, string>();
  const changed = [CLAIM_STATE.accepted, CLAIM_STATE.rejected, CLAIM_STATE.revoked];
  let url: string | null = client.badgeListUrl({ state: changed }, { sort: "-updated_at" });
  let pages = 0;
  let newest = Number.POSITIVE_INFINITY;
  let ordered = true;
  while (url !== null) {
    const page = readPage(services, () => client.badgePage(url as string), time, random);
    if (!page.ok) return { states, pages, cutShort: page.why };
    pages++;
    for (const badge of page.items) {
      // The newest change comes first: a badge listed twice keeps its first (latest) state.
      if (wanted.has(badge.id) && !states.has(badge.id)) states.set(badge.id, badge.state);
      const at = changedAt(badge);
      if (at === null || at > newest) ordered = false;
      else newest = at;
    }
    if (states.size === wanted.size) break;
    if (since !== null && ordered && newest < since) break;
    url = page.next;
  }
  return { states, pages, cutShort: null };
}

function changedAt(badge: Badge): number | null {
  const at = badge.updated_at === null ? Number.NaN : Date.parse(badge.updated_at);
  return Number.isNaN(at) ? null : at;
}

type PageRead = { ok: true; items: Badge[]; next: string | null } | { ok: false; why: string };

/** One page, retried on 429, 5xx and network failures (retryDecision) while the execution has time. */
function readPage(
  services: Services,
  fetchPage: () => ReturnType<ReturnType<typeof credlyFor>["badgePage"]>,
  time: Budget,
  random: () => number,
): PageRead {
  for (let attempt = 1; ; attempt++) {
    if (time.exhausted(RESERVE_MS)) return { ok: false, why: "this run ran out of time" };
    const answer = fetchPage();
    if (answer.ok) return { ok: true, items: answer.value.items, next: answer.value.next };
    const error: CredlyError = answer.error;
    const decision = retryDecision({ error, attempt, remainingMs: time.remainingMs() - RESERVE_MS, random });
    if (!decision.retry) return { ok: false, why: error.message };
    services.clock.sleep(decision.delayMs);
  }
}

/**
 * The weekly claim refresh, installed once (Monday at the schedule's hour, in the spreadsheet's
 * zone). Returns true when it was added now.
 */
export function ensureWeeklyClaimRefresh(services: Services): boolean {
  if (services.triggers.list().some((t) => t.handler === CLAIM_REFRESH_HANDLER && t.kind === "clock")) return false;
  const settings = loadSettings(services.scriptProperties);
  services.triggers.weekly(CLAIM_REFRESH_HANDLER, "MONDAY", settings.scheduleHour, services.workbook.timeZone());
  return true;
}
