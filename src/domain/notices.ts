/**
 * Notices: one e-mail per student (and language) per month, listing every credential they earned,
 * sent before Credly's own e-mail so the student knows what it is.
 */

import type { Entry, Language } from "./entry";
import { type Composed, composeMessage, type MergeValues, type NoticeTemplate } from "./merge";
import { monthLabel } from "./month";
import type { ReportRow } from "./report";
import { DECISION, NOTICE_STATUS } from "./words";

export interface Notice {
  email: string;
  language: Language;
  /** From the student's first entry of the month, as typed there. */
  firstName: string;
  lastName: string;
  site: string;
  /** Each credential once, in report order ("Name (Vendor)" in a vendor note). */
  credentials: string[];
  /** The report rows this notice covers: their Notice Status moves together. */
  entryIds: string[];
}

/** Not part of any row: the specialist's settings. */
export interface NoticeSettings {
  agencyName: string;
  senderName: string;
  /** The report's month, "yyyy-MM". */
  month: string;
}

const DUE: readonly string[] = [NOTICE_STATUS.none, NOTICE_STATUS.failed];

/**
 * The notices still to send: rows with the decision (Badge, or Vendor badge for the vendor note)
 * whose Notice Status is blank or Failed, grouped by student e-mail and language. A row whose entry
 * is no longer in Entries is left out: its names and language are gone with it.
 */
export function groupNotices(
  rows: readonly ReportRow[],
  entriesById: ReadonlyMap<string, Entry>,
  decision: typeof DECISION.badge | typeof DECISION.vendorBadge = DECISION.badge,
): Notice[] {
  const notices = new Map<string, Notice>();
  for (const row of rows) {
    if (row.Decision !== decision || !DUE.includes(String(row["Notice Status"]))) continue;
    const entryId = String(row["Entry ID"]);
    const entry = entriesById.get(entryId);
    if (!entry) continue;
    const email = String(row["Student Email"]).trim().toLowerCase();
    const key = `${email}|${entry.language}`;
    const notice = notices.get(key) ?? {
      email,
      language: entry.language,
      firstName: entry.firstName,
      lastName: entry.lastName,
      site: entry.site,
      credentials: [],
      entryIds: [],
    };
    const credential =
      decision === DECISION.vendorBadge && String(row.Vendor) !== ""
        ? `${row.Credential} (${row.Vendor})`
        : String(row.Credential);
    if (!notice.credentials.includes(credential)) notice.credentials.push(credential);
    notice.entryIds.push(entryId);
    notices.set(key, notice);
  }
  return Array.from(notices.values());
}

export function noticeValues(notice: Notice, settings: NoticeSettings): MergeValues {
  return {
    firstName: notice.firstName,
    lastName: notice.lastName,
    credentials: notice.credentials,
    site: notice.site,
    agencyName: settings.agencyName,
    month: monthLabel(settings.month, notice.language),
    senderName: settings.senderName,
  };
}

/** The message for a notice in its language, or the errors that stop it from being sent. */
export function composeNotice(
  notice: Notice,
  settings: NoticeSettings,
  templates: Readonly<Record<Language, NoticeTemplate>>,
): Composed {
  return composeMessage(templates[notice.language], noticeValues(notice, settings));
}
