import type { Runtime } from "../runtime";
import { formatDate, fromWallClock, spreadsheetOf } from "../spreadsheet";

export type ItemType = "TEXT" | "PARAGRAPH_TEXT" | "LIST" | "DATE";

export interface ItemModel {
  id: number;
  type: ItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  /** Text validation; only "the answer is an e-mail address" is modelled. */
  requireEmail: boolean;
}

/** An answer as kept: text, or "YYYY-MM-DD" for a date question. */
export interface ResponseModel {
  id: string;
  timestamp: number;
  respondentEmail: string;
  answers: Map<number, string>;
}

export interface Destination {
  spreadsheetId: string;
  sheetName: string;
  /** The response sheet's column of each item (1-based). */
  columns: Map<number, number>;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  collectEmail: boolean;
  items: ItemModel[];
  responses: ResponseModel[];
  destination?: Destination;
}

/** Every form the script created, kept on the runtime (forms outlive executions). */
export class FormsModel {
  readonly forms: FormModel[] = [];
  private nextItemId = 100001;
  private nextResponse = 1;

  constructor(readonly runtime: Runtime) {}

  create(title: string): FormModel {
    const n = this.forms.length + 1;
    const form: FormModel = {
      id: `1FormLocal${String(n).padStart(4, "0")}BadgeDesk${"x".repeat(20)}`,
      title,
      description: "",
      collectEmail: false,
      items: [],
      responses: [],
    };
    this.forms.push(form);
    return form;
  }

  find(id: string): FormModel | undefined {
    return this.forms.find((f) => f.id === id);
  }

  addItem(form: FormModel, type: ItemType): ItemModel {
    const item: ItemModel = {
      id: this.nextItemId++,
      type,
      title: "",
      helpText: "",
      required: false,
      choices: [],
      requireEmail: false,
    };
    form.items.push(item);
    if (form.destination) this.addColumn(form, item);
    return item;
  }

  retitle(form: FormModel, item: ItemModel, title: string): void {
    item.title = title;
    const column = form.destination?.columns.get(item.id);
    if (form.destination && column)
      spreadsheetOf(this.runtime).setValues(form.destination.sheetName, 1, column, [[title]]);
  }

  private addColumn(form: FormModel, item: ItemModel): void {
    const destination = form.destination as Destination;
    const column = Math.max(0, ...destination.columns.values(), form.collectEmail ? 2 : 1) + 1;
    destination.columns.set(item.id, column);
    spreadsheetOf(this.runtime).setValues(destination.sheetName, 1, column, [[item.title]]);
  }

  /**
   * Links the form to the runtime's spreadsheet: a new "Form Responses N" sheet, first among the
   * tabs, with Timestamp, Email Address (when collected) and one column per question; responses
   * already given are written into it, as Google does.
   */
  link(form: FormModel, spreadsheetId: string): void {
    const ss = spreadsheetOf(this.runtime);
    if (spreadsheetId !== ss.id) throw new Error(`Invalid argument: id (no spreadsheet ${spreadsheetId} here)`);
    let n = 1;
    while (ss.sheet(`Form Responses ${n}`)) n += 1;
    const sheetName = `Form Responses ${n}`;
    ss.insertSheet(sheetName, 0);
    const first = form.collectEmail ? 3 : 2;
    const columns = new Map(form.items.map((item, i) => [item.id, first + i]));
    form.destination = { spreadsheetId, sheetName, columns };
    ss.setValues(sheetName, 1, 1, [this.headers(form)]);
    ss.formUrl = `https://docs.google.com/forms/d/${form.id}/viewform`;
    for (const response of form.responses) this.writeRow(form, response);
  }

  private headers(form: FormModel): string[] {
    const destination = form.destination as Destination;
    const row = ["Timestamp", ...(form.collectEmail ? ["Email Address"] : [])];
    for (const item of form.items) row[(destination.columns.get(item.id) ?? 0) - 1] = item.title;
    return Array.from(row, (h) => h ?? "");
  }

  /** Keeps a response; returns it. */
  store(form: FormModel, respondentEmail: string, answers: Map<number, string>, at: number): ResponseModel {
    const response: ResponseModel = {
      id: `2_ABaOnud${String(this.nextResponse++).padStart(6, "0")}`,
      timestamp: at,
      respondentEmail,
      answers,
    };
    form.responses.push(response);
    return response;
  }

  /**
   * Appends the response's row to the response sheet: Timestamp as a date-time, a date answer as
   * a date, text as given (a submitted "=1+1" stays text). Returns the row and the values as the
   * sheet displays them (what onFormSubmit's `values` carries).
   */
  writeRow(form: FormModel, response: ResponseModel): { row: number; display: string[]; width: number } | undefined {
    const destination = form.destination;
    if (!destination) return undefined;
    const ss = spreadsheetOf(this.runtime);
    const zone = ss.timeZone;
    const width = Math.max(form.collectEmail ? 2 : 1, ...destination.columns.values());
    const values: unknown[] = new Array(width).fill("");
    const display: string[] = new Array(width).fill("");
    const stamp = new Date(response.timestamp);
    values[0] = stamp;
    display[0] = formatDate(stamp, zone, "M/d/yyyy H:mm:ss");
    if (form.collectEmail) {
      values[1] = response.respondentEmail;
      display[1] = response.respondentEmail;
    }
    for (const item of form.items) {
      const column = destination.columns.get(item.id);
      const answer = response.answers.get(item.id) ?? "";
      if (!column) continue;
      if (item.type === "DATE" && answer) {
        const [year, month, day] = answer.split("-").map(Number);
        const date = fromWallClock({ year, month, day }, zone);
        values[column - 1] = date;
        display[column - 1] = formatDate(date, zone, "M/d/yyyy");
      } else {
        values[column - 1] = answer;
        display[column - 1] = answer;
      }
    }
    const row = ss.appendRow(destination.sheetName, values);
    return { row, display, width };
  }
}

/** The runtime's forms. */
export function formsModel(runtime: Runtime): FormsModel {
  return runtime.model("forms", () => new FormsModel(runtime));
}
