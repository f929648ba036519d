/**
 * What a workload cost, read from the local runtime after the fact: its executions' call counts,
 * the requests UrlFetchApp logged, the messages the outbox holds, and the virtual clock. Apps
 * Script work is bounded by service calls, latency, the 6-minute execution and daily quotas, so
 * these are the figures that matter; none of them depends on this machine's speed.
 */
import { type ExecutionRecord, outboxOf, quotaDay, type Runtime, urlFetchOf } from "../local/runtime";

export interface Measurement {
  executions: number;
  failedExecutions: number;
  /** Calls by "Class.member", summed over the workload's executions. */
  calls: Record<string, number>;
  /** Calls by Apps Script service (Spreadsheet, UrlFetch, Mail, Properties…). */
  byService: Record<string, number>;
  /** Every call into the Spreadsheet service (locators and formats included). */
  spreadsheetCalls: number;
  /** Calls that move cell data to or from Sheets: the round trips that cost time. */
  sheetReads: number;
  sheetWrites: number;
  flushes: number;
  /** UrlFetchApp.fetch + UrlFetchApp.fetchAll calls, and the HTTP requests they made. */
  fetchCalls: number;
  httpRequests: number;
  /** POST requests (issuing a badge is one). */
  httpPosts: number;
  mailCalls: number;
  messages: number;
  /** Quota days (Pacific calendar days) in which an execution sent mail or fetched. */
  quotaDays: number;
  /** Quota days in which mail went out. */
  mailDays: number;
  /** Virtual seconds spent inside executions (what the 6-minute limit counts). */
  busySeconds: number;
  /** The longest execution, in virtual seconds. */
  longestSeconds: number;
  /** Virtual seconds from the workload's start to its last execution's end (waits included). */
  spanSeconds: number;
}

/** Where a workload starts reading the runtime's logs. */
export interface Mark {
  executions: number;
  requests: number;
  messages: number;
  at: number;
}

export function mark(runtime: Runtime): Mark {
  return {
    executions: runtime.executions.length,
    requests: urlFetchOf(runtime).requests.length,
    messages: outboxOf(runtime).messages.length,
    at: runtime.clock.now(),
  };
}

/** Class names the service owns; a class not listed is its own service. */
const SERVICES: Array<[service: string, classes: RegExp]> = [
  [
    "Spreadsheet",
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation\w*|Protection|ConditionalFormat\w*|EmbeddedChart\w*|TextStyle\w*|Filter\w*|NamedRange|DeveloperMetadata\w*)$/,
  ],
  ["UrlFetch", /^(UrlFetchApp|HTTPResponse)$/],
  ["Mail", /^(MailApp|GmailApp|Gmail\w*)$/],
  ["Properties", /^(PropertiesService|Properties)$/],
  ["Lock", /^(LockService|Lock)$/],
  ["Triggers", /^(ScriptApp|Trigger|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|FormTriggerBuilder)$/],
  ["Cache", /^(CacheService|Cache)$/],
  ["Ui", /^(Ui|Menu|PromptResponse)$/],
  ["Session", /^(Session|User)$/],
  ["Utilities", /^(Utilities|Blob)$/],
  ["Forms", /^(FormApp|Form|\w+Item|FormResponse|ItemResponse)$/],
  ["Html", /^(HtmlService|HtmlOutput|HtmlTemplate)$/],
];

export function serviceOf(key: string): string {
  const className = key.slice(0, key.indexOf("."));
  return SERVICES.find(([, classes]) => classes.test(className))?.[0] ?? className;
}

const READS = /^(getValues?|getDisplayValues?|getFormulas?|getRichTextValues?|getNotes?)$/;
const WRITES =
  /^(setValues?|setFormulas?|setRichTextValues?|appendRow|clear\w*|deleteRows?|insertRows?\w*|deleteColumns?|insertColumns?\w*)$/;

export function isSheetRead(key: string): boolean {
  return serviceOf(key) === "Spreadsheet" && READS.test(key.slice(key.indexOf(".") + 1));
}

export function isSheetWrite(key: string): boolean {
  return serviceOf(key) === "Spreadsheet" && WRITES.test(key.slice(key.indexOf(".") + 1));
}

const isMail = (key: string) => key === "MailApp.sendEmail" || key === "GmailApp.sendEmail";
const isFetch = (key: string) => key === "UrlFetchApp.fetch" || key === "UrlFetchApp.fetchAll";

function sumWhere(calls: Record<string, number>, test: (key: string) => boolean): number {
  let n = 0;
  for (const [key, count] of Object.entries(calls)) if (test(key)) n += count;
  return n;
}

/** The figures of every execution since `from` (only those `only` keeps, when given). */
export function measure(runtime: Runtime, from: Mark, only: (e: ExecutionRecord) => boolean = () => true): Measurement {
  const executions = runtime.executions.slice(from.executions).filter(only);
  const ids = new Set(executions.map((e) => e.id));
  const calls: Record<string, number> = {};
  for (const e of executions) for (const [key, n] of Object.entries(e.calls)) calls[key] = (calls[key] ?? 0) + n;
  const byService: Record<string, number> = {};
  for (const [key, n] of Object.entries(calls)) byService[serviceOf(key)] = (byService[serviceOf(key)] ?? 0) + n;
  const requests = urlFetchOf(runtime)
    .requests.slice(from.requests)
    .filter((r) => ids.has(r.executionId));
  const quotaDays = new Set<string>();
  const mailDays = new Set<string>();
  for (const e of executions) {
    if (sumWhere(e.calls, isMail) > 0) mailDays.add(quotaDay(e.startedAt));
    if (sumWhere(e.calls, (k) => isMail(k) || isFetch(k)) > 0) quotaDays.add(quotaDay(e.startedAt));
  }
  const duration = (e: ExecutionRecord) => (e.endedAt - e.startedAt) / 1000;
  const last = executions.length ? Math.max(...executions.map((e) => e.endedAt)) : from.at;
  return {
    executions: executions.length,
    failedExecutions: executions.filter((e) => !e.ok).length,
    calls,
    byService,
    spreadsheetCalls: byService.Spreadsheet ?? 0,
    sheetReads: sumWhere(calls, isSheetRead),
    sheetWrites: sumWhere(calls, isSheetWrite),
    flushes: calls["SpreadsheetApp.flush"] ?? 0,
    fetchCalls: sumWhere(calls, isFetch),
    httpRequests: requests.length,
    httpPosts: requests.filter((r) => r.method.toUpperCase() === "POST").length,
    mailCalls: sumWhere(calls, isMail),
    messages: outboxOf(runtime).messages.length - from.messages,
    quotaDays: quotaDays.size,
    mailDays: mailDays.size,
    busySeconds: executions.reduce((s, e) => s + duration(e), 0),
    longestSeconds: executions.reduce((s, e) => Math.max(s, duration(e)), 0),
    spanSeconds: (last - from.at) / 1000,
  };
}

/** The `n` members with the most calls, as "Class.member ×n". */
export function topCalls(calls: Record<string, number>, n = 5, test: (key: string) => boolean = () => true): string[] {
  return Object.entries(calls)
    .filter(([key]) => test(key))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([key, count]) => `${key} ×${count}`);
}
