/**
 * The public surface of BadgeDesk: every function a menu item, a trigger or google.script.run may
 * call is defined here, in a line or two that hands the real services to a use case in app/, and
 * listed once in the `global` block at the end (the build turns each into a top-level function).
 */

import { operatorRefusal } from "./app/access";
import * as badges from "./app/badge-actions";
import * as cycle from "./app/cycle";
import { cyclePhases } from "./app/cycle-phases";
import * as dashboard from "./app/dashboard";
import * as digests from "./app/digests";
import * as instructorForm from "./app/form";
import * as importCsv from "./app/import-csv";
import * as intake from "./app/intake";
import * as notices from "./app/notice-dialog";
import { noticePreview, noticePreviewChoices, sendTestNotice as sendTest } from "./app/notice-preview";
import * as noticeRun from "./app/notice-run";
import { readProgress } from "./app/progress";
import * as receipts from "./app/receipts";
import * as report from "./app/report-menu";
import { entryIdAt } from "./app/revoke";
import * as schedule from "./app/schedule";
import type { SettingsForm } from "./app/settings-form";
import {
  saveSettingsFromPage,
  saveCredlyToken as saveToken,
  settingsView,
  testCredlyConnection as testConnection,
} from "./app/settings-ui";
import * as setup from "./app/setup";
import { requireWorkLock } from "./app/work-lock";
import { MENU } from "./menu";
import * as prompts from "./platform/prompts";
import { services } from "./platform/services";
import * as ui from "./platform/ui";

/**
 * Simple trigger. It may run in AuthMode.NONE or LIMITED, where properties, mail and the network
 * are off limits, so it only builds the menu.
 */
function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen) {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

function showHelp() {
  SpreadsheetApp.getUi().alert(
    "BadgeDesk",
    "BadgeDesk turns the credentials instructors report into Credly badges, once a month.\n\n" +
      "1. Instructors report each credential through the instructor form (or a row in Entries).\n" +
      "2. On the 1st, BadgeDesk builds the report tab 'Badges YYYY-MM' for the prior month.\n" +
      "3. Each student gets a notice e-mail, then the badge from Credly (admin@credly.com).\n" +
      "4. Claim states are read back from Credly into the report and the Ledger.\n\n" +
      "The README in the project explains settings, sheets and troubleshooting.",
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

function showSettings() {
  ui.showSidebar("Settings", "BadgeDesk settings");
}
function showProgress() {
  ui.showSidebar("Progress", "BadgeDesk progress");
}
function getSettingsView() {
  return settingsView(services());
}
function saveSettings(form: SettingsForm) {
  return saveSettingsFromPage(services(), form);
}
function saveCredlyToken(token: string) {
  return saveToken(services(), token);
}
function testCredlyConnection() {
  return testConnection(services());
}
function getProgress() {
  return readProgress(services().scriptProperties);
}
/** The one-off trigger a report, issuing run or claim refresh leaves: no UI, no menu. */
function rebuildDashboardAfterChange() {
  return dashboard.rebuildDashboardAfterChange(services());
}
/** A menu click passes no month; google.script.run and tests may pass "yyyy-MM". */
function rebuildDashboard(month?: unknown) {
  return dashboard.rebuildDashboard(services(), { month: typeof month === "string" ? month : undefined });
}
function showNoticePreview() {
  ui.showDialog("NoticePreview", "Notice preview", 960, 640);
}
function getNoticePreviewChoices() {
  return noticePreviewChoices(services());
}
function getNoticePreview(email: string) {
  return noticePreview(services(), email);
}
function sendTestNotice(email: string, language: string) {
  return sendTest(services(), email, language);
}

function showSendNotices() {
  ui.showDialog("SendNotices", "Send notices", 760, 640);
}
function getNoticePlan(month?: string) {
  return notices.getNoticePlan(services(), month);
}
function previewNotice(options?: notices.PreviewOptions) {
  return notices.previewNotice(services(), options);
}
function sendTestNoticeForMonth(options?: notices.PreviewOptions) {
  return notices.sendTestNotice(services(), options);
}
function sendNotices(month: string) {
  const s = services();
  return noticeRun.sendNoticesNow(s, month, `${s.users.active() || "someone"} from the menu`);
}
function continueSendingNotices() {
  return noticeRun.continueSendingNotices(services());
}

/** Menu: asks for the month (the prior month when left blank), issues one slice, says what happened. */
function issueBadgesFromMenu() {
  const s = services();
  if (refused(s, "issue badges")) return;
  const month = prompts.askText("Issue badges", `Month to issue (yyyy-MM), blank for ${badges.defaultIssueMonth(s)}:`);
  if (month === null) return;
  s.ui.alert(badges.issueBadgesNow(s, month.trim() || badges.defaultIssueMonth(s)).message);
}
/** google.script.run and tests: one slice of issuing for "yyyy-MM". */
function issueBadgesForMonth(month: string) {
  return badges.issueBadgesNow(services(), month, "through the page");
}
function continueIssuingBadges() {
  return badges.continueIssuingBadges(services());
}
/**
 * The weekly trigger's handler (and a script's call); the menu item says what it found. It first
 * picks up a monthly cycle whose run ended before leaving its continuation (before Credly is asked
 * anything, so an unanswered Credly cannot keep the month waiting).
 */
function refreshClaimStates() {
  const s = services();
  cycle.resumeStalledCycle(s);
  return badges.refreshClaimStatesNow(s, "on schedule");
}
function refreshClaimStatesFromMenu() {
  const s = services();
  s.ui.alert(badges.refreshClaimStatesNow(s).message);
}
function syncBadgeTemplates() {
  return badges.syncBadgeTemplatesNow(services());
}
function syncBadgeTemplatesFromMenu() {
  const s = services();
  s.ui.alert(badges.syncBadgeTemplatesNow(s).message);
}
/** Menu: the selected row's badge, after a reason and a Yes. */
function revokeSelectedBadge() {
  const s = services();
  if (refused(s, "revoke badges")) return;
  const at = prompts.selectedRow();
  const entryId = entryIdAt(s, at.sheet, at.row);
  const reason = prompts.askText(
    "Revoke badge",
    `Why is the badge of Entry ID ${entryId} revoked? Credly shows the reason.`,
  );
  if (
    !reason?.trim() ||
    !prompts.confirm("Revoke badge", `Revoke the badge of Entry ID ${entryId}? This cannot be undone.`)
  )
    return;
  s.ui.alert(badges.revokeBadgeNow(s, entryId, reason).message);
}
/** google.script.run and tests. */
function revokeBadge(entryId: string, reason: string) {
  return badges.revokeBadgeNow(services(), entryId, reason);
}

/** Menu: asks for the day and hour (blank: the 1st, 6 am), installs the monthly run, says when it runs. */
function scheduleMonthlyRunFromMenu() {
  const s = services();
  const answer = prompts.askText(
    "Schedule monthly run",
    'Day of the month (1–28) and hour (0–23) in the spreadsheet\'s time zone, e.g. "1 6" for the 1st between 6 and 7 am. Blank: 1 6.',
  );
  if (answer !== null) s.ui.alert(schedule.scheduleFromAnswer(s, answer).message);
}
/** google.script.run and tests. */
function scheduleMonthlyRun(day?: number, hour?: number) {
  return schedule.scheduleMonthlyRun(services(), { day: day ?? 1, hour: hour ?? 6 });
}
function stopMonthlyRunFromMenu() {
  const s = services();
  s.ui.alert(schedule.stopMonthlyRun(s).message);
}
function stopMonthlyRun() {
  return schedule.stopMonthlyRun(services());
}
/** The monthly trigger's handler (settings-ui.ts finds the trigger by this name). */
function runMonthlyCycle(e?: { triggerUid?: string }) {
  return cycle.runMonthlyCycle(services(), {
    origin: "monthly trigger",
    triggerUid: e?.triggerUid,
    phases: cyclePhases,
  });
}
/** The one-off trigger a slice leaves for the next. */
function continueMonthlyCycle() {
  return cycle.runMonthlyCycle(services(), { origin: "continuation", phases: cyclePhases });
}
/** Menu: says what the run would do, and on Yes runs one slice (the rest go on by themselves). */
function runCycleNow() {
  const s = services();
  if (refused(s, "run the monthly cycle")) return null;
  if (!prompts.confirm("Run the cycle now", `${cycle.cycleOutlook(s)}\n\nRun it now?`)) return null;
  return cycle.runMonthlyCycle(s, { origin: "menu", phases: cyclePhases });
}

/** Intake and the monthly report (issue #6). A menu item tells its result in an alert. */
function setUpWorkbook() {
  const s = services();
  return told(s, setup.setUpWorkbook(s));
}
function createInstructorForm() {
  const s = services();
  return told(s, instructorForm.createInstructorForm(s));
}
function refreshFormChoices() {
  const s = services();
  return told(s, instructorForm.refreshFormChoices(s));
}
function reconcileEntries() {
  const s = services();
  const result = requireWorkLock(s, `${s.users.active() || "someone"} from the menu`, () => intake.reconcileIntake(s));
  s.ui.alert(
    `Reconciled: ${result.added} form responses added, ${result.stamped} rows stamped.${result.problems.map((p) => `\n${p}`).join("")}`,
  );
  return result;
}
/** The installable spreadsheet onFormSubmit trigger: e.range is the response's row (one read). */
function onInstructorFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit) {
  return intake.recordFormSubmission(services(), {
    sheet: e.range.getSheet().getName(),
    values: e.range.getValues()[0],
  });
}
/** The receipts' one-off trigger (issue #15): instructors' receipts and needs-fix digests that are due. */
function sendInstructorReceipts() {
  return receipts.sendReceiptsNow(services());
}
/** Menu: queues the month's needs-fix digests (blank: the prior month); the receipts run sends them. */
function sendNeedsFixDigestsFromMenu() {
  const s = services();
  if (refused(s, "send the needs-fix digests")) return null;
  const month = prompts.askText("Send needs-fix digests", "Month of the report (yyyy-MM), blank for the prior month:");
  if (month === null) return null;
  return told(
    s,
    requireWorkLock(s, `${s.users.active() || "someone"} from the menu`, () =>
      digests.needsFixDigestsFromMenu(s, month.trim()),
    ),
  );
}
function showImportCsv() {
  ui.showDialog("ImportCsv", "Import entries from CSV", 760, 620);
}
function previewEntriesCsv(csvText: string) {
  return importCsv.previewCsvImport(csvText);
}
function importEntriesCsv(csvText: string, mapping?: importCsv.ColumnMapping) {
  return importCsv.importEntriesCsv(services(), csvText, mapping);
}
function buildMonthlyReport() {
  const s = services();
  const result = report.buildReportFromMenu(s, { text: prompts.askText, yes: prompts.confirm });
  return result ? told(s, result) : null;
}
/** A menu item for operators refuses at once, before it asks anything (the use case checks again). */
function refused(s: ReturnType<typeof services>, action: string): boolean {
  const why = operatorRefusal(s, action);
  if (why) s.ui.alert(why);
  return why !== "";
}
function told<T extends { message: string }>(s: ReturnType<typeof services>, result: T): T {
  s.ui.alert(result.message);
  return result;
}

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showHelp = showHelp;
global.showSettings = showSettings;
global.showProgress = showProgress;
global.getSettingsView = getSettingsView;
global.saveSettings = saveSettings;
global.saveCredlyToken = saveCredlyToken;
global.testCredlyConnection = testCredlyConnection;
global.getProgress = getProgress;
global.showNoticePreview = showNoticePreview;
global.rebuildDashboard = rebuildDashboard;
global.rebuildDashboardAfterChange = rebuildDashboardAfterChange;
global.getNoticePreviewChoices = getNoticePreviewChoices;
global.getNoticePreview = getNoticePreview;
global.sendTestNotice = sendTestNotice;
global.showSendNotices = showSendNotices;
global.getNoticePlan = getNoticePlan;
global.previewNotice = previewNotice;
global.sendTestNoticeForMonth = sendTestNoticeForMonth;
global.sendNotices = sendNotices;
global.continueSendingNotices = continueSendingNotices;
global.issueBadgesFromMenu = issueBadgesFromMenu;
global.issueBadgesForMonth = issueBadgesForMonth;
global.continueIssuingBadges = continueIssuingBadges;
global.refreshClaimStates = refreshClaimStates;
global.refreshClaimStatesFromMenu = refreshClaimStatesFromMenu;
global.syncBadgeTemplates = syncBadgeTemplates;
global.syncBadgeTemplatesFromMenu = syncBadgeTemplatesFromMenu;
global.revokeSelectedBadge = revokeSelectedBadge;
global.revokeBadge = revokeBadge;
global.scheduleMonthlyRunFromMenu = scheduleMonthlyRunFromMenu;
global.scheduleMonthlyRun = scheduleMonthlyRun;
global.stopMonthlyRunFromMenu = stopMonthlyRunFromMenu;
global.stopMonthlyRun = stopMonthlyRun;
global.runMonthlyCycle = runMonthlyCycle;
global.continueMonthlyCycle = continueMonthlyCycle;
global.runCycleNow = runCycleNow;
global.setUpWorkbook = setUpWorkbook;
global.createInstructorForm = createInstructorForm;
global.refreshFormChoices = refreshFormChoices;
global.reconcileEntries = reconcileEntries;
global.onInstructorFormSubmit = onInstructorFormSubmit;
global.sendInstructorReceipts = sendInstructorReceipts;
global.sendNeedsFixDigestsFromMenu = sendNeedsFixDigestsFromMenu;
global.showImportCsv = showImportCsv;
global.previewEntriesCsv = previewEntriesCsv;
global.importEntriesCsv = importEntriesCsv;
global.buildMonthlyReport = buildMonthlyReport;
