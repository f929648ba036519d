/**
 * Set up workbook: makes each BadgeDesk sheet that is missing, ready to use (headers, frozen header
 * row, formats, drop-downs, warning-only protection of the columns BadgeDesk writes). A sheet that
 * exists is only checked: running it again changes nothing and loses nothing, and a sheet whose
 * header was renamed or removed is reported by name, never rewritten.
 */

import { CREDENTIALS, LEDGER, LOG, type TableSchema } from "../workbook/schemas";
import { ENTRIES_BOOK, REPORTED_IN } from "./entries-sheet";
import { writeLog } from "./log";
import { ensureTemplatesSheet, TEMPLATES } from "./notice-templates";
import type { Services, SheetPort } from "./ports";

/** A new sheet has 1,000 rows (Sheets' default); formats and rules cover rows 2 to 1,000. */
const DATA_ROWS = 999;

/**
 * Sheets shows a date cell in the spreadsheet's time zone, whatever the script's zone; the
 * format only chooses the fields (apps-script.md "Spreadsheets").
 */
const DATE_TIME = "yyyy-mm-dd hh:mm:ss";
const DATE = "yyyy-mm-dd";

type ListSource = string[] | "credentials";

interface SheetPlan {
  schema: TableSchema;
  formats: Record<string, string>;
  lists: Record<string, ListSource>;
  /** The columns BadgeDesk writes; people are warned before typing over them. */
  owned: readonly string[];
}

const PLANS: SheetPlan[] = [
  {
    schema: CREDENTIALS,
    formats: {},
    lists: { "Badge Issuer": ["Agency", "Vendor"], Active: ["Yes", "No"] },
    owned: [],
  },
  {
    schema: ENTRIES_BOOK,
    formats: { "Entered At": DATE_TIME, "Date Earned": DATE },
    lists: { Credential: "credentials", Language: ["en", "es"] },
    owned: ["Entry ID", "Entered At", "Source", REPORTED_IN],
  },
  {
    schema: LEDGER,
    formats: { "Issued At": DATE_TIME, "Claim Checked At": DATE_TIME },
    lists: {},
    owned: LEDGER.headers,
  },
  { schema: LOG, formats: { Time: DATE_TIME }, lists: {}, owned: LOG.headers },
];

export interface SetupResult {
  created: string[];
  /** Sheets that were there and have every header. */
  checked: string[];
  /** What a person must fix, one sentence per sheet. */
  problems: string[];
  message: string;
}

/** "A", "B", … "AA": the column letter of a 1-based column. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function headerKey(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

/** The columns of the schema's headers in the first rows that hold any, or null for an empty sheet. */
function existingColumns(sheet: SheetPort, schema: TableSchema): Map<string, number> | null {
  const top = sheet.readTop(3);
  const row = top.find((r) => r.some((v) => v !== ""));
  if (!row) return null;
  const columns = new Map<string, number>();
  for (const header of [...schema.headers, ...schema.optional]) {
    const index = row.findIndex((v) => headerKey(v) === header.toLowerCase());
    if (index >= 0) columns.set(header, index + 1);
  }
  return columns;
}

function missingHeadersProblem(schema: TableSchema, missing: string[]): string {
  const names = missing.map((h) => `"${h}"`).join(", ");
  return (
    `Sheet "${schema.sheet}" has no ${missing.length === 1 ? "header" : "headers"} ${names} ` +
    "(renamed or deleted?). Set up workbook left the sheet as it is: put the header back in the header row."
  );
}

/** Runs of adjacent columns, so each run is one protected range. */
function runs(columns: number[]): Array<[number, number]> {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[0] + last[1]) last[1] += 1;
    else out.push([c, 1]);
  }
  return out;
}

function prepare(sheet: SheetPort, plan: SheetPlan, credentialsList: string | null): void {
  const headers = [...plan.schema.headers, ...plan.schema.optional];
  const column = (header: string) => headers.indexOf(header) + 1;
  sheet.write(1, 1, [headers]);
  sheet.setBold(1, 1, 1, headers.length);
  sheet.setFrozenRows(1);
  for (const [header, format] of Object.entries(plan.formats)) {
    sheet.setNumberFormat(2, column(header), DATA_ROWS, 1, format);
  }
  for (const [header, source] of Object.entries(plan.lists)) {
    if (source !== "credentials") sheet.setListValidation(2, column(header), DATA_ROWS, 1, source);
    else if (credentialsList) sheet.setListValidation(2, column(header), DATA_ROWS, 1, { a1: credentialsList });
  }
  for (const [first, width] of runs(plan.owned.map(column))) {
    const names = headers.slice(first - 1, first - 1 + width).join(", ");
    sheet.protectWarningOnly(1, first, DATA_ROWS + 1, width, `BadgeDesk writes ${plan.schema.sheet}: ${names}`);
  }
}

/** Creates the missing BadgeDesk sheets and checks the others (see the file comment). */
export function setUpWorkbook(services: Services): SetupResult {
  const { workbook } = services;
  const result: SetupResult = { created: [], checked: [], problems: [], message: "" };
  let credentialsList: string | null = null;

  for (const plan of PLANS) {
    const { schema } = plan;
    const existing = workbook.sheet(schema.sheet);
    const columns = existing ? existingColumns(existing, schema) : null;
    if (existing && columns) {
      const missing = schema.headers.filter((h) => !columns.has(h));
      if (missing.length > 0) result.problems.push(missingHeadersProblem(schema, missing));
      else result.checked.push(schema.sheet);
      const credential = columns.get("Credential");
      if (schema === CREDENTIALS && credential) {
        const letter = columnLetter(credential);
        credentialsList = `${CREDENTIALS.sheet}!${letter}2:${letter}`;
      }
      continue;
    }
    if (schema === CREDENTIALS) credentialsList = `${CREDENTIALS.sheet}!A2:A`;
    // An empty sheet of that name (made by hand) is set up like a new one: nothing is in it to lose.
    prepare(existing ?? workbook.insertSheet(schema.sheet), plan, credentialsList);
    result.created.push(schema.sheet);
  }

  // The notice texts the specialist edits; the defaults are written once and never overwritten.
  if (!workbook.sheet(TEMPLATES.sheet)) {
    ensureTemplatesSheet(workbook);
    result.created.push(TEMPLATES.sheet);
  }

  const parts = [
    result.created.length ? `Created ${result.created.join(", ")}.` : "",
    result.checked.length ? `Already set up: ${result.checked.join(", ")}.` : "",
    ...result.problems,
  ];
  result.message = parts.filter((p) => p !== "").join("\n");
  writeLog(services, {
    action: "Set up workbook",
    counts: { created: result.created.length, checked: result.checked.length, problems: result.problems.length },
    outcome: result.problems.length ? result.problems.join(" ") : "OK",
  });
  return result;
}
