/**
 * The BadgeDesk menu under Extensions, in order: [label, entry point]; null draws a separator.
 * Every entry point named here is a top-level function of the bundle (test/build/bundle.test.ts).
 */
export const MENU: ReadonlyArray<readonly [string, string] | null> = [
  ["Settings", "showSettings"],
  ["Set up workbook", "setUpWorkbook"],
  ["Create instructor form", "createInstructorForm"],
  ["Refresh form choices", "refreshFormChoices"],
  ["Reconcile entries", "reconcileEntries"],
  ["Import entries from CSV…", "showImportCsv"],
  ["Build monthly report…", "buildMonthlyReport"],
  ["Send needs-fix digests…", "sendNeedsFixDigestsFromMenu"],
  ["Preview a notice…", "showNoticePreview"],
  ["Send notices…", "showSendNotices"],
  ["Issue badges…", "issueBadgesFromMenu"],
  ["Refresh claim states", "refreshClaimStatesFromMenu"],
  ["Sync badge templates", "syncBadgeTemplatesFromMenu"],
  ["Revoke selected badge…", "revokeSelectedBadge"],
  ["Progress", "showProgress"],
  ["Rebuild dashboard", "rebuildDashboard"],
  ["Run the cycle now…", "runCycleNow"],
  ["Schedule monthly run…", "scheduleMonthlyRunFromMenu"],
  ["Stop monthly run", "stopMonthlyRunFromMenu"],
  ["Help", "showHelp"],
];
