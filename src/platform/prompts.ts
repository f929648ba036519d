/** The small questions a menu item asks: a line of text, a yes or no, the selected row. */

/** The text typed, or null when the person pressed Cancel. */
export function askText(title: string, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
}

export function confirm(title: string, prompt: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** The sheet and row of the active cell. */
export function selectedRow(): { sheet: string; row: number } {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) throw new Error("Select a row holding an Entry ID first.");
  return { sheet: range.getSheet().getName(), row: range.getRow() };
}
