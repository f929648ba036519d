/**
 * Looking badges up in Credly before anything is posted again: after an answer was lost (timeout,
 * 5xx after Credly acted), for a row found Issuing, and when Credly refuses a duplicate.
 */

import type { CredlyClient, CredlyError } from "../credly";
import { retryDecision } from "../credly";
import type { Badge } from "../credly/types";
import { badgeOfEntry } from "../domain/badge-match";
import type { Budget } from "./budget";
import type { IssueItem } from "./issuing-rows";
import type { Ledger } from "./ledger";
import type { Clock } from "./ports";

/** The entry's badge (null: Credly holds none for it), or why Credly could not be asked. */
export type LookupAnswer = { found: Badge | null } | { error: CredlyError };

export interface Patience {
  budget: Budget;
  clock: Clock;
  /** Time kept back from retries: a timed-out fetch alone costs about 60 s (apps-script.md, S). */
  reserveMs: number;
  random: () => number;
}

/**
 * One network failure fails a whole fetchAll (the runtime models apps-script.md's S fact), so
 * lookups go out in small groups: one slow answer then costs the group, not the batch.
 */
const LOOKUP_GROUP = 10;

const isAuth = (error: CredlyError) => error.kind === "invalidToken" || error.kind === "forbidden";

/**
 * Looks each item up by e-mail and template (one GET each, sent together with fetchAll), retrying
 * 429, 5xx and network failures with backoff while the slice has time. Every item gets an answer.
 */
export function lookupBadges(
  client: CredlyClient,
  items: readonly IssueItem[],
  ledger: Ledger,
  patience: Patience,
): Map<string, LookupAnswer> {
  const answers = new Map<string, LookupAnswer>();
  for (let start = 0; start < items.length; start += LOOKUP_GROUP) {
    const group = items.slice(start, start + LOOKUP_GROUP);
    lookupGroup(client, group, ledger, patience, answers);
    const stopped = group.find((item) => {
      const answer = answers.get(item.entryId);
      return answer && "error" in answer && isAuth(answer.error);
    });
    if (stopped) {
      const answer = answers.get(stopped.entryId)!;
      for (const item of items.slice(start + LOOKUP_GROUP)) answers.set(item.entryId, answer);
      break;
    }
  }
  return answers;
}

function lookupGroup(
  client: CredlyClient,
  group: readonly IssueItem[],
  ledger: Ledger,
  patience: Patience,
  answers: Map<string, LookupAnswer>,
): void {
  let pending = [...group];
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (patience.budget.exhausted(patience.reserveMs)) {
      const error: CredlyError = {
        kind: "network",
        cause: "time",
        message: "Not looked up in Credly yet: this run ran out of time; the next run looks again.",
      };
      for (const item of pending) answers.set(item.entryId, { error });
      return;
    }
    const results = client.findBadgesMany(
      pending.map((item) => ({ recipientEmail: item.email, templateId: item.templateId })),
    );
    const again: IssueItem[] = [];
    let lastTransient: CredlyError | null = null;
    for (let i = 0; i < pending.length; i++) {
      const item = pending[i];
      const result = results[i];
      if (result.ok) {
        const held = ledger.heldByOthers(
          item.entryId,
          result.value.map((b) => b.id),
        );
        const found = badgeOfEntry(
          result.value,
          { email: item.email, templateId: item.templateId, issuedAt: item.enteredAt },
          held,
        );
        answers.set(item.entryId, { found: found ? (found as Badge) : null });
      } else if (
        result.error.kind === "rateLimited" ||
        result.error.kind === "server" ||
        result.error.kind === "network"
      ) {
        lastTransient = result.error;
        again.push(item);
      } else {
        answers.set(item.entryId, { error: result.error });
      }
    }
    if (again.length === 0 || lastTransient === null) return;
    const decision = retryDecision({
      error: lastTransient,
      attempt,
      remainingMs: patience.budget.remainingMs() - patience.reserveMs,
      random: patience.random,
    });
    if (!decision.retry) {
      for (const item of again) answers.set(item.entryId, { error: lastTransient });
      return;
    }
    patience.clock.sleep(decision.delayMs);
    pending = again;
  }
}
