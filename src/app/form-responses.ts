/**
 * A form response as an Entries row. The response sheet's columns are found by header (the
 * question titles), never by position: a question added to the form later gets a new column.
 */

import { isValidDate } from "../domain/dates";
import type { TableSchema } from "../workbook/schemas";
import { MissingHeadersError } from "../workbook/table";
import { CORRECTING_QUESTION, QUESTION, RESPONDENT_EMAIL, RESPONSE_TIMESTAMP } from "./form";
import type { Cell } from "./ports";

export function responseSchema(sheet: string): TableSchema {
  return { sheet, headers: [RESPONSE_TIMESTAMP, RESPONDENT_EMAIL, ...Object.values(QUESTION)], optional: [] };
}

/**
 * A reader of response rows by header, from the sheet's header row alone (the trigger already
 * holds its row). Throws MissingHeadersError naming a question whose title was changed.
 */
export function responseReader(sheet: string, header: Cell[]): (values: Cell[]) => (title: string) => Cell {
  const schema = responseSchema(sheet);
  const byKey = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = String(cell).trim().toLowerCase();
    if (key !== "" && !byKey.has(key)) byKey.set(key, i);
  });
  const missing = schema.headers.filter((h) => !byKey.has(h.toLowerCase()));
  if (missing.length > 0) throw new MissingHeadersError(sheet, missing);
  return (values) => (title) => {
    const value = values[byKey.get(title.toLowerCase()) ?? -1];
    return value === undefined || value === null ? "" : value;
  };
}

/**
 * The response's key, kept in the entry's Source: "Form response 2026-11-03T15:41:07Z
 * j.doe@site.example.edu". Reconcile matches entries to responses by it, never by row. The time
 * is UTC: it has no second 01:30 on the night the clocks go back, and needs no formatDate call
 * (a service call) for each of a year's responses.
 */
export function responseKey(timestamp: Date, respondent: string): string {
  const utc = timestamp.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `Form response ${utc} ${respondent.trim().toLowerCase()}`;
}

export interface ResponseEntry {
  key: string;
  timestamp: Date;
  /** The Entry ID this response corrects ("" for a new entry). */
  correcting: string;
  /** Entries cells by header (Entry ID left to the caller). */
  values: Record<string, Cell>;
}

/**
 * The Entries values of one response row, or null when its Timestamp is not a date (a row typed
 * into the response sheet by hand is not a response).
 */
export function responseEntry(get: (header: string) => Cell): ResponseEntry | null {
  const timestamp = get(RESPONSE_TIMESTAMP);
  if (!isValidDate(timestamp)) return null;
  const respondent = String(get(RESPONDENT_EMAIL)).trim();
  const key = responseKey(timestamp, respondent);
  const text = (header: string) => {
    const value = get(header);
    return isValidDate(value) ? value : String(value);
  };
  return {
    key,
    timestamp,
    correcting: String(get(CORRECTING_QUESTION)).trim(),
    values: {
      "Entered At": timestamp,
      "Student First Name": text(QUESTION.firstName),
      "Student Last Name": text(QUESTION.lastName),
      "Student Email": text(QUESTION.email),
      Credential: text(QUESTION.credential),
      "Date Earned": text(QUESTION.dateEarned),
      Program: text(QUESTION.program),
      Site: text(QUESTION.site),
      "Instructor Name": text(QUESTION.instructorName),
      "Instructor Email": respondent,
      Source: key,
    },
  };
}
