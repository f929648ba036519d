/**
 * Opening BadgeDesk's pages. Each page is an HTML template in src/ui/ (copied to dist/ by the
 * build); templates pull the shared style and client script in with `<?!= include('Styles') ?>`.
 */

/** Sidebars are 300 px wide whatever we ask (shared/reference/apps-script.md), so only a title. */
export function showSidebar(page: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createTemplateFromFile(page).evaluate().setTitle(title));
}

export function showDialog(page: string, title: string, width: number, height: number): void {
  const html = HtmlService.createTemplateFromFile(page).evaluate().setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** The raw text of another project HTML file, for a template's include(). */
export function pageFile(name: string): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
