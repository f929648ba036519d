/**
 * The ports: what a use case needs from the outside world, named for what it does for us.
 * `src/platform/` implements them over Apps Script services; tests may hand in stand-ins for
 * unit work, but end-to-end proof always goes through the built bundle in the local runtime.
 *
 * Rows and columns are 1-based, as in Sheets.
 */

/** A cell value as Sheets hands it back: dates as Date, empty as "". */
export type Cell = string | number | boolean | Date;

export interface ConditionalRule {
  /** A1 range of the rule, e.g. "J2:J". */
  a1: string;
  /** The rule fires when the cell equals this text. */
  whenTextEquals: string;
  background: string;
}

export interface ChartSpec {
  /** Stable id: a rebuild replaces the chart with the same id instead of adding another. */
  id: string;
  type: "column" | "bar" | "line" | "pie" | "combo";
  title: string;
  /** A1 ranges of the data on the same sheet. */
  ranges: string[];
  row: number;
  column: number;
  /** Sheets chart options (EmbeddedChartBuilder.setOption), e.g. a second axis for a rate. */
  options?: Record<string, unknown>;
}

/** One sheet. Reads and writes are whole ranges: never a call per cell in a loop. */
export interface SheetPort {
  readonly name: string;
  /** Every value of the data range, header row included (one read). */
  readAll(): Cell[][];
  /** Only the first `rows` rows (e.g. the header), one read. */
  readTop(rows: number): Cell[][];
  /** Writes a block at (row, column). Strings are stored as given (the workbook layer neutralises). */
  write(row: number, column: number, values: Cell[][]): void;
  /** Appends a block below the last row with content. */
  append(values: Cell[][]): void;
  lastRow(): number;
  lastColumn(): number;
  /** Clears values (and formats) from `row` down; the rows above stay. */
  clearFrom(row: number): void;
  setFrozenRows(rows: number): void;
  setBold(row: number, column: number, rows: number, columns: number): void;
  setNumberFormat(row: number, column: number, rows: number, columns: number, format: string): void;
  /** Drop-down from a fixed list, or from a range on another sheet ("Credentials!A2:A"). */
  setListValidation(
    row: number,
    column: number,
    rows: number,
    columns: number,
    source: string[] | { a1: string },
  ): void;
  /** Warning-only protection: people may still edit after a prompt. */
  protectWarningOnly(row: number, column: number, rows: number, columns: number, description: string): void;
  setConditionalRules(rules: ConditionalRule[]): void;
  /** Replaces every chart on the sheet with these. */
  setCharts(charts: ChartSpec[]): void;
}

export interface WorkbookPort {
  id(): string;
  url(): string;
  /** The spreadsheet's time zone: it decides which month an entry belongs to. */
  timeZone(): string;
  sheet(name: string): SheetPort | null;
  insertSheet(name: string): SheetPort;
  sheetNames(): string[];
  /** URL that opens the named sheet (for links in e-mail). */
  sheetUrl(name: string): string;
  /** Commits pending writes: before a side effect, and before a lock is released. */
  flush(): void;
}

export interface MailMessage {
  to: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  name?: string;
  replyTo?: string;
  /** A verified send-as alias; sent through the Gmail advanced service when present. */
  from?: string;
}

export interface Mailer {
  send(message: MailMessage): void;
  remainingDailyQuota(): number;
}

export interface HttpRequest {
  url: string;
  method: "get" | "post" | "put" | "delete";
  headers?: Record<string, string>;
  /** JSON text; sent with content type application/json. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * HTTP. `fetchAll` sends in parallel and answers in request order. A network failure (timeout,
 * connection dropped) throws: the outcome of every request in that call is then unknown.
 */
export interface Http {
  fetch(request: HttpRequest): HttpResponse;
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

export interface Clock {
  now(): Date;
  sleep(ms: number): void;
}

/** Formats a date in a time zone with a SimpleDateFormat pattern (Utilities.formatDate). */
export type DateFormatter = (date: Date, timeZone: string, pattern: string) => string;

export interface PropertyStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  all(): Record<string, string>;
}

export interface Lock {
  /** True when the lock was taken within `ms`. */
  tryLock(ms: number): boolean;
  release(): void;
}

export interface TriggerInfo {
  id: string;
  handler: string;
  kind: "clock" | "formSubmit" | "other";
}

export interface Triggers {
  list(): TriggerInfo[];
  monthly(handler: string, dayOfMonth: number, hour: number, timeZone: string): string;
  weekly(
    handler: string,
    weekday: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY",
    hour: number,
    timeZone: string,
  ): string;
  after(handler: string, ms: number): string;
  onFormSubmit(handler: string): string;
  remove(id: string): void;
}

export interface FormItemSpec {
  title: string;
  kind: "text" | "email" | "list" | "date" | "paragraph";
  required: boolean;
  choices?: string[];
  helpText?: string;
}

export interface FormResponseRecord {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  /** Answers keyed by item title. */
  answers: Record<string, string>;
}

export interface Forms {
  /** Creates a form whose responses land in this spreadsheet. */
  create(title: string, description: string, items: FormItemSpec[]): { id: string; url: string };
  setChoices(formId: string, itemTitle: string, choices: string[]): void;
  responses(formId: string): FormResponseRecord[];
  /** A link that opens the form with these answers filled in. */
  prefilledUrl(formId: string, answers: Record<string, string>): string;
}

export interface Users {
  /** The person at the keyboard ("" when Google does not reveal it). */
  active(): string;
  /** The account the script runs as (the trigger's owner for a trigger run). */
  effective(): string;
}

export interface Ui {
  alert(message: string): void;
  toast(message: string): void;
}

/** Everything a use case may need; each use case takes only what it uses. */
export interface Services {
  workbook: WorkbookPort;
  mailer: Mailer;
  http: Http;
  clock: Clock;
  formatDate: DateFormatter;
  scriptProperties: PropertyStore;
  userProperties: PropertyStore;
  lock: Lock;
  triggers: Triggers;
  forms: Forms;
  users: Users;
  ui: Ui;
  newId(): string;
  /** Base64 of the UTF-8 bytes of `text` (Utilities.base64Encode). */
  base64(text: string): string;
}
