/**
 * Issue badges (menu "Issue badges…", and each slice of the monthly cycle): every row of the
 * month's report with Decision Badge, the notice Sent at least the configured delay ago, and no
 * badge yet, gets exactly one Credly badge.
 *
 * Exactly once: rows found Issuing are looked up in Credly before anything is posted; each batch is
 * marked Issuing and flushed before its one fetchAll; an answer that may hide a badge (timeout,
 * 5xx) is looked up before a retry; a duplicate refused by Credly is looked up and recorded.
 * Writes per batch: one for Issuing, one Ledger append, one for the results.
 */

import type { CredlyClient, CredlyError } from "../credly";
import { retryDecision } from "../credly";
import type { Badge } from "../credly/types";
import { monthLabel } from "../domain/month";
import { BADGE_STATUS } from "../domain/words";
import { type CellUpdate, writeCells } from "../workbook/write";
import { requireOperator } from "./access";
import { lookupBadges, type Patience } from "./badge-lookup";
import { type Budget, budget as sliceBudget } from "./budget";
import { credlyFor } from "./credly";
import { requestDashboardRebuild } from "./dashboard";
import { type IssueItem, readMonthRows } from "./issuing-rows";
import { type Ledger, type LedgerRecord, readLedger } from "./ledger";
import { writeLog } from "./log";
import type { Cell, Services } from "./ports";
import { writeProgress } from "./progress";
import { DEFAULT_SETTINGS, loadSettings } from "./settings";
import { fillGaps } from "./sheet-writes";

export interface IssueOptions {
  month: string;
  /** The slice's time box (the cycle hands in its own); a fresh 4.5-minute one by default. */
  budget?: Budget;
  /** Backoff jitter; seeded in tests. */
  random?: () => number;
}

export interface IssueResult {
  month: string;
  /** Badges recorded Issued by this call (new ones, and ones found in Credly for rows left Issuing). */
  issued: number;
  /** Of `issued`, rows left Issuing by an earlier run and found in Credly. */
  reconciled: number;
  /** Badges Credly refused as duplicates, found and recorded: the student holds them already. */
  alreadyHeld: number;
  failed: number;
  /** Rows ready now but not done in this call (time, a busy Credly, an answer not yet looked up). */
  remaining: number;
  /** Rows whose notice went out less than the delay ago. */
  waiting: number;
  /** When the first waiting row may be issued (ISO). */
  nextEligibleAt?: string;
  stoppedFor: null | "time" | "auth";
  message: string;
}

export const ALREADY_HELD = "Already held in Credly — recorded, not issued again";

/** A timed-out fetch costs about 60 s (apps-script.md, S): no network step starts with less left. */
const RESERVE_MS = 70_000;

const RESULT_HEADERS = ["Badge Status", "Badge Issued At", "Credly Badge ID", "Claim State", "Last Error"];

const isAuth = (error: CredlyError) => error.kind === "invalidToken" || error.kind === "forbidden";

/** Issues the month's due badges within the slice; safe to call again and again. */
export function issueBadges(services: Services, options: IssueOptions): IssueResult {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "issue badges");
  const client = credlyFor(services, settings);
  const slice = options.budget ?? sliceBudget(services.clock);
  const patience: Patience = {
    budget: slice,
    clock: services.clock,
    reserveMs: RESERVE_MS,
    random: options.random ?? Math.random,
  };
  const { month } = options;
  const rows = readMonthRows(services, month, services.clock.now(), settings.noticeDelayDays);
  const ledger = readLedger(services.workbook);
  const run = new IssueRun(services, client, ledger, rows, patience);

  run.reconcile();
  run.issueAll(Math.max(1, Math.floor(settings.batchSize) || DEFAULT_SETTINGS.batchSize));

  const result = run.result(month);
  if (result.issued > 0) requestDashboardRebuild(services);
  writeLog(services, {
    action: "Issue badges",
    counts: {
      month,
      issued: result.issued,
      "already held": result.alreadyHeld,
      failed: result.failed,
      remaining: result.remaining,
      waiting: result.waiting,
    },
    outcome: result.message,
  });
  writeProgress(services.scriptProperties, services.clock, {
    job: "Issue badges",
    phase: month,
    done: run.done,
    total: run.done + result.remaining,
    slice: 0,
    quotaLeft: null,
    message: result.message,
    finished: result.remaining === 0 && result.stoppedFor === null,
  });
  return result;
}

/** The state of one call: counts, the pending writes, and why it stopped. */
class IssueRun {
  issued = 0;
  reconciled = 0;
  alreadyHeld = 0;
  failed = 0;
  done = 0;
  /** Ready rows not attempted, plus rows put back or left Issuing for the next run. */
  left = 0;
  stop: { for: "time" | "auth"; message: string } | null = null;
  private queue: IssueItem[];
  private updates: CellUpdate[] = [];
  private records: LedgerRecord[] = [];

  constructor(
    private readonly services: Services,
    private readonly client: CredlyClient,
    private readonly ledger: Ledger,
    private readonly rows: ReturnType<typeof readMonthRows>,
    private readonly patience: Patience,
  ) {
    this.queue = [...rows.ready];
  }

  /** Rows left Issuing: found in Credly → Issued; not found → issued again below; unsure → left. */
  reconcile(): void {
    const open = this.fromLedger(this.rows.issuing);
    const askable = open.filter((item) => item.email && item.templateId);
    for (const item of open.filter((i) => !askable.includes(i))) this.failedRow(item, item.problem);
    if (askable.length > 0) {
      const answers = lookupBadges(this.client, askable, this.ledger, this.patience);
      const notIssued: IssueItem[] = [];
      for (const item of askable) {
        const answer = answers.get(item.entryId)!;
        if ("found" in answer) {
          if (answer.found) {
            this.issuedRow(item, answer.found, "");
            this.reconciled++;
          } else notIssued.push(item);
        } else {
          if (isAuth(answer.error)) this.stopFor("auth", answer.error.message);
          this.unsure(item, answer.error);
        }
      }
      this.queue = [...notIssued, ...this.queue];
    }
    this.writeResults();
  }

  issueAll(batchSize: number): void {
    this.queue = this.fromLedger(this.queue);
    this.writeResults();
    while (this.queue.length > 0 && !this.stop) {
      if (this.patience.budget.exhausted(RESERVE_MS)) {
        this.stopFor("time", "");
        break;
      }
      const batch = this.queue.splice(0, batchSize);
      const sendable = batch.filter((item) => item.request !== null);
      for (const item of batch.filter((i) => i.request === null)) this.failedRow(item, item.problem);
      this.markIssuing(sendable);
      this.send(sendable);
      this.writeResults();
      writeProgress(this.services.scriptProperties, this.services.clock, {
        job: "Issue badges",
        phase: "issuing",
        done: this.done,
        total: this.done + this.queue.length,
        slice: 0,
        quotaLeft: null,
        message: `Issued ${this.issued}, ${this.queue.length} to go`,
        finished: false,
      });
    }
    this.left += this.queue.length;
  }

  result(month: string): IssueResult {
    const { waiting, nextEligibleAt } = this.rows;
    const label = monthLabel(month);
    const parts = [
      `${this.issued} badge${this.issued === 1 ? "" : "s"} issued for ${label}`,
      ...(this.alreadyHeld > 0 ? [`${this.alreadyHeld} already held in Credly (recorded, not issued again)`] : []),
      ...(this.failed > 0 ? [`${this.failed} failed (see Last Error)`] : []),
      ...(this.left > 0 ? [`${this.left} left for the next run`] : []),
      ...(waiting > 0
        ? [`${waiting} wait for the notice delay${nextEligibleAt ? ` (from ${nextEligibleAt.toISOString()})` : ""}`]
        : []),
    ];
    const message = this.stop?.message ? `${this.stop.message} ${parts.join("; ")}.` : `${parts.join("; ")}.`;
    return {
      month,
      issued: this.issued,
      reconciled: this.reconciled,
      alreadyHeld: this.alreadyHeld,
      failed: this.failed,
      remaining: this.left,
      waiting,
      ...(nextEligibleAt ? { nextEligibleAt: nextEligibleAt.toISOString() } : {}),
      stoppedFor: this.stop?.for ?? null,
      message,
    };
  }

  /** Rows the Ledger already records are Issued from it, with no request to Credly. */
  private fromLedger(items: IssueItem[]): IssueItem[] {
    const rest: IssueItem[] = [];
    for (const item of items) {
      const row = this.ledger.rowByEntry.get(item.entryId);
      if (!row) {
        rest.push(item);
        continue;
      }
      const issuedAt = row.get("Issued At");
      this.update(item, {
        "Badge Status": BADGE_STATUS.issued,
        "Badge Issued At": issuedAt instanceof Date ? issuedAt : this.services.clock.now(),
        "Credly Badge ID": String(row.get("Credly Badge ID")),
        "Claim State": String(row.get("Claim State")),
        "Last Error": "",
      });
      this.issued++;
    }
    return rest;
  }

  private markIssuing(items: IssueItem[]): void {
    if (items.length === 0) return;
    const { sheet, table } = this.rows;
    const updates = items.map((item) => ({
      rowNumber: item.rowNumber,
      values: { "Badge Status": BADGE_STATUS.issuing },
    }));
    writeCells(sheet, table, fillGaps(table, updates, ["Badge Status"]));
    // Issuing must be on the sheet before Credly acts: a run that dies next finds it and looks up.
    this.services.workbook.flush();
  }

  /** Sends the batch, retrying what is safe to retry, until every row is settled or time runs out. */
  private send(batch: IssueItem[]): void {
    let toSend = batch;
    for (let attempt = 1; toSend.length > 0; attempt++) {
      const outcomes = this.client.issueBadges(toSend.map((item) => item.request!));
      const again: IssueItem[] = [];
      const toLookUp: Array<{ item: IssueItem; duplicate: boolean; error: CredlyError }> = [];
      let transient: CredlyError | null = null;
      let auth: CredlyError | null = null;
      for (let i = 0; i < toSend.length; i++) {
        const item = toSend[i];
        const outcome = outcomes[i];
        if (outcome.ok) {
          this.issuedRow(item, outcome.badge, "");
          continue;
        }
        const { error } = outcome;
        if (error.kind === "duplicate") toLookUp.push({ item, duplicate: true, error });
        else if (outcome.unknown) toLookUp.push({ item, duplicate: false, error });
        else if (error.kind === "rateLimited") {
          transient = error;
          again.push(item);
        } else if (isAuth(error)) {
          auth = error;
          again.push(item);
        } else this.failedRow(item, error.message, credlyReason(error));
      }

      if (toLookUp.length > 0) {
        const answers = lookupBadges(
          this.client,
          toLookUp.map((l) => l.item),
          this.ledger,
          this.patience,
        );
        for (const { item, duplicate, error } of toLookUp) {
          const answer = answers.get(item.entryId)!;
          if ("error" in answer) {
            if (isAuth(answer.error)) auth = answer.error;
            this.unsure(item, answer.error);
          } else if (answer.found) {
            this.issuedRow(item, answer.found, duplicate ? ALREADY_HELD : "");
            if (duplicate) this.alreadyHeld++;
          } else if (duplicate) {
            this.failedRow(
              item,
              `${error.message} No badge of this template for ${item.email} was found in Credly: the student may hold it under another address; check in Credly.`,
              "Credly says the student already holds this badge",
            );
          } else {
            transient = error;
            again.push(item);
          }
        }
      }

      if (auth) {
        for (const item of again) this.putBack(item, "");
        this.stopFor("auth", (auth as CredlyError).message);
        return;
      }
      if (again.length === 0 || transient === null) return;
      const decision = retryDecision({
        error: transient,
        attempt,
        remainingMs: this.patience.budget.remainingMs() - RESERVE_MS,
        random: this.patience.random,
      });
      if (!decision.retry) {
        const why = (transient as CredlyError).message;
        for (const item of again) this.putBack(item, why);
        if (decision.reason === "time") this.stopFor("time", "");
        return;
      }
      this.services.clock.sleep(decision.delayMs);
      toSend = again;
    }
  }

  private issuedRow(item: IssueItem, badge: Badge, note: string): void {
    const now = this.services.clock.now();
    this.update(item, {
      "Badge Status": BADGE_STATUS.issued,
      "Badge Issued At": now,
      "Credly Badge ID": badge.id,
      "Claim State": badge.state,
      "Last Error": note,
    });
    this.records.push({
      entryId: item.entryId,
      email: item.email,
      templateId: item.templateId,
      badgeId: badge.id,
      issuedAt: now,
      claimState: badge.state,
      claimCheckedAt: now,
    });
    this.issued++;
    this.done++;
  }

  private failedRow(item: IssueItem, lastError: string, reason?: string): void {
    this.update(
      item,
      {
        "Badge Status": BADGE_STATUS.failed,
        "Badge Issued At": "",
        "Credly Badge ID": "",
        "Claim State": "",
        "Last Error": `${lastError} Then clear Badge Status to issue it again.`,
      },
      reason ?? lastError,
    );
    this.failed++;
    this.done++;
  }

  /** Credly did not act on it (429, 5xx before acting, looked up and not found): issued next run. */
  private putBack(item: IssueItem, why: string): void {
    this.update(item, {
      "Badge Status": BADGE_STATUS.none,
      "Badge Issued At": "",
      "Credly Badge ID": "",
      "Claim State": "",
      "Last Error": why ? `${why} (not issued yet: the next run sends it)` : "",
    });
    this.left++;
  }

  /** Credly may hold the badge and could not be asked: the row stays Issuing for the next run to look up. */
  private unsure(item: IssueItem, error: CredlyError): void {
    this.update(item, {
      "Badge Status": BADGE_STATUS.issuing,
      "Badge Issued At": "",
      "Credly Badge ID": "",
      "Claim State": "",
      "Last Error": `Credly's answer was lost and the lookup failed (${error.message}) The next run looks it up before sending again.`,
    });
    this.left++;
  }

  private update(item: IssueItem, values: Record<string, Cell>, reason?: string): void {
    this.updates.push({ rowNumber: item.rowNumber, values });
    if (reason !== undefined) this.updates.push({ rowNumber: item.rowNumber, values: { Reason: reason } });
  }

  private stopFor(why: "time" | "auth", message: string): void {
    if (this.stop) return;
    const text =
      why === "auth"
        ? `Issuing stopped: ${message} Fix it in Settings, then run Issue badges again; rows not sent are left as they were.`
        : "This run used its time; the rest continues in the next run.";
    this.stop = { for: why, message: text };
  }

  /** The Ledger first: a run that dies before the report write finds the row Issuing, and the Ledger has it. */
  private writeResults(): void {
    if (this.records.length > 0) this.ledger.append(this.records);
    const main = this.updates.filter((u) => !("Reason" in u.values));
    const reasons = this.updates.filter((u) => "Reason" in u.values);
    const { sheet, table } = this.rows;
    if (main.length > 0) writeCells(sheet, table, fillGaps(table, main, RESULT_HEADERS));
    if (reasons.length > 0) writeCells(sheet, table, reasons);
    this.updates = [];
    this.records = [];
  }
}

/** The Needs fix-style reason of a refusal. */
function credlyReason(error: CredlyError): string {
  if (error.kind === "validation") return `Credly refused the badge: ${error.credlyMessage}`;
  return `Credly refused the badge: ${error.message}`;
}
