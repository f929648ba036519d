import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outboxOf, type Runtime, type SpreadsheetModel, saveWorkbook, spreadsheetOf, urlFetchOf } from "../runtime";

/** The files a run leaves in --out (the README lists them). */
export interface OutputPaths {
  dir: string;
  workbook: string;
  outbox: string;
  credly: string;
  log: string;
  summary: string;
}

export function outputPaths(dir: string): OutputPaths {
  const out = path.resolve(dir);
  return {
    dir: out,
    workbook: path.join(out, "workbook.xlsx"),
    outbox: path.join(out, "outbox"),
    credly: path.join(out, "credly-badges.json"),
    log: path.join(out, "log.csv"),
    summary: path.join(out, "summary.html"),
  };
}

/**
 * Makes --out ready for a new run: the outbox holds this run's messages only, so old .eml files go
 * (and nothing else: --out may be a folder the person keeps other files in).
 */
export function prepareOut(paths: OutputPaths): void {
  mkdirSync(paths.dir, { recursive: true });
  if (!existsSync(paths.outbox)) return;
  for (const name of readdirSync(paths.outbox)) {
    if (name.endsWith(".eml")) rmSync(path.join(paths.outbox, name));
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A sheet as CSV, each cell as the sheet shows it (dates in the spreadsheet's zone). */
export function sheetCsv(model: SpreadsheetModel, sheetName: string): string {
  if (!model.sheet(sheetName)) return "";
  return model
    .displayValues(sheetName)
    .filter((row) => row.some((v) => v !== ""))
    .map((row) => row.map(csvField).join(","))
    .join("\r\n");
}

export interface CredlyRecords {
  /** Badges the Credly server holds (the sandbox's admin view). */
  badges?: unknown[];
}

/** The workbook, the outbox, Credly's records and the Log, written into --out. */
export async function writeOutputs(runtime: Runtime, paths: OutputPaths, credly: CredlyRecords): Promise<void> {
  const model = spreadsheetOf(runtime);
  await saveWorkbook(model, paths.workbook);
  outboxOf(runtime).writeEml(paths.outbox);
  // Against a server that is not ours there is no admin view: what BadgeDesk sent it is the record.
  const record = credly.badges ?? {
    requests: urlFetchOf(runtime).requests.map((r) => ({ method: r.method, url: r.url, status: r.status })),
  };
  writeFileSync(paths.credly, `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(paths.log, `${sheetCsv(model, "Log")}\r\n`);
}
