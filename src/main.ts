/**
 * The public surface of BadgeDesk: every function a menu item, a trigger or google.script.run may
 * call is defined here, in a line or two that hands the real services to a use case in app/, and
 * listed once in the `global` block at the end (the build turns each into a top-level function).
 */

import { noticePreview, noticePreviewChoices, sendTestNotice as sendTest } from "./app/notice-preview";
import { readProgress } from "./app/progress";
import type { SettingsForm } from "./app/settings-form";
import {
  saveSettingsFromPage,
  saveCredlyToken as saveToken,
  settingsView,
  testCredlyConnection as testConnection,
} from "./app/settings-ui";
import { base64 } from "./platform/encoding";
import { services } from "./platform/services";
import * as ui from "./platform/ui";

/** The BadgeDesk menu: [label, entry point]; null draws a separator. */
export const MENU: ReadonlyArray<readonly [string, string] | null> = [
  ["Settings", "showSettings"],
  ["Preview a notice…", "showNoticePreview"],
  ["Progress", "showProgress"],
  ["Help", "showHelp"],
];

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
/** Called by page templates: <?!= include('Styles') ?>. */
function include(name: string) {
  return ui.pageFile(name);
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
  return testConnection(services(), base64);
}
function getProgress() {
  return readProgress(services().scriptProperties);
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

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showHelp = showHelp;
global.showSettings = showSettings;
global.showProgress = showProgress;
global.include = include;
global.getSettingsView = getSettingsView;
global.saveSettings = saveSettings;
global.saveCredlyToken = saveCredlyToken;
global.testCredlyConnection = testCredlyConnection;
global.getProgress = getProgress;
global.showNoticePreview = showNoticePreview;
global.getNoticePreviewChoices = getNoticePreviewChoices;
global.getNoticePreview = getNoticePreview;
global.sendTestNotice = sendTestNotice;
