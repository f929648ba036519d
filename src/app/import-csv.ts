/**
 * Import entries from a CSV export (the state's certification system, a site's spreadsheet): map
 * its columns to Entries headers, check it, append the new rows in one write. Each row's key,
 * "Import <batch> row <n>", goes into Source, where <batch> is a hash of the file's text: importing
 * the same file again imports nothing. Rows are imported even when an entry rule fails — the report
 * marks them Needs fix with the reason, and nothing is dropped (DESIGN.md) — and the result lists
 * those problems so the person importing sees them at once.
 */

import { catalogOf } from "../domain/catalog";
import { parseCsv } from "../domain/csv";
import { fnv1a64 } from "../domain/earner-id";
import { readEntry } from "../domain/entry";
import { validateEntry } from "../domain/validate";
import { credentialOf, rawEntryOf } from "../workbook/records";
import { CREDENTIALS, ENTRIES } from "../workbook/schemas";
import { readTable, requireSheet, type TableRow } from "../workbook/table";
import { ENTRIES_BOOK, entriesRow, newEntryId } from "./entries-sheet";
import { writeLog } from "./log";
import type { Cell, Services } from "./ports";
import { requireWorkLock } from "./work-lock";

/** Entries headers a CSV may fill; Entry ID, Entered At and Source are BadgeDesk's. */
export const IMPORTABLE = [
  "Student First Name",
  "Student Last Name",
  "Student Email",
  "Credential",
  "Date Earned",
  "Program",
  "Site",
  "Instructor Name",
  "Instructor Email",
  "Language",
] as const;

/** Without these a row cannot become a badge, so a mapping must name them. */
const REQUIRED = ["Student First Name", "Student Last Name", "Student Email", "Credential", "Date Earned"];

/** Other names exports use for our headers (compared as matchKey). */
const ALSO_CALLED: Record<string, string[]> = {
  "Student First Name": ["firstname", "first", "studentfirst", "givenname"],
  "Student Last Name": ["lastname", "last", "studentlast", "surname", "familyname"],
  "Student Email": ["email", "emailaddress", "studentemailaddress"],
  Credential: ["certification", "certificationname", "credentialname", "assessment", "industrycertification"],
  "Date Earned": ["dateearned", "date", "datepassed", "testdate", "certificationdate", "earnedon"],
  Site: ["school", "campus", "district", "sitename", "schoolname"],
  Program: ["programname", "course", "pathway"],
  "Instructor Name": ["instructor", "teacher", "teachername"],
  "Instructor Email": ["teacheremail", "instructoremailaddress"],
  Language: ["noticelanguage", "lang"],
};

/** { "Entries header": "CSV column" }. */
export type ColumnMapping = Partial<Record<string, string>>;

/** Header names compared ignoring case, spaces and punctuation: "Student E-mail" = "studentemail". */
function matchKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Each Entries header mapped to the CSV column whose name matches it, or a known other name. */
export function defaultMapping(csvHeaders: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const header of IMPORTABLE) {
    const names = [matchKey(header), ...(ALSO_CALLED[header] ?? [])];
    const found = csvHeaders.find((h) => !taken.has(h) && names.includes(matchKey(h)));
    if (found !== undefined) {
      mapping[header] = found;
      taken.add(found);
    }
  }
  return mapping;
}

interface Parsed {
  headers: string[];
  rows: string[][];
  batch: string;
}

function parse(csvText: string): Parsed {
  const records = parseCsv(csvText);
  if (records.length < 2) throw new Error("The CSV has no rows under its header row.");
  const headers = records[0].map((h) => h.trim());
  // Line ends and a trailing newline do not make another file: the same export saved on another
  // computer is the same batch.
  const normalised = csvText
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trimEnd();
  return { headers, rows: records.slice(1), batch: fnv1a64(normalised).slice(0, 12) };
}

function checkMapping(headers: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  for (const [target, column] of Object.entries(mapping)) {
    if (!column) continue;
    if (!(IMPORTABLE as readonly string[]).includes(target))
      problems.push(`"${target}" is not an Entries column a CSV can fill.`);
    else if (!headers.includes(column)) problems.push(`The CSV has no column "${column}" (mapped to ${target}).`);
  }
  const unmapped = REQUIRED.filter((h) => !mapping[h]);
  if (unmapped.length > 0) problems.push(`Choose the CSV column for ${unmapped.join(", ")}.`);
  return problems;
}

export interface CsvPreview {
  csvHeaders: string[];
  targets: string[];
  required: string[];
  mapping: ColumnMapping;
  rowCount: number;
  /** The first rows, as the CSV has them. */
  sample: string[][];
}

/** What the dialog shows before importing: the CSV's columns and the mapping it would use. */
export function previewCsvImport(csvText: string): CsvPreview {
  const { headers, rows } = parse(csvText);
  return {
    csvHeaders: headers,
    targets: [...IMPORTABLE],
    required: REQUIRED,
    mapping: defaultMapping(headers),
    rowCount: rows.length,
    sample: rows.slice(0, 5),
  };
}

export interface ImportResult {
  batch: string;
  rows: number;
  imported: number;
  /** Rows this file brought in before (same batch and row). */
  alreadyImported: number;
  /** Rows that break an entry rule ("CSV row 4: Student Email … is not an e-mail address"); imported all the same. */
  warnings: string[];
  message: string;
}

const WARNINGS_SHOWN = 20;

/** Imports the CSV (see the file comment); takes the script lock. */
export function importEntriesCsv(services: Services, csvText: string, mapping?: ColumnMapping): ImportResult {
  const parsed = parse(csvText);
  const map = mapping && Object.keys(mapping).length > 0 ? mapping : defaultMapping(parsed.headers);
  const problems = checkMapping(parsed.headers, map);
  if (problems.length > 0) throw new Error(`The CSV cannot be imported: ${problems.join(" ")}`);

  return requireWorkLock(services, `${services.users.active() || "someone"} importing a CSV`, () => {
    const { workbook } = services;
    const timeZone = workbook.timeZone();
    const sheet = requireSheet(workbook, ENTRIES.sheet);
    const table = readTable(sheet, ENTRIES_BOOK);
    const catalog = catalogOf(readTable(requireSheet(workbook, CREDENTIALS.sheet), CREDENTIALS).rows.map(credentialOf));
    const seen = new Set(table.rows.map((r) => String(r.get("Source")).trim()));
    const now = services.clock.now();
    const today = services.formatDate(now, timeZone, "yyyy-MM-dd");
    const column = (header: string) => parsed.headers.indexOf(map[header] ?? "");

    const fresh: Array<Record<string, Cell>> = [];
    const warnings: string[] = [];
    let already = 0;
    parsed.rows.forEach((record, index) => {
      if (record.every((field) => field.trim() === "")) return;
      const source = `Import ${parsed.batch} row ${index + 1}`;
      if (seen.has(source)) {
        already += 1;
        return;
      }
      const values: Record<string, Cell> = {
        "Entry ID": newEntryId(services.newId),
        "Entered At": now,
        Source: source,
      };
      for (const header of IMPORTABLE) {
        const i = column(header);
        if (i >= 0) values[header] = (record[i] ?? "").trim();
      }
      const entry = readEntry(rawEntryOf(asRow(values)), timeZone, services.formatDate);
      for (const problem of validateEntry(entry, catalog, today)) warnings.push(`CSV row ${index + 2}: ${problem}`);
      fresh.push(values);
    });

    sheet.append(fresh.map((values) => entriesRow(table, values)));
    const result: ImportResult = {
      batch: parsed.batch,
      rows: parsed.rows.length,
      imported: fresh.length,
      alreadyImported: already,
      warnings: warnings.slice(0, WARNINGS_SHOWN),
      message: "",
    };
    const more = warnings.length > WARNINGS_SHOWN ? ` (and ${warnings.length - WARNINGS_SHOWN} more)` : "";
    result.message =
      `Imported ${fresh.length} of ${parsed.rows.length} rows` +
      (already ? `; ${already} were imported before` : "") +
      (warnings.length ? `. ${warnings.length} problems to fix in Entries${more}.` : ".");
    writeLog(services, {
      action: "Import entries from CSV",
      counts: { imported: fresh.length, "imported before": already, problems: warnings.length },
      outcome: `Batch ${parsed.batch}`,
    });
    return result;
  });
}

/** The values as a table row, so the domain reads them exactly as it reads Entries. */
function asRow(values: Record<string, Cell>): TableRow {
  return { rowNumber: 0, values: [], get: (header) => values[header] ?? "" };
}
