/**
 * The instructor form: a Google Form whose responses land in this spreadsheet, and the one
 * installable onFormSubmit trigger that turns each response into an Entries row.
 */

import { credentialOf } from "../workbook/records";
import { CREDENTIALS } from "../workbook/schemas";
import { readTable, requireSheet } from "../workbook/table";
import { writeLog } from "./log";
import type { FormItemSpec, Services } from "./ports";
import { loadSettings, updateSettings } from "./settings";

/** The trigger's entry point in main.ts. */
export const FORM_SUBMIT_HANDLER = "onInstructorFormSubmit";

/**
 * Where the form's responses land ("Form Responses 1"). The Forms port does not say, so the name
 * is taken when the form is made (the sheet that appeared) and kept here; settings hold the form.
 */
export const RESPONSE_SHEET_KEY = "badgedesk.formResponseSheet";

/**
 * The questions carry the Entries headers as titles, so a response column maps to its Entries
 * column by name. The instructor's e-mail is the address Google collects (setCollectEmail): it
 * cannot be mistyped, and its column is "Email Address".
 */
export const QUESTION = {
  instructorName: "Instructor Name",
  site: "Site",
  program: "Program",
  firstName: "Student First Name",
  lastName: "Student Last Name",
  email: "Student Email",
  credential: "Credential",
  dateEarned: "Date Earned",
} as const;
export const RESPONDENT_EMAIL = "Email Address";
/**
 * Left blank for a new entry. A correction link (receipts, digests) pre-fills it with the Entry ID
 * it corrects, so the submission replaces that entry's fields instead of adding one. Not in
 * QUESTION: a form made before it existed has no such column, and its responses still read.
 */
export const CORRECTING_QUESTION = "Correcting Entry ID";
export const RESPONSE_TIMESTAMP = "Timestamp";

function formItems(credentials: string[]): FormItemSpec[] {
  return [
    { title: QUESTION.instructorName, kind: "text", required: true },
    { title: QUESTION.site, kind: "text", required: true, helpText: "Your school or campus" },
    { title: QUESTION.program, kind: "text", required: true },
    { title: QUESTION.firstName, kind: "text", required: true },
    { title: QUESTION.lastName, kind: "text", required: true },
    {
      title: QUESTION.email,
      kind: "email",
      required: true,
      helpText: "The badge and its notice go to this address: a personal one lasts after graduation.",
    },
    { title: QUESTION.credential, kind: "list", required: true, choices: credentials },
    { title: QUESTION.dateEarned, kind: "date", required: true },
    {
      title: CORRECTING_QUESTION,
      kind: "text",
      required: false,
      helpText: "Leave blank for a new entry. A correction link from BadgeDesk fills it in.",
    },
  ];
}

/** Active credentials, by name as the Credentials list writes them (one read). */
function activeCredentials(services: Services): string[] {
  const table = readTable(requireSheet(services.workbook, CREDENTIALS.sheet), CREDENTIALS);
  const names = table.rows
    .map(credentialOf)
    .filter((c) => c.active && c.name !== "")
    .map((c) => c.name);
  const unique = Array.from(new Set(names));
  if (unique.length === 0) {
    throw new Error(`Sheet "${CREDENTIALS.sheet}" has no active credential (Active = Yes). Add the credentials first.`);
  }
  return unique;
}

/** Removes every BadgeDesk form trigger, then installs one: never two, whatever happened before. */
function installFormTrigger(services: Services): string {
  for (const trigger of services.triggers.list()) {
    if (trigger.handler === FORM_SUBMIT_HANDLER) services.triggers.remove(trigger.id);
  }
  return services.triggers.onFormSubmit(FORM_SUBMIT_HANDLER);
}

export interface FormResult {
  created: boolean;
  formId: string;
  formUrl: string;
  responseSheet: string;
  choices: number;
  message: string;
}

/**
 * Creates the form (or keeps the one already made) and (re)installs its trigger. A second click
 * makes no second form: it only makes sure the trigger is there once.
 */
export function createInstructorForm(services: Services): FormResult {
  const settings = loadSettings(services.scriptProperties);
  const choices = activeCredentials(services);
  const existingSheet = services.scriptProperties.get(RESPONSE_SHEET_KEY) ?? "";
  if (settings.formId) {
    installFormTrigger(services);
    const message = `The instructor form already exists: ${settings.formUrl}\nIts trigger is installed.`;
    writeLog(services, { action: "Create instructor form", outcome: "Form existed; trigger reinstalled" });
    return {
      created: false,
      formId: settings.formId,
      formUrl: settings.formUrl,
      responseSheet: existingSheet,
      choices: choices.length,
      message,
    };
  }
  const before = new Set(services.workbook.sheetNames());
  const form = services.forms.create(
    "Report a student's credential",
    "One response per credential a student earned. The agency reviews each month's reports and " +
      "e-mails the student before the digital badge arrives from Credly (admin@credly.com).",
    formItems(choices),
  );
  const responseSheet = services.workbook.sheetNames().find((name) => !before.has(name)) ?? "";
  if (responseSheet) services.scriptProperties.set(RESPONSE_SHEET_KEY, responseSheet);
  updateSettings(services.scriptProperties, { formId: form.id, formUrl: form.url });
  installFormTrigger(services);
  writeLog(services, {
    action: "Create instructor form",
    counts: { credentials: choices.length },
    outcome: `Form created; responses land in "${responseSheet}"`,
  });
  return {
    created: true,
    formId: form.id,
    formUrl: form.url,
    responseSheet,
    choices: choices.length,
    message: `The instructor form is ready. Share this link with instructors:\n${form.url}`,
  };
}

export interface RefreshResult {
  choices: number;
  message: string;
}

/** Puts the active credentials into the form's Credential list (after the catalog changed). */
export function refreshFormChoices(services: Services): RefreshResult {
  const settings = loadSettings(services.scriptProperties);
  if (!settings.formId) throw new Error("There is no instructor form yet. Use Create instructor form first.");
  const choices = activeCredentials(services);
  services.forms.setChoices(settings.formId, QUESTION.credential, choices);
  writeLog(services, { action: "Refresh form choices", counts: { credentials: choices.length }, outcome: "OK" });
  return { choices: choices.length, message: `The form now lists ${choices.length} active credentials.` };
}
