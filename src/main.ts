/**
 * The public surface of BadgeDesk: every function a menu item, a trigger or google.script.run may
 * call is defined here, in a line or two that hands the real services to a use case in app/, and
 * listed once in the `global` block at the end (the build turns each into a top-level function).
 */

/** The BadgeDesk menu: [label, entry point]; null draws a separator. */
export const MENU: ReadonlyArray<readonly [string, string] | null> = [["Help", "showHelp"]];

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

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showHelp = showHelp;
