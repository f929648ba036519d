import { type Entry, type Language, readEntry, studentName } from "../domain/entry";
import type { Composed, ComposedMessage } from "../domain/merge";
import { monthLabel, monthOf } from "../domain/month";
import { composeNotice, type Notice } from "../domain/notices";
import { ENTRIES, rawEntryOf, readTable, requireSheet } from "../workbook";
import { NotAnOperator, requireOperator } from "./access";
import { loadTemplates } from "./notice-templates";
import type { Services } from "./ports";
import { loadSettings } from "./settings";
import { mailTestNotice, type TestSent } from "./test-notice";

/** A student the preview can show: their e-mail is the key (a notice goes to one address). */
export interface PreviewChoice {
  email: string;
  label: string;
}

export interface PreviewChoices {
  month: string;
  monthLabel: string;
  students: PreviewChoice[];
}

export type RenderedNotice = ({ ok: true } & ComposedMessage) | { ok: false; errors: string[] };

export interface NoticePreview {
  to: string;
  student: string;
  /** The language the student's entries ask for: the notice that would be sent. */
  language: Language;
  en: RenderedNotice;
  es: RenderedNotice;
}

interface MonthEntries {
  month: string;
  entries: Entry[];
}

/**
 * The entries of the newest month that has any (by Entered At, spreadsheet zone): the month whose
 * notices the specialist is about to send.
 */
function latestMonth(services: Services): MonthEntries {
  const timeZone = services.workbook.timeZone();
  const table = readTable(requireSheet(services.workbook, ENTRIES.sheet), ENTRIES);
  const byMonth = new Map<string, Entry[]>();
  for (const row of table.rows) {
    const entry = readEntry(rawEntryOf(row), timeZone, services.formatDate);
    if (!entry.enteredAt || !entry.email) continue;
    const month = monthOf(entry.enteredAt, timeZone, services.formatDate);
    byMonth.set(month, [...(byMonth.get(month) ?? []), entry]);
  }
  const month = [...byMonth.keys()].sort().pop() ?? "";
  return { month, entries: byMonth.get(month) ?? [] };
}

/** One notice for the student: every credential they were reported for in the month. */
function noticeFor(entries: Entry[], email: string): Notice | null {
  const mine = entries.filter((e) => e.email === email);
  if (mine.length === 0) return null;
  const first = mine[0];
  return {
    email,
    language: first.language,
    firstName: first.firstName,
    lastName: first.lastName,
    site: first.site,
    credentials: [...new Set(mine.map((e) => e.credential))],
    entryIds: mine.map((e) => e.entryId),
  };
}

function rendered(composed: Composed): RenderedNotice {
  return composed.ok ? { ok: true, ...composed.message } : { ok: false, errors: composed.errors };
}

/** The students reported in the newest month, for the preview's list. */
export function noticePreviewChoices(services: Services): PreviewChoices {
  const { month, entries } = latestMonth(services);
  const students = new Map<string, PreviewChoice>();
  for (const entry of entries) {
    if (!students.has(entry.email)) {
      students.set(entry.email, { email: entry.email, label: `${studentName(entry) || "(no name)"} — ${entry.email}` });
    }
  }
  return {
    month,
    monthLabel: month ? monthLabel(month) : "",
    students: [...students.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** The notice as it would be sent to this student, in English and in Spanish. */
export function noticePreview(services: Services, email: unknown): NoticePreview {
  const { month, entries } = latestMonth(services);
  const wanted = typeof email === "string" ? email.trim().toLowerCase() : "";
  const notice = noticeFor(entries, wanted);
  if (!notice)
    throw new Error(`No entry for ${wanted || "that student"} in the newest month: pick a student from the list.`);
  const settings = loadSettings(services.scriptProperties);
  const noticeSettings = { agencyName: settings.agencyName, senderName: settings.senderName, month };
  // The texts on the Templates sheet (or the defaults): what Send notices would send.
  const templates = loadTemplates(services.workbook).templates.notice;
  const inLanguage = (language: Language) =>
    rendered(composeNotice({ ...notice, language }, noticeSettings, templates));
  return {
    to: notice.email,
    student: studentName(notice),
    language: notice.language,
    en: inLanguage("en"),
    es: inLanguage("es"),
  };
}

/**
 * Sends the previewed notice to the person at the keyboard (not the student), marked as a test.
 * An operator's action: it spends the same mail quota as a real notice.
 */
export function sendTestNotice(services: Services, email: unknown, language: unknown): TestSent {
  const settings = loadSettings(services.scriptProperties);
  try {
    requireOperator(services.users, settings, "send a test notice");
  } catch (error) {
    if (error instanceof NotAnOperator) return { ok: false, message: error.message };
    throw error;
  }
  const preview = noticePreview(services, email);
  const notice = language === "es" ? preview.es : preview.en;
  if (!notice.ok) return { ok: false, message: `Not sent: ${notice.errors.join("; ")}.` };
  return mailTestNotice(services, settings, notice);
}
