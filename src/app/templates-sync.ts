/**
 * Sync badge templates (menu "Sync badge templates"): reads every page of the organization's
 * Credly templates and fills or refreshes the Credentials sheet — the template id where a row
 * names a template but has no id, the template's name and state beside each id (archived ones
 * flagged, since Credly refuses to issue them), and a new row for a template no row mentions.
 * No row is ever deleted: the Credentials sheet is the specialist's.
 */

import type { BadgeTemplate } from "../credly/types";
import { credentialKey } from "../domain/catalog";
import { toCellText } from "../workbook/cell-text";
import { CREDENTIALS, type TableSchema } from "../workbook/schemas";
import { readTable, requireSheet, type Table } from "../workbook/table";
import { type CellUpdate, writeCells } from "../workbook/write";
import { credlyFor } from "./credly";
import { writeLog } from "./log";
import type { Cell, Services } from "./ports";

/** Columns the sync adds to the right of Credentials when they are not there yet. */
export const TEMPLATE_NAME = "Credly Template Name";
export const TEMPLATE_STATE = "Credly Template State";

const SYNCED: TableSchema = { ...CREDENTIALS, optional: [TEMPLATE_NAME, TEMPLATE_STATE] };

export interface SyncResult {
  templates: number;
  /** Rows that got a template id they lacked. */
  filled: number;
  /** Rows whose name or state changed. */
  refreshed: number;
  /** Templates no row mentioned, added as new rows (Active "No" until a person decides). */
  added: number;
  archived: number;
  /** Rows whose template id Credly does not know. */
  unknown: number;
  message: string;
}

function stateWords(template: BadgeTemplate | undefined): string {
  if (!template) return "Not in Credly — check the Credly Template ID";
  if (template.state === "archived") return "archived — Credly will refuse to issue it";
  if (template.state === "draft") return "draft — publish it in Credly before issuing";
  return template.state;
}

export function syncBadgeTemplates(services: Services): SyncResult {
  const listed = credlyFor(services).listTemplates();
  if (!listed.ok) throw new Error(listed.error.message);
  const templates = listed.value;
  const sheet = requireSheet(services.workbook, CREDENTIALS.sheet);
  let table = readTable(sheet, SYNCED);
  const missing = SYNCED.optional.filter((h) => !table.columns.has(h));
  if (missing.length > 0) {
    sheet.write(table.headerRow, sheet.lastColumn() + 1, [missing]);
    table = readTable(sheet, SYNCED);
  }

  const byId = new Map(templates.map((t) => [t.id, t]));
  const byName = new Map<string, BadgeTemplate>();
  for (const t of templates) if (!byName.has(credentialKey(t.name))) byName.set(credentialKey(t.name), t);
  const mentioned = new Set<string>();
  const updates: CellUpdate[] = [];
  const counts = { filled: 0, refreshed: 0, archived: 0, unknown: 0 };

  for (const row of table.rows) {
    const id = String(row.get("Credly Template ID")).trim();
    const name = String(row.get("Credential")).trim();
    const template = id ? byId.get(id) : byName.get(credentialKey(name));
    if (!id && !template) continue;
    const values: Record<string, Cell> = {};
    if (!id && template) {
      values["Credly Template ID"] = template.id;
      counts.filled++;
    }
    if (template) mentioned.add(template.id);
    else counts.unknown++;
    if (template?.state === "archived") counts.archived++;
    const nameCell = template ? template.name : "";
    const stateCell = stateWords(template);
    if (String(row.get(TEMPLATE_NAME)) !== nameCell || String(row.get(TEMPLATE_STATE)) !== stateCell) {
      values[TEMPLATE_NAME] = nameCell;
      values[TEMPLATE_STATE] = stateCell;
      if (id) counts.refreshed++;
    }
    if (Object.keys(values).length > 0) updates.push({ rowNumber: row.rowNumber, values });
  }
  if (updates.length > 0) writeCells(sheet, table, updates);

  const fresh = templates.filter((t) => !mentioned.has(t.id));
  if (fresh.length > 0) sheet.append(fresh.map((t) => newRow(table, t)));

  const result: SyncResult = {
    templates: templates.length,
    ...counts,
    added: fresh.length,
    message: "",
  };
  result.message =
    `Read ${templates.length} Credly templates: ${counts.filled} template ids filled in, ${counts.refreshed} rows refreshed, ` +
    `${fresh.length} new rows added (Active "No": set Badge Issuer and Active to use them)` +
    (counts.archived > 0 ? `; ${counts.archived} rows use an archived template` : "") +
    (counts.unknown > 0 ? `; ${counts.unknown} rows have a template id Credly does not know` : "") +
    ".";
  writeLog(services, {
    action: "Sync badge templates",
    counts: { ...counts, added: fresh.length },
    outcome: result.message,
  });
  return result;
}

function newRow(table: Table, template: BadgeTemplate): Cell[] {
  const width = Math.max(...Array.from(table.columns.values()));
  const line: Cell[] = new Array(width).fill("");
  const put = (header: string, value: Cell) => {
    const column = table.columns.get(header);
    if (column !== undefined) line[column - 1] = toCellText(value);
  };
  put("Credential", template.name);
  put("Badge Issuer", "Agency");
  put("Credly Template ID", template.id);
  put("Active", "No");
  put(TEMPLATE_NAME, template.name);
  put(TEMPLATE_STATE, stateWords(template));
  return line;
}
