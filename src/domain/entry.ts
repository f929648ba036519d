/**
 * An entry: one reported credential, read from a row of Entries and normalised. Normalising never
 * loses what was typed: a value that cannot be read stays as text so the reason can quote it.
 */

import type { Cell, DateFormatter } from "../app/ports";
import { dayOf, isValidDate, parseDayText } from "./dates";
import { normaliseEmail } from "./email";
import { cellText, collapseSpaces } from "./text";

/** `en` (default) or `es`: the language of the notice and of Credly's e-mail. */
export type Language = "en" | "es";

/** A row of Entries as cells, keyed by what the headers mean. */
export interface RawEntry {
  entryId: Cell;
  enteredAt: Cell;
  firstName: Cell;
  lastName: Cell;
  email: Cell;
  credential: Cell;
  dateEarned: Cell;
  program?: Cell;
  site?: Cell;
  instructorName?: Cell;
  instructorEmail?: Cell;
  source?: Cell;
  language?: Cell;
}

export interface Entry {
  entryId: string;
  /** Null when the cell holds no date (BadgeDesk stamps blank ones; a person may have typed over it). */
  enteredAt: Date | null;
  /** The Entered At cell as typed, when it is not a date. */
  enteredAtText: string;
  /** Trimmed, inner whitespace collapsed, capitals and accents kept as typed. */
  firstName: string;
  lastName: string;
  /** Trimmed and lower-cased. */
  email: string;
  /** As typed, trimmed and collapsed; matched to the catalog without regard to case. */
  credential: string;
  /** "yyyy-MM-dd" in the spreadsheet's zone, or null when it is not a real date. */
  dateEarned: string | null;
  /** The Date Earned cell as typed (for the reason when it cannot be read). */
  dateEarnedText: string;
  program: string;
  site: string;
  instructorName: string;
  instructorEmail: string;
  source: string;
  language: Language;
  /** The Language cell when it is neither en nor es (so the reason can name it); "" otherwise. */
  languageText: string;
}

const SPANISH = ["es", "spa", "spanish", "español", "espanol"];
const ENGLISH = ["", "en", "eng", "english", "inglés", "ingles"];

function languageOf(text: string): { language: Language; unknown: string } {
  const key = text.trim().toLowerCase();
  if (SPANISH.includes(key) || /^es[-_]/.test(key)) return { language: "es", unknown: "" };
  if (ENGLISH.includes(key) || /^en[-_]/.test(key)) return { language: "en", unknown: "" };
  return { language: "en", unknown: text.trim() };
}

function dateCell(value: Cell, timeZone: string, formatDate: DateFormatter): { day: string | null; text: string } {
  if (isValidDate(value)) return { day: dayOf(value, timeZone, formatDate), text: "" };
  const text = cellText(value);
  return { day: parseDayText(text), text };
}

/**
 * Reads a row of Entries. Dates in cells are read in the spreadsheet's zone, because Sheets hands
 * a date cell back as midnight in that zone.
 */
export function readEntry(raw: RawEntry, timeZone: string, formatDate: DateFormatter): Entry {
  const earned = dateCell(raw.dateEarned, timeZone, formatDate);
  const language = languageOf(cellText(raw.language));
  const enteredAt = isValidDate(raw.enteredAt) ? raw.enteredAt : null;
  return {
    entryId: cellText(raw.entryId),
    enteredAt,
    enteredAtText: enteredAt ? "" : cellText(raw.enteredAt),
    firstName: collapseSpaces(cellText(raw.firstName)),
    lastName: collapseSpaces(cellText(raw.lastName)),
    email: normaliseEmail(cellText(raw.email)),
    credential: collapseSpaces(cellText(raw.credential)),
    dateEarned: earned.day,
    dateEarnedText: earned.text,
    program: collapseSpaces(cellText(raw.program)),
    site: collapseSpaces(cellText(raw.site)),
    instructorName: collapseSpaces(cellText(raw.instructorName)),
    instructorEmail: normaliseEmail(cellText(raw.instructorEmail)),
    source: cellText(raw.source),
    language: language.language,
    languageText: language.unknown,
  };
}

/** "First Last" as the report's Student column shows it. */
export function studentName(entry: Pick<Entry, "firstName" | "lastName">): string {
  return `${entry.firstName} ${entry.lastName}`.trim();
}
