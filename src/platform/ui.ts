/**
 * Opening BadgeDesk's pages. Each page is an HTML file in src/ui/ (copied to dist/ by the build).
 * A page pulls the shared style and client script in with an `<!-- include Styles -->` comment
 * rather than a template scriptlet: the files stay plain HTML that the linter can read, and
 * no page prints server data into its markup (the data comes through google.script.run).
 */

const INCLUDE = /<!-- include (\w+) -->/g;

function page(name: string): GoogleAppsScript.HTML.HtmlOutput {
  const text = HtmlService.createHtmlOutputFromFile(name).getContent();
  return HtmlService.createHtmlOutput(
    text.replace(INCLUDE, (_comment, part: string) => HtmlService.createHtmlOutputFromFile(part).getContent()),
  );
}

/** Sidebars are 300 px wide whatever we ask (shared/reference/apps-script.md), so only a title. */
export function showSidebar(name: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(page(name).setTitle(title));
}

export function showDialog(name: string, title: string, width: number, height: number): void {
  SpreadsheetApp.getUi().showModalDialog(page(name).setWidth(width).setHeight(height), title);
}
