/**
 * Decisions: what BadgeDesk does with each entry of the month.
 *
 * Checks run in this order, and the first that applies decides:
 * 1. Needs fix — the entry breaks a rule (validate.ts); the reason lists every problem, "; "-joined.
 *    A vendor credential with a bad e-mail is also Needs fix: the student must still be reachable.
 * 2. Vendor badge — the credential's Badge Issuer is Vendor ("CompTIA issues its own badge").
 * 3. Already badged — the Ledger, or an earlier month's report, holds the same e-mail + template id.
 * 4. Badge.
 * Within a month the same student and credential entered twice is decided once: the earliest by
 * Entered At keeps its decision and the later one is Already badged, naming the first entry.
 */

import type { Catalog } from "./catalog";
import { credentialKey } from "./catalog";
import type { Entry } from "./entry";
import { validateEntry } from "./validate";
import { DECISION, type DecisionWord } from "./words";

export interface Decision {
  decision: DecisionWord;
  reason: string;
}

/** The key of a badge for duplicate checks: Credly refuses a second badge of a template per e-mail. */
export function badgeKey(email: string, templateId: string): string {
  return `${email.trim().toLowerCase()}|${templateId.trim()}`;
}

/**
 * Decides one entry. `ledgerKeys` are badgeKey()s of the Ledger; `earlierKeys` of entries decided
 * Badge in earlier reports (issued or not yet); `today` is the current day in the spreadsheet's
 * zone ("yyyy-MM-dd").
 */
export function decide(
  entry: Entry,
  catalog: Catalog,
  ledgerKeys: ReadonlySet<string>,
  earlierKeys: ReadonlySet<string>,
  today: string,
): Decision {
  const problems = validateEntry(entry, catalog, today);
  if (problems.length > 0) return { decision: DECISION.needsFix, reason: problems.join("; ") };
  const credential = catalog.find(entry.credential)!;
  if (credential.issuer === "Vendor") {
    return { decision: DECISION.vendorBadge, reason: `${credential.vendor || "The vendor"} issues its own badge` };
  }
  const key = badgeKey(entry.email, credential.templateId);
  if (ledgerKeys.has(key)) {
    return { decision: DECISION.alreadyBadged, reason: `The Ledger already holds this badge for ${entry.email}` };
  }
  if (earlierKeys.has(key)) {
    return {
      decision: DECISION.alreadyBadged,
      reason: `An earlier report already badges ${entry.email} for this credential`,
    };
  }
  return { decision: DECISION.badge, reason: "" };
}

export interface MonthContext {
  catalog: Catalog;
  ledgerKeys: ReadonlySet<string>;
  earlierKeys: ReadonlySet<string>;
  today: string;
  /**
   * Decisions that stand because the row was already acted on (a notice sent, a badge issued):
   * they are not decided again, and a kept Badge claims its student and credential first.
   */
  kept?: ReadonlyMap<string, Decision>;
}

/** Decides every entry of a month, by Entry ID. */
export function decideMonth(entries: readonly Entry[], context: MonthContext): Map<string, Decision> {
  const kept = context.kept ?? new Map<string, Decision>();
  const decisions = new Map<string, Decision>();
  const claimedBy = new Map<string, string>();
  const sameStudent = (entry: Entry) => `${entry.email}|${credentialKey(entry.credential)}`;

  for (const entry of entries) {
    const decision = kept.get(entry.entryId);
    if (decision?.decision === DECISION.badge && !claimedBy.has(sameStudent(entry))) {
      claimedBy.set(sameStudent(entry), entry.entryId);
    }
  }
  for (const entry of byEnteredAt(entries)) {
    const standing = kept.get(entry.entryId);
    if (standing) {
      decisions.set(entry.entryId, standing);
      continue;
    }
    const decision = decide(entry, context.catalog, context.ledgerKeys, context.earlierKeys, context.today);
    const first = claimedBy.get(sameStudent(entry));
    if (decision.decision === DECISION.badge && first !== undefined) {
      decisions.set(entry.entryId, {
        decision: DECISION.alreadyBadged,
        reason: `Same student and credential as entry ${first} this month`,
      });
      continue;
    }
    if (decision.decision === DECISION.badge) claimedBy.set(sameStudent(entry), entry.entryId);
    decisions.set(entry.entryId, decision);
  }
  return decisions;
}

/** Earliest first; entries without a stamp last; ties keep the sheet's order. */
export function byEnteredAt<T extends { enteredAt: Date | null }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const ta = a.entry.enteredAt ? a.entry.enteredAt.getTime() : Number.POSITIVE_INFINITY;
      const tb = b.entry.enteredAt ? b.entry.enteredAt.getTime() : Number.POSITIVE_INFINITY;
      return ta !== tb ? (ta < tb ? -1 : 1) : a.index - b.index;
    })
    .map((x) => x.entry);
}
