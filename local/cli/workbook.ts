import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { CREDENTIALS_HEADERS, type DemoMonth, ENTRIES_HEADERS } from "../demo";
import { loadWorkbook, type SpreadsheetModel, wallClock } from "../runtime";
import { CliError } from "./options";

export const DEFAULT_TIME_ZONE = "America/Chicago";

/**
 * A person typing rows below a sheet's last row, by header name (any column order, extra columns
 * left blank): the values land as given, as a paste or a form response does.
 */
export function typeRows(model: SpreadsheetModel, sheetName: string, rows: ReadonlyArray<Record<string, unknown>>) {
  if (rows.length === 0) return;
  const headers = model.values(sheetName)[0].map(String);
  const lines = rows.map((row) => headers.map((h) => row[h] ?? ""));
  const below = Math.max(1, model.requireSheet(sheetName).lastRow()) + 1;
  model.setValues(sheetName, below, 1, lines);
}

/** Adds a sheet with its header row unless Set up workbook already made it. */
export function ensureSheet(model: SpreadsheetModel, name: string, headers: readonly string[]): void {
  if (model.sheet(name)) return;
  model.insertSheet(name);
  model.setValues(name, 1, 1, [headers.slice()]);
}

/** The demo month typed into the workbook: the credential catalog, then every entry. */
export function typeDemo(model: SpreadsheetModel, demo: DemoMonth): void {
  ensureSheet(model, "Credentials", CREDENTIALS_HEADERS);
  ensureSheet(model, "Entries", ENTRIES_HEADERS);
  const known = new Set(
    model
      .values("Credentials")
      .slice(1)
      .map((r) => String(r[0]).trim().toLowerCase()),
  );
  const credentials = demo.credentials.filter((c) => !known.has(c.Credential.trim().toLowerCase()));
  typeRows(model, "Credentials", credentials as unknown as Record<string, unknown>[]);
  typeRows(model, "Entries", demo.entries as unknown as Record<string, unknown>[]);
}

/**
 * Opens a workbook file for a run. A wrong path, a file that is not .xlsx, or a workbook with no
 * Entries sheet is the caller's mistake (exit code 2), said in one line.
 */
export async function openWorkbook(given: string, timeZone = DEFAULT_TIME_ZONE): Promise<SpreadsheetModel> {
  const file = path.resolve(given);
  const shown = given;
  if (!existsSync(file)) throw new CliError(`No such workbook: ${shown}`);
  if (!statSync(file).isFile()) throw new CliError(`${shown} is a folder, not an .xlsx workbook.`);
  let model: SpreadsheetModel;
  try {
    model = await loadWorkbook(file, { timeZone, name: path.basename(file, path.extname(file)) });
  } catch {
    // exceljs's own words here are about zip internals; what matters is the file is not a workbook.
    throw new CliError(
      `${shown} is not an .xlsx workbook (it could not be read as one). Download it again from Google Sheets: File > Download > .xlsx.`,
    );
  }
  if (!model.sheet("Entries")) {
    throw new CliError(
      `${shown} has no Entries sheet (it has: ${model.sheetNames().join(", ")}). Download the BadgeDesk spreadsheet itself.`,
    );
  }
  return model;
}

/**
 * The month a run on a downloaded workbook is about: its newest report tab ("Badges YYYY-MM"),
 * else the month of the newest Entered At in Entries; undefined when neither is there.
 */
export function newestMonth(model: SpreadsheetModel): string | undefined {
  const reported = model
    .sheetNames()
    .map((name) => /^Badges (\d{4}-\d{2})$/.exec(name)?.[1])
    .filter((m): m is string => m !== undefined)
    .sort()
    .pop();
  if (reported) return reported;
  const [headers, ...rows] = model.values("Entries");
  const column = headers.map(String).indexOf("Entered At");
  if (column < 0) return undefined;
  let newest: Date | undefined;
  for (const row of rows) {
    const value = row[column];
    // Sheet values may come from the script's realm, where `instanceof Date` is false.
    if (Object.prototype.toString.call(value) !== "[object Date]") continue;
    const at = new Date((value as Date).getTime());
    if (!newest || at > newest) newest = at;
  }
  if (!newest) return undefined;
  const w = wallClock(newest, model.timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}`;
}
