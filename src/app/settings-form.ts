import { emailFault, normaliseEmail } from "../domain/email";
import type { Settings } from "./settings";

/**
 * The settings page's form as google.script.run hands it over: text fields as strings,
 * check boxes as booleans. Anything may be missing or of the wrong type (a page is not trusted).
 */
export type SettingsForm = Record<string, unknown>;

/** Field name → what is wrong with it, in words the page shows next to the field. */
export type FieldErrors = Record<string, string>;

/** The fields the page may change; the form id/url are set by "Create instructor form" only. */
export type EditableSettings = Omit<Settings, "formId" | "formUrl">;

export type ParsedForm = { ok: true; settings: EditableSettings } | { ok: false; errors: FieldErrors };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Apps Script has no URL class, so the address is checked by shape. Plain http only to this
// machine: a token sent in the clear anywhere else could be read on the way.
const HTTPS_URL = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[^\s?#]*)?$/i;
const LOCAL_HTTP_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/[^\s?#]*)?$/i;
// A sender name goes into a From header: no line breaks, quotes or angle brackets.
const HEADER_UNSAFE = /[<>"\\]|\p{Cc}/u;
const NAME_MAX = 100;

export const FIELD_RULES = {
  noticeDelayDays: { min: 0, max: 30, unit: "days" },
  batchSize: { min: 1, max: 100, unit: "badges" },
  scheduleDay: { min: 1, max: 28, unit: "" },
  scheduleHour: { min: 0, max: 23, unit: "" },
  receiptWindowMinutes: { min: 0, max: 1440, unit: "minutes" },
} as const;

function text(form: SettingsForm, field: string): string {
  const value = form[field];
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

function flag(form: SettingsForm, field: string): boolean {
  return form[field] === true || form[field] === "true" || form[field] === "on";
}

/** Splits an operators box: one address per line, or separated by commas or semicolons. */
export function operatorList(textValue: string): string[] {
  return textValue
    .split(/[\s,;]+/)
    .map(normaliseEmail)
    .filter((e) => e !== "");
}

/**
 * Reads and checks every field. Each error names the field's problem and what is allowed, so the
 * specialist can fix it without reading documentation.
 */
export function parseSettingsForm(form: SettingsForm): ParsedForm {
  const errors: FieldErrors = {};

  const wholeNumber = (field: keyof typeof FIELD_RULES): number => {
    const { min, max, unit } = FIELD_RULES[field];
    const raw = text(form, field);
    const n = Number(raw);
    if (raw === "" || !Number.isInteger(n) || n < min || n > max) {
      errors[field] = `Enter a whole number from ${min} to ${max}${unit ? ` ${unit}` : ""}.`;
    }
    return n;
  };
  const optionalEmail = (field: string): string => {
    const email = normaliseEmail(text(form, field));
    if (email === "") return "";
    const fault = emailFault(email);
    if (fault) errors[field] = `"${email}" ${fault}.`;
    return email;
  };
  const name = (field: string, label: string): string => {
    const value = text(form, field);
    if (value === "") errors[field] = `Enter the ${label}.`;
    else if (value.length > NAME_MAX) errors[field] = `Keep the ${label} to ${NAME_MAX} characters or fewer.`;
    else if (HEADER_UNSAFE.test(value)) errors[field] = `The ${label} cannot contain quotes, < >, \\ or line breaks.`;
    return value;
  };

  const environment = text(form, "credlyEnvironment");
  if (environment !== "production" && environment !== "sandbox" && environment !== "custom") {
    errors.credlyEnvironment = "Choose production, sandbox or a custom address.";
  }
  const customUrl = text(form, "credlyCustomUrl");
  // Checked only when chosen: a custom address kept from earlier is not used otherwise.
  if (environment === "custom" && customUrl === "") {
    errors.credlyCustomUrl = "Enter the custom Credly address, e.g. https://credly.example.org.";
  } else if (environment === "custom" && !HTTPS_URL.test(customUrl) && !LOCAL_HTTP_URL.test(customUrl)) {
    errors.credlyCustomUrl =
      "Enter an https:// address (plain http:// only for this computer: 127.0.0.1 or localhost).";
  }
  const organizationId = text(form, "credlyOrganizationId").toLowerCase();
  if (organizationId !== "" && !UUID.test(organizationId)) {
    errors.credlyOrganizationId =
      "The Organization ID is a UUID like 1b3e1c5e-0d4f-4b8a-9a57-5f2c3f0a7d21 (Credly → Organization → Settings).";
  }

  const agencyName = name("agencyName", "agency name");
  const senderName = name("senderName", "sender name");
  const replyTo = optionalEmail("replyTo");
  const aliasFrom = optionalEmail("aliasFrom");
  const specialistEmail = optionalEmail("specialistEmail");

  const operators = operatorList(text(form, "operators"));
  const badOperator = operators.map((o) => [o, emailFault(o)] as const).find(([, fault]) => fault);
  if (badOperator) errors.operators = `"${badOperator[0]}" ${badOperator[1]}.`;

  const language = text(form, "defaultLanguage");
  if (language !== "en" && language !== "es") errors.defaultLanguage = "Choose English or Spanish.";

  const settings: EditableSettings = {
    credlyEnvironment: environment as Settings["credlyEnvironment"],
    credlyCustomUrl: customUrl,
    credlyOrganizationId: organizationId,
    agencyName,
    senderName,
    replyTo,
    aliasFrom,
    noticeDelayDays: wholeNumber("noticeDelayDays"),
    batchSize: wholeNumber("batchSize"),
    scheduleDay: wholeNumber("scheduleDay"),
    scheduleHour: wholeNumber("scheduleHour"),
    defaultLanguage: language as Settings["defaultLanguage"],
    operators: [...new Set(operators)],
    specialistEmail,
    vendorNoteEnabled: flag(form, "vendorNoteEnabled"),
    receiptsEnabled: flag(form, "receiptsEnabled"),
    receiptWindowMinutes: wholeNumber("receiptWindowMinutes"),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
