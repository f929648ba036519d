/** The body of Credly's "issue a badge" request (POST /v1/organizations/{org}/badges). */

import type { DateFormatter } from "../app/ports";
import { earnerId } from "./earner-id";
import type { Entry } from "./entry";

export interface BadgeRequest {
  recipient_email: string;
  issued_to_first_name: string;
  issued_to_last_name: string;
  badge_template_id: string;
  /** Credly's documented form, local time with offset: "2026-11-03 09:41:00 -0600". */
  issued_at: string;
  issuer_earner_id: string;
  /** The language of Credly's e-mail to the student. */
  locale: "en" | "es-US";
  /** Credly e-mails the student unless this is true (default false; BadgeDesk never sets it). */
  suppress_badge_notification_email?: boolean;
}

/**
 * The request for an entry. The issue date is the entry's Entered At (DESIGN.md: the stamp decides
 * the month and is the badge's issue date), in the spreadsheet's zone.
 */
export function badgeRequest(
  entry: Entry,
  templateId: string,
  timeZone: string,
  formatDate: DateFormatter,
): BadgeRequest {
  if (!entry.enteredAt) throw new Error(`Entry ${entry.entryId} has no Entered At: it cannot be badged`);
  return {
    recipient_email: entry.email,
    issued_to_first_name: entry.firstName,
    issued_to_last_name: entry.lastName,
    badge_template_id: templateId,
    issued_at: formatDate(entry.enteredAt, timeZone, "yyyy-MM-dd HH:mm:ss Z"),
    issuer_earner_id: earnerId(entry.email),
    locale: entry.language === "es" ? "es-US" : "en",
  };
}
