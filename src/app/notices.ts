/**
 * Sending the month's notices (issue #7): one e-mail per student listing every credential they
 * earned, before Credly's own e-mail arrives.
 *
 * Exactly once: a batch of students' rows is marked Sending and flushed before any of their
 * messages leaves, and marked Sent (with the time) after. A row found Sending at the start was
 * left by a run that was killed mid-batch: its message may or may not have gone, so it is never
 * sent again blindly — it is reported for a person to check, and its student waits.
 *
 * Quotas: the daily mail quota is read once per batch and a batch never takes more students than
 * it allows; each slice stops taking students when its time budget is nearly spent. Either way the
 * run stops cleanly and a later call (the next slice, or after the quota resets) goes on.
 */

import { composeNotice, type NoticeSettings } from "../domain/notices";
import { NOTICE_STATUS } from "../domain/words";
import { writeByEntryId } from "../workbook/write-by-id";
import { requireOperator } from "./access";
import type { Budget } from "./budget";
import { writeLog } from "./log";
import { type MonthNotices, monthNotices, type PlannedNotice } from "./notice-plan";
import { loadTemplates, type NoticeTemplates, templateProblems } from "./notice-templates";
import type { Cell, MailMessage, Services } from "./ports";
import { nextQuotaReset } from "./quota-day";
import { loadSettings, type Settings } from "./settings";

/** Students per batch: one write marks a batch Sending, so a kill leaves at most this many to check. */
export const BATCH_STUDENTS = 50;
/** Time kept back in a slice for the last write, the flush and the Log line (a message takes ~1 s). */
export const RESERVE_MS = 15_000;

/** Last Error of a row a killed run left Sending (the words a person acts on). */
export const STUCK_MESSAGE = "Notice may have been sent — check the outbox, then set Notice Status to Sent or clear it";

export interface SendNoticesOptions {
  /** The report's month, "yyyy-MM". */
  month: string;
  budget: Budget;
  /** After each batch, for the progress sidebar: students done in this call, of `total`. */
  onBatch?: (done: number, total: number, quotaLeft: number) => void;
}

export interface SendNoticesResult {
  month: string;
  /** Messages sent by this call. */
  sent: number;
  /** Report rows marked Sent by this call. */
  rows: number;
  /** Report rows marked Not needed by this call. */
  notNeeded: number;
  /** Report rows marked Failed by this call (Last Error says why; the next call tries again). */
  failed: number;
  /** Entry IDs an earlier run left Sending: a person checks the outbox and sets them. */
  stuck: string[];
  /** Students with a row left Sending: none of their notices goes until a person has checked. */
  held: number;
  /** Students still to notify (not tried in this call). */
  remaining: number;
  stoppedFor: null | "time" | "quota";
  /** Mail quota left today after this call. */
  quotaLeft: number;
  /** ISO time the quota should be back, when the quota stopped the run. */
  resumeAfter?: string;
  /** The first few reasons a notice could not be sent. */
  errors: string[];
}

type Updates = Map<string, Record<string, Cell>>;

function isNoticeError(text: Cell): boolean {
  return String(text).startsWith("Notice");
}

/** A mail error that means the day's quota is spent (Google's text, apps-script.md). */
function isQuotaError(error: unknown): boolean {
  return /too many times for one day|daily quota|Limit Exceeded: Email/i.test(String(error));
}

function message(
  settings: Settings,
  to: string,
  composed: { subject: string; html: string; text: string },
): MailMessage {
  return {
    to,
    subject: composed.subject,
    textBody: composed.text,
    htmlBody: composed.html,
    name: settings.senderName,
    replyTo: settings.replyTo || undefined,
    from: settings.aliasFrom || undefined,
  };
}

/**
 * Sends the month's due notices, in batches, until done, out of time or out of quota. Safe to
 * call again and again: each call goes on where the last stopped. Operators only. A template with
 * an unknown merge field stops the run before anything is written or sent.
 */
export function sendNotices(services: Services, options: SendNoticesOptions): SendNoticesResult {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "send notices");
  const loaded = loadTemplates(services.workbook);
  const problems = templateProblems(loaded, settings.vendorNoteEnabled ? ["notice", "vendorNote"] : ["notice"]);
  if (problems.length > 0) {
    const text = `No notices sent: ${problems.join(" ")}`;
    writeLog(services, { action: `Send notices ${options.month}`, outcome: text });
    throw new Error(text);
  }
  const plan = monthNotices(services, options.month, settings.vendorNoteEnabled);
  return new NoticeRun(services, settings, loaded.templates, plan, options).run();
}

class NoticeRun {
  private readonly pending: Updates = new Map();
  private readonly result: SendNoticesResult;
  private readonly noticeSettings: NoticeSettings;

  constructor(
    private readonly services: Services,
    private readonly settings: Settings,
    private readonly templates: NoticeTemplates,
    private readonly plan: MonthNotices,
    private readonly options: SendNoticesOptions,
  ) {
    this.noticeSettings = { agencyName: settings.agencyName, senderName: settings.senderName, month: plan.month };
    this.result = {
      month: plan.month,
      sent: 0,
      rows: 0,
      notNeeded: 0,
      failed: 0,
      stuck: plan.stuck,
      held: plan.stuckStudents,
      remaining: plan.due.length,
      stoppedFor: null,
      quotaLeft: 0,
      errors: [],
    };
  }

  run(): SendNoticesResult {
    this.markHousekeeping();
    const queue = this.plan.due.slice();
    let done = 0;
    let quotaRead = false;
    while (queue.length > 0) {
      if (this.options.budget.exhausted(RESERVE_MS)) {
        this.result.stoppedFor = "time";
        break;
      }
      this.result.quotaLeft = this.services.mailer.remainingDailyQuota();
      quotaRead = true;
      if (this.result.quotaLeft <= 0) {
        this.stopForQuota();
        break;
      }
      const batch = queue.splice(0, Math.min(BATCH_STUDENTS, this.result.quotaLeft));
      const leftOver = this.sendBatch(batch);
      queue.unshift(...leftOver);
      done += batch.length - leftOver.length;
      this.result.remaining = queue.length;
      this.options.onBatch?.(done, this.plan.due.length, this.result.quotaLeft);
      if (this.result.stoppedFor) break;
    }
    if (!quotaRead) this.result.quotaLeft = this.services.mailer.remainingDailyQuota();
    this.write();
    this.log();
    return this.result;
  }

  /** Not needed rows, stuck rows and orphans: written together with the first batch's marks. */
  private markHousekeeping(): void {
    for (const id of this.plan.notNeeded) this.set(id, { "Notice Status": NOTICE_STATUS.notNeeded });
    this.result.notNeeded = this.plan.notNeeded.length;
    for (const id of this.plan.stuck) {
      if (String(this.plan.rows.get(id)?.["Last Error"]) !== STUCK_MESSAGE)
        this.set(id, { "Last Error": STUCK_MESSAGE });
    }
    for (const id of this.plan.orphaned) {
      const error = `Notice not sent: entry ${id} is no longer in Entries, so the student's name and language are gone. Restore the entry, or set Notice Status to Not needed.`;
      if (String(this.plan.rows.get(id)?.["Last Error"]) !== error) this.fail([id], error);
    }
  }

  /** Sends one batch; returns the students it did not get to (out of time or quota). */
  private sendBatch(batch: PlannedNotice[]): PlannedNotice[] {
    for (const notice of batch)
      for (const id of notice.entryIds) this.set(id, { "Notice Status": NOTICE_STATUS.sending });
    const missing = new Set(this.write());
    // The mark is committed before any message leaves: a kill from here on leaves the rows Sending.
    this.services.workbook.flush();
    for (let i = 0; i < batch.length; i++) {
      const notice = batch[i];
      const rowsLeft = notice.entryIds.filter((id) => !missing.has(id));
      if (rowsLeft.length === 0) continue;
      if (this.options.budget.exhausted(RESERVE_MS)) {
        this.result.stoppedFor = "time";
        return this.putBack(batch.slice(i));
      }
      const composed = composeNotice(notice, this.noticeSettings, this.templates[notice.kind]);
      if (!composed.ok) {
        this.fail(rowsLeft, `Notice not sent: ${composed.errors.join("; ")}. Fix the entry or the template.`);
        continue;
      }
      try {
        this.services.mailer.send(message(this.settings, notice.email, composed.message));
      } catch (error) {
        if (isQuotaError(error)) {
          this.result.quotaLeft = 0;
          this.stopForQuota();
          return this.putBack(batch.slice(i));
        }
        this.fail(rowsLeft, `Notice not sent: ${String(error instanceof Error ? error.message : error)}`);
        continue;
      }
      const now = this.services.clock.now();
      for (const id of rowsLeft) {
        const values: Record<string, Cell> = { "Notice Status": NOTICE_STATUS.sent, "Notice Sent At": now };
        if (isNoticeError(this.plan.rows.get(id)?.["Last Error"] ?? "")) values["Last Error"] = "";
        this.set(id, values);
      }
      this.result.sent++;
      this.result.rows += rowsLeft.length;
      this.result.quotaLeft = Math.max(0, this.result.quotaLeft - 1);
    }
    return [];
  }

  /** Rows marked Sending whose message was not tried get their status back (blank or Failed). */
  private putBack(notices: PlannedNotice[]): PlannedNotice[] {
    for (const notice of notices) {
      for (const id of notice.entryIds)
        this.set(id, { "Notice Status": String(this.plan.rows.get(id)?.["Notice Status"] ?? "") });
    }
    return notices;
  }

  private stopForQuota(): void {
    this.result.stoppedFor = "quota";
    this.result.resumeAfter = nextQuotaReset(this.services.clock.now(), this.services.formatDate).toISOString();
  }

  private fail(ids: string[], error: string): void {
    for (const id of ids) {
      // The same error as last time is not written again (one column fewer to write).
      const same = String(this.plan.rows.get(id)?.["Last Error"]) === error;
      this.set(
        id,
        same
          ? { "Notice Status": NOTICE_STATUS.failed }
          : { "Notice Status": NOTICE_STATUS.failed, "Last Error": error },
      );
      this.result.failed++;
    }
    if (this.result.errors.length < 10) this.result.errors.push(error);
  }

  private set(id: string, values: Record<string, Cell>): void {
    this.pending.set(id, { ...(this.pending.get(id) ?? {}), ...values });
  }

  /** Writes what is pending (by Entry ID, re-found in a fresh read); returns the IDs whose row is gone. */
  private write(): string[] {
    if (this.pending.size === 0) return [];
    const { missing } = writeByEntryId(this.plan.sheet, this.plan.schema, this.pending);
    this.pending.clear();
    return missing;
  }

  private log(): void {
    const r = this.result;
    const parts = [
      r.stoppedFor === "time" ? `Stopped for time; ${r.remaining} students left for the next slice.` : "",
      r.stoppedFor === "quota"
        ? `Mail quota used up; ${r.remaining} students left, going on after ${r.resumeAfter}.`
        : "",
      r.stuck.length > 0
        ? `${r.stuck.length} rows were left Sending by an interrupted run (${r.stuck.join(", ")}): check the outbox, then set Notice Status to Sent or clear it.`
        : "",
      r.failed > 0 ? `${r.failed} rows failed: ${r.errors.slice(0, 3).join(" | ")}` : "",
    ].filter((p) => p !== "");
    writeLog(this.services, {
      action: `Send notices ${r.month}`,
      counts: {
        sent: r.sent,
        rows: r.rows,
        "not needed": r.notNeeded,
        failed: r.failed,
        stuck: r.stuck.length,
        remaining: r.remaining,
        "quota left": r.quotaLeft,
      },
      outcome: parts.length > 0 ? parts.join(" ") : r.sent > 0 ? "Sent." : "Nothing to send.",
    });
  }
}
