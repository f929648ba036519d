/**
 * What must hold after every chaos run, whatever went wrong on the way (issue #14):
 * - each Badge entry has exactly one Credly badge and its student one notice, or a named final
 *   error a person can act on (Failed / Sending / Issuing with Last Error);
 * - no entry of the month is missing from its report (except a row a person deleted);
 * - every Ledger row matches a Credly badge; Credly holds no two badges for one (e-mail, template);
 * - never more than 20 triggers; no token in any cell, log line or e-mail.
 */
import type { BadgeRecord } from "../../local/credly-sandbox/store";
import { CATALOG, demoOrganization } from "../../local/demo";
import { outboxOf, spreadsheetOf } from "../../local/runtime";
import { SPECIALIST, WRITE_TOKEN } from "../e2e/harness";
import type { ChaosOutcome } from "./run";
import { MONTH, REPORT } from "./run";

export interface Verdict {
  violations: string[];
  badgeRows: number;
  notifiedAndBadged: number;
  namedErrors: number;
  duplicates: number;
  lost: number;
}

type Row = Record<string, unknown>;

function table(outcome: ChaosOutcome, sheet: string, first: string): Row[] {
  const book = spreadsheetOf(outcome.runtime);
  if (!book.sheet(sheet)) return [];
  const values = book.values(sheet);
  const header = values.findIndex((r) => r[0] === first);
  if (header < 0) return [];
  const names = values[header].map(String);
  return values
    .slice(header + 1)
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => Object.fromEntries(names.map((h, i) => [h, r[i]])));
}

const templateOf = new Map(CATALOG.map((c) => [c.credential.toLowerCase(), c.templateId]));
const text = (v: unknown) => String(v ?? "").trim();

export function judge(outcome: ChaosOutcome, credlyBadges: readonly BadgeRecord[]): Verdict {
  const violations: string[] = [];
  const org = demoOrganization().id;
  const badges = credlyBadges.filter((b) => b.organization_id === org && b.state !== "revoked");
  const report = table(outcome, REPORT, "Entry ID");
  const entries = table(outcome, "Entries", "Entry ID");
  const ledger = table(outcome, "Ledger", "Entry ID");
  const byId = new Map(report.map((r) => [text(r["Entry ID"]), r]));

  if (!outcome.finished)
    violations.push("the cycle did not finish November (nor stop for a person) by 2026-12-31: it stalled");
  for (const error of outcome.errors) violations.push(`execution failed: ${error}`);

  // No entry lost: every Entries row entered in the month is in the report.
  let lost = 0;
  const monthOf = (d: unknown) =>
    d instanceof Date || Object.prototype.toString.call(d) === "[object Date]"
      ? new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit" }).format(
          d as Date,
        )
      : "";
  for (const entry of entries) {
    const id = text(entry["Entry ID"]);
    if (monthOf(entry["Entered At"]) !== MONTH || outcome.deletedByPerson.has(id)) continue;
    if (!byId.has(id)) {
      lost += 1;
      violations.push(`entry ${id} (${text(entry["Student Email"])}) is missing from ${REPORT}`);
    }
  }
  for (const email of outcome.formEmails) {
    if (!entries.some((e) => text(e["Student Email"]) === email)) {
      lost += 1;
      violations.push(`the form submission of ${email} never became an entry`);
    }
  }

  // No duplicate in Credly for (e-mail, template).
  const held = new Map<string, BadgeRecord[]>();
  for (const b of badges) {
    const key = `${b.recipient_email.toLowerCase()}|${b.badge_template_id}`;
    held.set(key, [...(held.get(key) ?? []), b]);
  }
  let duplicates = 0;
  for (const [key, list] of held) {
    if (list.length > 1) {
      duplicates += list.length - 1;
      violations.push(`Credly holds ${list.length} badges for ${key}`);
    }
  }

  // Each Badge row: one badge and one notice, or a named final error.
  const notices = new Map<string, number>();
  for (const m of outboxOf(outcome.runtime).messages) {
    if (m.to.includes(SPECIALIST)) continue;
    for (const to of m.to) notices.set(to.toLowerCase(), (notices.get(to.toLowerCase()) ?? 0) + 1);
  }
  const badgeRows = report.filter((r) => r.Decision === "Badge");
  let done = 0;
  let named = 0;
  for (const row of badgeRows) {
    const id = text(row["Entry ID"]);
    const email = text(row["Student Email"]).toLowerCase();
    const template = templateOf.get(text(row.Credential).toLowerCase()) ?? "";
    const sent = notices.get(email) ?? 0;
    const inCredly = held.get(`${email}|${template}`)?.length ?? 0;
    if (sent > 1) violations.push(`${id}: ${email} got ${sent} notices`);
    const finalError =
      text(row["Last Error"]) !== "" && /Failed|Sending|Issuing/.test(`${row["Notice Status"]} ${row["Badge Status"]}`);
    if (row["Notice Status"] === "Sent" && row["Badge Status"] === "Issued" && sent === 1 && inCredly === 1) {
      if (text(row["Credly Badge ID"]) === "") violations.push(`${id}: Issued with no Credly Badge ID`);
      done += 1;
    } else if (finalError) named += 1;
    else
      violations.push(
        `${id}: Notice ${text(row["Notice Status"]) || "blank"} (${sent} sent), Badge ${text(row["Badge Status"]) || "blank"} (${inCredly} in Credly), Last Error "${text(row["Last Error"])}"`,
      );
  }

  // Every Ledger row matches a Credly badge.
  const byBadgeId = new Map(badges.map((b) => [b.id, b]));
  for (const row of ledger) {
    const badge = byBadgeId.get(text(row["Credly Badge ID"]));
    if (!badge)
      violations.push(`Ledger ${text(row["Entry ID"])}: badge ${text(row["Credly Badge ID"])} is not in Credly`);
    else if (
      badge.recipient_email.toLowerCase() !== text(row["Student Email"]).toLowerCase() ||
      badge.badge_template_id !== text(row["Credly Template ID"])
    )
      violations.push(`Ledger ${text(row["Entry ID"])}: Credly's badge ${badge.id} is for someone or something else`);
  }

  if (outcome.mostTriggers > 20) violations.push(`${outcome.mostTriggers} triggers at once (Apps Script allows 20)`);

  // No token anywhere a person or a log can see.
  const book = spreadsheetOf(outcome.runtime);
  for (const sheet of book.sheetNames()) {
    if (JSON.stringify(book.values(sheet)).includes(WRITE_TOKEN))
      violations.push(`the Credly token is in sheet ${sheet}`);
  }
  for (const e of outcome.runtime.executions) {
    if (e.logs.some((line) => line.includes(WRITE_TOKEN)) || String(e.error ?? "").includes(WRITE_TOKEN))
      violations.push(`the Credly token is in the log of ${e.functionName} #${e.id}`);
  }
  if (JSON.stringify(outboxOf(outcome.runtime).messages).includes(WRITE_TOKEN))
    violations.push("the Credly token is in an e-mail");

  return { violations, badgeRows: badgeRows.length, notifiedAndBadged: done, namedErrors: named, duplicates, lost };
}
