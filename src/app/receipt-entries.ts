/**
 * Entries as an instructor's message shows them: what was recorded, what is wrong with it now, and
 * the pre-filled link that corrects it. Read when the message goes, not when the line was queued:
 * an entry fixed in the meantime is shown fixed.
 */

import { catalogOf } from "../domain/catalog";
import { type Entry, readEntry, studentName } from "../domain/entry";
import { type PrefillTemplate, prefilledLink, prefillTemplate } from "../domain/prefill";
import type { ReceiptEntry } from "../domain/receipts";
import { validateEntry } from "../domain/validate";
import { credentialOf, rawEntryOf } from "../workbook/records";
import { CREDENTIALS } from "../workbook/schemas";
import { findRowsByEntryId, readTable, requireSheet } from "../workbook/table";
import { ENTRIES_BOOK } from "./entries-sheet";
import { CORRECTING_QUESTION, QUESTION } from "./form";
import type { Services } from "./ports";
import type { Settings } from "./settings";

export interface ReceiptEntries {
  /** The entry as the instructor's message shows it (student "" when it is gone from Entries). */
  get(entryId: string): ReceiptEntry;
  /** The entry as read from Entries, or null when it is gone. */
  entry(entryId: string): Entry | null;
}

/** The template, from one Forms call with a marker answer per question; null when links cannot be made. */
function linkTemplate(services: Services, formId: string, choices: string[]): PrefillTemplate | null {
  if (!formId) return null;
  const markers: Record<string, string> = {};
  Object.values(QUESTION).forEach((title, i) => {
    markers[title] = `badgedesk-marker-${i}`;
  });
  markers[QUESTION.dateEarned] = "2001-02-03";
  if (choices.length > 0) markers[QUESTION.credential] = choices[0];
  else delete markers[QUESTION.credential];
  markers[CORRECTING_QUESTION] = "badgedesk-marker-correcting";
  let url: string;
  try {
    url = services.forms.prefilledUrl(formId, markers);
  } catch {
    // A form made before corrections existed has no "Correcting Entry ID" question: a link to it
    // would add a second entry, so the message asks for a reply instead (receipts.ts says so).
    return null;
  }
  const template = prefillTemplate(url, markers);
  return template.names[CORRECTING_QUESTION] ? template : null;
}

/** Reads Entries and Credentials once; links are made lazily (most receipts need none). */
export function receiptEntries(services: Services, settings: Settings): ReceiptEntries {
  const { workbook, formatDate } = services;
  const zone = workbook.timeZone();
  const rows = findRowsByEntryId(readTable(requireSheet(workbook, ENTRIES_BOOK.sheet), ENTRIES_BOOK));
  const credentials = readTable(requireSheet(workbook, CREDENTIALS.sheet), CREDENTIALS).rows.map(credentialOf);
  const catalog = catalogOf(credentials);
  const choices = credentials.filter((c) => c.active && c.name !== "").map((c) => c.name);
  const today = formatDate(services.clock.now(), zone, "yyyy-MM-dd");
  let template: PrefillTemplate | null | undefined;
  const cache = new Map<string, Entry | null>();

  const entry = (entryId: string): Entry | null => {
    if (!cache.has(entryId)) {
      const row = rows.get(entryId);
      cache.set(entryId, row ? readEntry(rawEntryOf(row), zone, formatDate) : null);
    }
    return cache.get(entryId) ?? null;
  };

  const link = (e: Entry): string => {
    if (template === undefined) template = linkTemplate(services, settings.formId, choices);
    if (!template) return "";
    const credential = catalog.find(e.credential);
    return prefilledLink(template, {
      [QUESTION.instructorName]: e.instructorName,
      [QUESTION.site]: e.site,
      [QUESTION.program]: e.program,
      [QUESTION.firstName]: e.firstName,
      [QUESTION.lastName]: e.lastName,
      [QUESTION.email]: e.email,
      // A list question takes only one of its choices (ListItem.createResponse): else left to pick.
      [QUESTION.credential]: credential?.active ? credential.name : "",
      [QUESTION.dateEarned]: e.dateEarned ?? "",
      [CORRECTING_QUESTION]: e.entryId,
    });
  };

  return {
    entry,
    get(entryId) {
      const e = entry(entryId);
      if (!e) return { entryId, student: "", credential: "", dateEarned: "", problems: [], link: "" };
      const problems = validateEntry(e, catalog, today);
      return {
        entryId,
        student: studentName(e),
        credential: e.credential,
        dateEarned: e.dateEarned ?? e.dateEarnedText,
        problems,
        link: problems.length > 0 ? link(e) : "",
      };
    },
  };
}
