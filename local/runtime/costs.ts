/**
 * What each Apps Script service call costs in virtual time. Every figure is a default from
 * shared/reference/apps-script-costs.md (published measurements; "assumption" where nothing was
 * measured) and can be overridden per runtime, so the benchmark can try other values.
 */
export interface CostTable {
  /** First touch of the spreadsheet in an execution (tanaikech 2018/2022). */
  spreadsheetOpenMs: number;
  /** getValues: fixed part (assumption) … */
  readFixedMs: number;
  /** … plus per cell (tanaikech 2018: ~9–10 µs/cell). */
  readPerCellMs: number;
  /** setValues up to 15k cells: fixed + per cell, paid at commit (tanaikech 2018, 2019). */
  writeFixedMs: number;
  writePerCellMs: number;
  /** setValues above 15k cells: per cell only (tanaikech 2019). */
  largeWritePerCellMs: number;
  largeWriteThresholdCells: number;
  /** A single-cell getValue / setValue (tanaikech 2018; ~100× slower than batch per cell). */
  singleCellGetMs: number;
  singleCellSetMs: number;
  /** A per-range format or structure setter (Google best practices). */
  formatSetterMs: number;
  /** appendRow (tanaikech 2018). */
  appendRowMs: number;
  /** flush: fixed part, plus the commit of pending writes (Stack Overflow 2013). */
  flushMs: number;
  /** Any other spreadsheet call (getSheetByName, getLastRow…): assumption. */
  spreadsheetOtherMs: number;
  /** UrlFetchApp.fetch: Google's own overhead, plus the server's real time (Poehnelt 2024). */
  fetchOverheadMs: number;
  /** fetchAll: per wave of `fetchAllWave` parallel requests, plus the slowest server time (tanaikech 2018; wave size: assumption). */
  fetchAllWaveMs: number;
  fetchAllWave: number;
  /** The server time charged when the real one is not measured (assumption from the cost table). */
  serverTimeMs: number;
  /** Properties get / set (Poehnelt 2024, ziritione). */
  propertiesGetMs: number;
  propertiesSetMs: number;
  /** Cache get / put / remove (Poehnelt 2024, ziritione, qiita). */
  cacheGetMs: number;
  cachePutMs: number;
  cacheRemoveMs: number;
  /** One mail message (add-on reports 0.5–1.2 s; low confidence). */
  mailMs: number;
  /** Uncontended lock acquire (assumption). */
  lockMs: number;
  /** Trigger create / delete (assumption). */
  triggerMs: number;
  /** Cheap calls with no measurement (Session, Logger, Utilities.formatDate…): assumption. */
  trivialMs: number;
  /** Form calls (create, items, responses): assumption, like a spreadsheet call. */
  formMs: number;
  /** HtmlService template evaluation and output: assumption. */
  htmlMs: number;
}

export const DEFAULT_COSTS: CostTable = {
  spreadsheetOpenMs: 150,
  readFixedMs: 20,
  readPerCellMs: 0.01,
  writeFixedMs: 100,
  writePerCellMs: 0.01,
  largeWritePerCellMs: 0.065,
  largeWriteThresholdCells: 15_000,
  singleCellGetMs: 1.5,
  singleCellSetMs: 1.2,
  formatSetterMs: 1.2,
  appendRowMs: 110,
  flushMs: 30,
  spreadsheetOtherMs: 1,
  fetchOverheadMs: 70,
  fetchAllWaveMs: 500,
  fetchAllWave: 20,
  serverTimeMs: 400,
  propertiesGetMs: 35,
  propertiesSetMs: 70,
  cacheGetMs: 30,
  cachePutMs: 100,
  cacheRemoveMs: 90,
  mailMs: 1000,
  lockMs: 50,
  triggerMs: 200,
  trivialMs: 0.1,
  formMs: 50,
  htmlMs: 20,
};

/** The limits Apps Script enforces (shared/reference/apps-script.md, "Limits"). */
export interface Limits {
  executionMs: number;
  mailRecipientsPerDay: number;
  recipientsPerMessage: number;
  urlFetchPerDay: number;
  triggersPerUser: number;
  propertyValueBytes: number;
  propertyStoreBytes: number;
  cellsPerSpreadsheet: number;
  simpleTriggerMs: number;
}

export function limitsFor(edition: "consumer" | "workspace"): Limits {
  return {
    executionMs: 6 * 60 * 1000,
    mailRecipientsPerDay: edition === "consumer" ? 100 : 1500,
    recipientsPerMessage: 50,
    urlFetchPerDay: edition === "consumer" ? 20_000 : 100_000,
    triggersPerUser: 20,
    propertyValueBytes: 9 * 1024,
    propertyStoreBytes: 500 * 1024,
    cellsPerSpreadsheet: 10_000_000,
    simpleTriggerMs: 30 * 1000,
  };
}
