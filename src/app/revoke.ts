/**
 * Revoke a badge (menu "Revoke selected badge…"): the specialist selects a row holding an Entry ID
 * (a report tab or the Ledger), gives a reason and confirms; Credly withdraws the badge and tells
 * the student. Recorded in the Ledger, the report tabs and the Log.
 */

import { CLAIM_STATE } from "../domain/words";
import { readTable, requireSheet } from "../workbook/table";
import { writeCells } from "../workbook/write";
import { requireOperator } from "./access";
import { writeClaimStates } from "./claim-columns";
import { credlyFor } from "./credly";
import { readLedger } from "./ledger";
import { writeLog } from "./log";
import type { Services } from "./ports";
import { loadSettings } from "./settings";

export interface RevokeResult {
  entryId: string;
  badgeId: string;
  state: string;
  message: string;
}

/** The Entry ID on a sheet's row (the selected row), or an error that says what to select. */
export function entryIdAt(services: Pick<Services, "workbook">, sheetName: string, rowNumber: number): string {
  const sheet = requireSheet(services.workbook, sheetName);
  const table = readTable(sheet, { sheet: sheetName, headers: ["Entry ID"], optional: [] });
  const row = table.rows.find((r) => r.rowNumber === rowNumber);
  const id = row ? String(row.get("Entry ID")).trim() : "";
  if (!id) {
    throw new Error(
      `Row ${rowNumber} of "${sheetName}" holds no Entry ID: select a row of a report tab or of the Ledger.`,
    );
  }
  return id;
}

export function revokeBadge(services: Services, options: { entryId: string; reason: string }): RevokeResult {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "revoke badges");
  const reason = options.reason.trim();
  if (!reason) throw new Error("Give a reason to revoke a badge: Credly shows it to the student.");
  const ledger = readLedger(services.workbook);
  const row = ledger.rowByEntry.get(options.entryId);
  const badgeId = row ? String(row.get("Credly Badge ID")).trim() : "";
  if (!row || !badgeId) {
    throw new Error(`Entry ID ${options.entryId} has no badge in the Ledger: there is nothing to revoke.`);
  }
  const revoked = credlyFor(services, settings).revokeBadge(badgeId, reason);
  if (!revoked.ok) {
    const text = `Badge ${badgeId} (Entry ID ${options.entryId}) was not revoked: ${revoked.error.message}`;
    writeLog(services, { action: "Revoke badge", counts: { entry: options.entryId }, outcome: text });
    throw new Error(text);
  }
  const state = revoked.value.state || CLAIM_STATE.revoked;
  writeCells(ledger.sheet, ledger.table, [
    { rowNumber: row.rowNumber, values: { "Claim State": state, "Claim Checked At": services.clock.now() } },
  ]);
  writeClaimStates(services.workbook, new Map([[options.entryId, state]]));
  const message = `Badge ${badgeId} (Entry ID ${options.entryId}) is ${state} in Credly. Reason: ${reason}`;
  writeLog(services, { action: "Revoke badge", counts: { entry: options.entryId }, outcome: message });
  return { entryId: options.entryId, badgeId, state, message };
}
