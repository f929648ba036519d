/**
 * A month ready for badges, typed into the workbook through the host (as the report and notices
 * runs would leave it): Entries, Credentials with the demo sandbox's template ids, an empty
 * Ledger and Log, and the report tab "Badges 2026-11" whose Badge rows have their notice Sent.
 */
import { execFileSync } from "node:child_process";
import { type Runtime, spreadsheetOf } from "../../local/runtime";
import type { Sandbox } from "../../local/credly-sandbox/launcher";
import type { BadgeRecord } from "../../local/credly-sandbox/store";
import { REPORT_HEADERS } from "../../src/domain/report";
import { CREDENTIALS, ENTRIES, LEDGER, LOG } from "../../src/workbook/schemas";
import { DEMO_ORG } from "./harness";

export const MONTH = "2026-11";
export const REPORT = `Badges ${MONTH}`;
/** Templates of local/credly-sandbox/demo-seed.json: two that refuse duplicates, one archived. */
export const TEMPLATE_ONE = "5a1c0d2e-1111-4c3b-8d9e-000000000001";
export const TEMPLATE_TWO = "5a1c0d2e-1111-4c3b-8d9e-000000000002";
export const TEMPLATE_ARCHIVED = "5a1c0d2e-1111-4c3b-8d9e-000000000004";
/** Notices went out on Dec 1; the runs happen on Dec 3 (past the default 2-day delay). */
export const NOTICE_SENT_AT = new Date("2026-12-01T15:00:00Z");
export const ISSUE_DAY = new Date("2026-12-03T15:00:00Z");

export interface Student {
  entryId: string;
  first: string;
  last: string;
  email: string;
  credential: string;
  templateId: string;
  enteredAt: Date;
}

const CREDENTIAL_OF: Record<string, string> = {
  [TEMPLATE_ONE]: "Welding Technician",
  [TEMPLATE_TWO]: "Florist Assistant",
  [TEMPLATE_ARCHIVED]: "Small Gas Engine Technician",
};

/** `count` students, alternating between the two live templates unless `templateOf` says otherwise. */
export function students(count: number, templateOf: (i: number) => string = (i) => (i % 2 ? TEMPLATE_TWO : TEMPLATE_ONE)) {
  return Array.from({ length: count }, (_, i): Student => {
    const templateId = templateOf(i);
    return {
      entryId: `E-${String(i + 1).padStart(4, "0")}`,
      first: `Student${i + 1}`,
      last: i % 7 === 0 ? "-Dash" : "Okafor",
      email: `student${i + 1}@school.example`,
      credential: CREDENTIAL_OF[templateId],
      templateId,
      enteredAt: new Date(Date.UTC(2026, 10, 3, 14, 0) + i * 60_000),
    };
  });
}

/** Writes the month's sheets. A vendor row sits between Badge rows, as in a real report. */
export function typeMonth(runtime: Runtime, list: readonly Student[]): void {
  const book = spreadsheetOf(runtime);
  for (const name of ["Entries", "Credentials", "Ledger", "Log", REPORT]) {
    if (!book.sheet(name)) book.insertSheet(name);
  }
  book.setValues("Entries", 1, 1, [
    [...ENTRIES.headers, "Language"],
    ...list.map((s, i) => [
      s.entryId,
      s.enteredAt,
      s.first,
      s.last,
      s.email,
      s.credential,
      "2026-11-02",
      "Trade and Industrial",
      "Central Tech",
      "Pat Instructor",
      "pat@centraltech.example",
      "Form",
      i % 5 === 0 ? "es" : "en",
    ]),
  ]);
  book.setValues("Credentials", 1, 1, [
    [...CREDENTIALS.headers],
    ["Welding Technician", "CareerTech", "Agency", TEMPLATE_ONE, "Yes"],
    ["Florist Assistant", "CareerTech", "Agency", TEMPLATE_TWO, "Yes"],
    ["Small Gas Engine Technician", "CareerTech", "Agency", TEMPLATE_ARCHIVED, "Yes"],
    ["CompTIA A+", "CompTIA", "Vendor", "", "Yes"],
  ]);
  book.setValues("Ledger", 1, 1, [[...LEDGER.headers]]);
  book.setValues("Log", 1, 1, [[...LOG.headers]]);
  const row = (s: Student) => ({
    "Entry ID": s.entryId,
    "Entered At": s.enteredAt,
    Student: `${s.first} ${s.last}`,
    "Student Email": s.email,
    Credential: s.credential,
    Vendor: "CareerTech",
    Site: "Central Tech",
    Decision: "Badge",
    "Notice Status": "Sent",
    "Notice Sent At": NOTICE_SENT_AT,
  });
  const vendorRow = (i: number) => ({
    "Entry ID": `V-${i}`,
    Student: "Vendor Student",
    "Student Email": `vendor${i}@school.example`,
    Credential: "CompTIA A+",
    Vendor: "CompTIA",
    Decision: "Vendor badge",
    "Notice Status": "Not needed",
  });
  const rows: Record<string, unknown>[] = [];
  list.forEach((s, i) => {
    rows.push(row(s));
    if (i % 10 === 9) rows.push(vendorRow(i));
  });
  book.setValues(REPORT, 1, 1, [
    [`Badges for November 2026 — ${list.length} to badge`],
    [""],
    [...REPORT_HEADERS],
    ...rows.map((r) => REPORT_HEADERS.map((h) => (r[h] ?? "") as never)),
  ]);
}

/** Badges the sandbox holds for the demo organization (the earner's side is not in the count). */
export async function credlyBadges(sandbox: Sandbox): Promise<BadgeRecord[]> {
  return (await sandbox.admin.badges()).filter((b) => b.organization_id === DEMO_ORG);
}

/** Each (e-mail, template) → how many badges Credly holds for it. */
export function badgesPerStudent(badges: readonly BadgeRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of badges) {
    const key = `${b.recipient_email}|${b.badge_template_id}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The organization's admin revokes the write token, from inside a running execution. The runtime
 * is synchronous (its fetches wait on a worker), so this goes out from a child process: curl to the
 * sandbox's admin routes, which keeps every badge and drops the token.
 */
export function revokeWriteTokenNow(sandbox: Sandbox): void {
  const state = JSON.parse(execFileSync("curl", ["-s", `${sandbox.url}/_admin/state`], { encoding: "utf8" }));
  const seed = {
    ...state.seed,
    organizations: state.seed.organizations.map((o: { tokens: { token: string }[] }) => ({
      ...o,
      tokens: o.tokens.filter((t) => t.token !== "demo-write-token"),
    })),
    badges: state.badges,
  };
  execFileSync(
    "curl",
    ["-s", "-X", "POST", "-H", "content-type: application/json", "--data-binary", "@-", `${sandbox.url}/_admin/reset`],
    { input: JSON.stringify({ seed }), encoding: "utf8" },
  );
}
