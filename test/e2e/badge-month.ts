/**
 * A month ready for badges, typed into the workbook through the host (as the report and notices
 * runs would leave it): Entries, Credentials with the demo sandbox's template ids, an empty
 * Ledger and Log, and the report tab "Badges 2026-11" whose Badge rows have their notice Sent.
 */
import { execFileSync } from "node:child_process";
import type { Sandbox } from "../../local/credly-sandbox/launcher";
import type { BadgeRecord } from "../../local/credly-sandbox/store";
import { DEMO_ORG, type World } from "./harness";

export const MONTH = "2026-11";
export const REPORT = `Badges ${MONTH}`;
/** Templates of local/credly-sandbox/demo-seed.json: two that refuse duplicates, one archived. */
export const TEMPLATE_ONE = "5a1c0d2e-1111-4c3b-8d9e-000000000001";
export const TEMPLATE_TWO = "5a1c0d2e-1111-4c3b-8d9e-000000000002";
export const TEMPLATE_ARCHIVED = "5a1c0d2e-1111-4c3b-8d9e-000000000004";
/** The day of the runs: the notices go out, and (with no delay) the badges. */
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
export function students(
  count: number,
  templateOf: (i: number) => string = (i) => (i % 2 ? TEMPLATE_TWO : TEMPLATE_ONE),
) {
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

/**
 * The month as the specialist's own runs leave it: Set up workbook, the entries typed in (every
 * tenth student also earned a vendor-badged credential), the monthly report built from the menu,
 * and every notice sent (slices continue until done).
 */
export function prepareMonth(w: World, list: readonly Student[]): void {
  w.run("setUpWorkbook");
  w.type("Credentials", [
    {
      Credential: "Welding Technician",
      Vendor: "CareerTech",
      "Badge Issuer": "Agency",
      "Credly Template ID": TEMPLATE_ONE,
      Active: "Yes",
    },
    {
      Credential: "Florist Assistant",
      Vendor: "CareerTech",
      "Badge Issuer": "Agency",
      "Credly Template ID": TEMPLATE_TWO,
      Active: "Yes",
    },
    {
      Credential: "Small Gas Engine Technician",
      Vendor: "CareerTech",
      "Badge Issuer": "Agency",
      "Credly Template ID": TEMPLATE_ARCHIVED,
      Active: "Yes",
    },
    { Credential: "CompTIA A+", Vendor: "CompTIA", "Badge Issuer": "Vendor", "Credly Template ID": "", Active: "Yes" },
  ]);
  const entry = (s: Student, credential: string, entryId: string, i: number) => ({
    "Entry ID": entryId,
    "Entered At": s.enteredAt,
    "Student First Name": s.first,
    "Student Last Name": s.last,
    "Student Email": s.email,
    Credential: credential,
    "Date Earned": new Date(Date.UTC(2026, 10, 2, 6)),
    Program: "Trade and Industrial",
    Site: "Central Tech",
    "Instructor Name": "Pat Instructor",
    "Instructor Email": "pat@centraltech.example",
    Source: "Form",
    Language: i % 5 === 0 ? "es" : "en",
  });
  w.type(
    "Entries",
    list.flatMap((s, i) => [
      entry(s, s.credential, s.entryId, i),
      ...(i % 10 === 9 ? [entry(s, "CompTIA A+", `V-${s.entryId}`, i)] : []),
    ]),
  );
  w.run("buildMonthlyReport");
  let sent = w.run("sendNotices", MONTH) as { stoppedFor: string | null };
  for (let slice = 0; sent?.stoppedFor === "time" && slice < 20; slice++) {
    w.runtime.clock.advance(60_000);
    sent = w.run("continueSendingNotices") as { stoppedFor: string | null };
  }
  const unsent = w.rows(REPORT, "Entry ID").filter((r) => r.Decision === "Badge" && r["Notice Status"] !== "Sent");
  if (unsent.length > 0) throw new Error(`${unsent.length} notices were not sent: ${JSON.stringify(sent)}`);
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
