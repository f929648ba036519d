/**
 * Apps Script enums. Each member is its own name as a string, so `String(e)` prints the name (as in
 * Apps Script) and comparisons with `===` work.
 */
function names<T>(...members: string[]): T {
  return Object.freeze(Object.fromEntries(members.map((m) => [m, m]))) as unknown as T;
}

export const ProtectionType = names<typeof GoogleAppsScript.Spreadsheet.ProtectionType>("RANGE", "SHEET");

export const DataValidationCriteria = names<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);

export const BorderStyle = names<typeof GoogleAppsScript.Spreadsheet.BorderStyle>(
  "DOTTED",
  "DASHED",
  "SOLID",
  "SOLID_MEDIUM",
  "SOLID_THICK",
  "DOUBLE",
);

export const ChartType = names<typeof GoogleAppsScript.Charts.ChartType>(
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
);

export const Button = names<typeof GoogleAppsScript.Base.Button>("CLOSE", "OK", "CANCEL", "YES", "NO");

export const ButtonSet = names<typeof GoogleAppsScript.Base.ButtonSet>("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");
