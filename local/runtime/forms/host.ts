import type { ExecutionRecord } from "../execution";
import type { Realm, Runtime } from "../runtime";
import { fireFormSubmit } from "../scheduler";
import { spreadsheetOf } from "../spreadsheet";
import { type FormModel, formsModel, type ResponseModel } from "./model";
import { realmOf } from "./realms";

export interface SubmitOptions {
  /** The respondent's address (required when the form collects e-mail addresses). */
  respondentEmail?: string;
  /** When the instructor pressed Submit (default: the virtual clock's now; the clock moves there). */
  at?: Date;
  /**
   * Local fault: the response lands in the form and the sheet, but no trigger fires, as when a
   * trigger was disabled or failed to start on Google (for the reconcile tests).
   */
  triggerFails?: boolean;
}

export interface Submission {
  response: ResponseModel;
  /** The response sheet's row, when the form has a destination. */
  row?: number;
  /** The trigger runs it caused (none for `triggerFails` or without a destination). */
  executions: ExecutionRecord[];
}

/** The host's view of FormApp: the forms the script made, and people submitting them. */
export interface FormsHost {
  readonly forms: FormModel[];
  form(id: string): FormModel;
  /**
   * An instructor submits the form: answers by question title ("YYYY-MM-DD" for a date). Checked as
   * Google's form page checks them (required questions, e-mail validation, list choices); an invalid
   * submission throws and nothing is stored. The row lands in the response sheet and the
   * spreadsheet's onFormSubmit triggers fire with values, namedValues, range.
   */
  submit(formId: string, answers: Record<string, string>, options?: SubmitOptions): Submission;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(form: FormModel, answers: Record<string, string>, options: SubmitOptions): Map<number, string> {
  const problems: string[] = [];
  const titles = new Set(form.items.map((i) => i.title));
  for (const title of Object.keys(answers)) if (!titles.has(title)) problems.push(`"${title}": no such question`);
  if (form.collectEmail && !EMAIL.test(options.respondentEmail ?? ""))
    problems.push('"Email": Must be a valid email address');
  const kept = new Map<number, string>();
  for (const item of form.items) {
    const answer = (answers[item.title] ?? "").trim() === "" ? "" : answers[item.title];
    if (answer === "") {
      // The form page's own words (S).
      if (item.required) problems.push(`"${item.title}": This is a required question`);
      continue;
    }
    if (item.requireEmail && !EMAIL.test(answer)) problems.push(`"${item.title}": Must be a valid email address`);
    if (item.type === "LIST" && !item.choices.includes(answer))
      problems.push(`"${item.title}": "${answer}" is not a choice`);
    if (item.type === "DATE" && !/^\d{4}-\d{2}-\d{2}$/.test(answer)) problems.push(`"${item.title}": Invalid date`);
    kept.set(item.id, answer);
  }
  if (problems.length) throw new Error(`The form "${form.title}" refused the submission: ${problems.join("; ")}`);
  return kept;
}

/**
 * `e.range` of the event, resolved in the execution that reads it: the event object is made
 * before that execution exists, so this stands in for the Range and forwards every member to
 * `SpreadsheetApp.getActive().getSheetByName(sheet).getRange(row, 1, 1, width)` of the running
 * execution (those calls count as the script's). Passing it where a Range is required fails.
 */
function lazyRange(runtime: Runtime, sheetName: string, row: number, width: number): object {
  let resolved: { exec: unknown; range: Record<string | symbol, unknown> } | undefined;
  const current = () => {
    const exec = runtime.running.at(-1);
    if (!exec) throw new Error("e.range is only readable inside the trigger's execution");
    if (resolved?.exec !== exec) {
      const realm: Realm = realmOf(exec);
      const ScriptFunction = realm.Object.constructor as FunctionConstructor;
      const range = new ScriptFunction(
        "name",
        "row",
        "width",
        "return SpreadsheetApp.getActive().getSheetByName(name).getRange(row, 1, 1, width);",
      )(sheetName, row, width);
      resolved = { exec, range };
    }
    return resolved.range;
  };
  return new Proxy({}, { get: (_t, prop) => current()[prop] });
}

function fire(
  runtime: Runtime,
  form: FormModel,
  response: ResponseModel,
  row: number,
  display: string[],
  width: number,
) {
  const destination = form.destination;
  if (!destination) return [];
  const headers = spreadsheetOf(runtime).values(destination.sheetName)[0].map(String);
  const namedValues: Record<string, string[]> = {};
  headers.forEach((header, i) => {
    if (header !== "") namedValues[header] = [display[i] ?? ""];
  });
  const event = {
    values: display,
    namedValues,
    range: lazyRange(runtime, destination.sheetName, row, width),
  };
  return fireFormSubmit(runtime, event, { sourceId: destination.spreadsheetId, actor: response.respondentEmail });
}

export function formsOf(runtime: Runtime): FormsHost {
  const model = formsModel(runtime);
  return {
    forms: model.forms,
    form(id) {
      const form = model.find(id);
      if (!form) throw new Error(`No form with id ${id}`);
      return form;
    },
    submit(formId, answers, options = {}) {
      const form = this.form(formId);
      const kept = validate(form, answers, options);
      if (options.at) runtime.clock.setAtLeast(options.at.getTime());
      const at = options.at ? options.at.getTime() : runtime.clock.now();
      const response = model.store(form, options.respondentEmail ?? "", kept, at);
      const written = model.writeRow(form, response);
      if (!written) return { response, executions: [] };
      const executions = options.triggerFails
        ? []
        : fire(runtime, form, response, written.row, written.display, written.width);
      return { response, row: written.row, executions };
    },
  };
}
