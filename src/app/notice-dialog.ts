/**
 * What the "Send notices…" dialog shows and does before the real send: how many will go, the
 * quota left today, the first notice as the student will see it, and a test sent to oneself.
 */

import { type Language, studentName } from "../domain/entry";
import { monthOfReportSheet } from "../domain/month";
import { composeNotice } from "../domain/notices";
import { requireOperator } from "./access";
import { monthNotices, type PlannedNotice } from "./notice-plan";
import { ensureTemplatesSheet, loadTemplates, templateProblems } from "./notice-templates";
import type { Services, WorkbookPort } from "./ports";
import { loadSettings } from "./settings";
import { mailTestNotice, type TestSent } from "./test-notice";

export interface RenderedNotice {
  month: string;
  /** "" when no student has a notice waiting. */
  to: string;
  student: string;
  language: Language;
  subject: string;
  html: string;
  text: string;
  /** Why this notice cannot be sent as it stands (a template or a missing value); empty when it can. */
  errors: string[];
}

export interface NoticePlan {
  month: string;
  /** Months with a report tab, newest first. */
  months: string[];
  /** Students who would get a message now. */
  students: number;
  /** Report rows those messages cover. */
  rows: number;
  notNeeded: number;
  /** Entry IDs an interrupted run left Sending (a person checks them first). */
  stuck: string[];
  held: number;
  quotaLeft: number;
  sender: { name: string; from: string; replyTo: string };
  preview: RenderedNotice | null;
}

export interface PreviewOptions {
  month?: string;
  email?: string;
  language?: string;
}

/** Months with a report tab ("Badges yyyy-MM"), newest first. */
export function reportMonths(workbook: WorkbookPort): string[] {
  return workbook
    .sheetNames()
    .map(monthOfReportSheet)
    .filter((m): m is string => m !== null)
    .sort()
    .reverse();
}

function monthOrNewest(workbook: WorkbookPort, month: unknown): string {
  if (typeof month === "string" && month.trim() !== "") return month.trim();
  const newest = reportMonths(workbook)[0];
  if (!newest) throw new Error("There is no monthly report yet (a sheet named Badges yyyy-MM). Build it first.");
  return newest;
}

function languageOf(text: unknown, fallback: Language): Language {
  return text === "es" || text === "en" ? text : fallback;
}

function render(services: Services, month: string, notice: PlannedNotice, language: Language): RenderedNotice {
  const settings = loadSettings(services.scriptProperties);
  const loaded = loadTemplates(services.workbook);
  const problems = templateProblems(loaded, [notice.kind]);
  const composed = composeNotice(
    { ...notice, language },
    { agencyName: settings.agencyName, senderName: settings.senderName, month },
    loaded.templates[notice.kind],
  );
  const base = { month, to: notice.email, student: studentName(notice), language };
  if (!composed.ok || problems.length > 0) {
    return { ...base, subject: "", html: "", text: "", errors: [...problems, ...(composed.ok ? [] : composed.errors)] };
  }
  return { ...base, ...composed.message, errors: [] };
}

/**
 * The notice as it would be sent: to the chosen student (by e-mail) or the first one waiting, in
 * the chosen language or the student's own. Null when nobody has a notice waiting.
 */
export function previewNotice(services: Services, options: PreviewOptions = {}): RenderedNotice | null {
  const month = monthOrNewest(services.workbook, options.month);
  const settings = loadSettings(services.scriptProperties);
  const plan = monthNotices(services, month, settings.vendorNoteEnabled);
  const wanted = typeof options.email === "string" ? options.email.trim().toLowerCase() : "";
  const waiting = [...plan.due, ...plan.held];
  const notice = wanted ? waiting.find((n) => n.email === wanted) : waiting[0];
  if (!notice) {
    if (wanted) throw new Error(`${wanted} has no notice waiting in the ${month} report.`);
    return null;
  }
  return render(services, month, notice, languageOf(options.language, notice.language));
}

/** The dialog's numbers and the first notice. Adds the Templates sheet if it is not there yet. */
export function getNoticePlan(services: Services, month?: unknown): NoticePlan {
  ensureTemplatesSheet(services.workbook);
  const chosen = monthOrNewest(services.workbook, month);
  const settings = loadSettings(services.scriptProperties);
  const plan = monthNotices(services, chosen, settings.vendorNoteEnabled);
  const first = plan.due[0];
  return {
    month: chosen,
    months: reportMonths(services.workbook),
    students: plan.due.length,
    rows: plan.due.reduce((n, notice) => n + notice.entryIds.length, 0),
    notNeeded: plan.notNeeded.length,
    stuck: plan.stuck,
    held: plan.stuckStudents,
    quotaLeft: services.mailer.remainingDailyQuota(),
    sender: {
      name: settings.senderName,
      from: settings.aliasFrom || services.users.effective(),
      replyTo: settings.replyTo,
    },
    preview: first ? render(services, chosen, first, first.language) : null,
  };
}

/**
 * Sends the first waiting notice of the month (or the chosen student's) to the person at the
 * keyboard, subject marked [Test]. Operators only: it spends the same mail quota as a notice.
 */
export function sendTestNotice(services: Services, options: PreviewOptions = {}): TestSent {
  const settings = loadSettings(services.scriptProperties);
  requireOperator(services.users, settings, "send a test notice");
  const notice = previewNotice(services, options);
  if (!notice)
    return { ok: false, message: "No student has a notice waiting this month, so there is nothing to test." };
  if (notice.errors.length > 0) return { ok: false, message: `Not sent: ${notice.errors.join(" ")}` };
  return mailTestNotice(services, settings, notice);
}
