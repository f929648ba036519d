/**
 * Refresh claim states (menu "Refresh claim states", and a weekly trigger): reads back from
 * Credly whether each student has accepted, rejected, or still holds pending the badges in the
 * Ledger, and shows it in the Ledger and in every report tab. The organization's badges are read
 * a page of 50 at a time (the first page tells how many pages there are; the rest go out in one
 * fetchAll): a GET per badge would cost a request each.
 */

import { CLAIM_STATE } from "../domain/words";
import { writeCells } from "../workbook/write";
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
  /** Ledger badges Credly did not list (deleted, or another organization's). */
  missing: number;
  message: string;
}

/** A badge in one of these states will not change again on its own. */
const FINAL = new Set<string>([CLAIM_STATE.accepted, CLAIM_STATE.rejected, CLAIM_STATE.revoked]);

export const CLAIM_REFRESH_HANDLER = "refreshClaimStates";

export function refreshClaimStates(services: Services): ClaimRefreshResult {
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
    missing: 0,
    message: "",
  };
  if (open.length > 0) {
    const listed = credlyFor(services).listBadges({});
    if (!listed.ok) throw new Error(listed.error.message);
    const stateOf = new Map(listed.value.map((badge) => [badge.id, badge.state]));
    const now = services.clock.now();
    const updates = [];
    const changedEntries = new Map<string, string>();
    for (const row of open) {
      const state = stateOf.get(String(row.get("Credly Badge ID")).trim());
      if (state === undefined) {
        result.missing++;
        continue;
      }
      if (state !== String(row.get("Claim State")).trim()) {
        result.changed++;
        changedEntries.set(String(row.get("Entry ID")).trim(), state);
      }
      if (state === CLAIM_STATE.accepted) result.accepted++;
      else if (state === CLAIM_STATE.rejected) result.rejected++;
      else if (state === CLAIM_STATE.revoked) result.revoked++;
      else result.stillPending++;
      updates.push({ rowNumber: row.rowNumber, values: { "Claim State": state, "Claim Checked At": now } });
    }
    writeCells(ledger.sheet, ledger.table, fillGaps(ledger.table, updates, ["Claim State", "Claim Checked At"]));
    writeClaimStates(services.workbook, changedEntries);
  }
  result.message =
    open.length === 0
      ? "Every badge in the Ledger is already accepted, rejected or revoked: nothing to check."
      : `Checked ${open.length} badges: ${result.accepted} accepted, ${result.rejected} rejected, ` +
        `${result.revoked} revoked, ${result.stillPending} still pending` +
        (result.missing > 0 ? `; ${result.missing} not found in Credly (check the organization in Settings)` : "") +
        ".";
  writeLog(services, {
    action: "Refresh claim states",
    counts: { checked: result.checked, changed: result.changed },
    outcome: result.message,
  });
  return result;
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
