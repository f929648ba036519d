import type { PropertyStore } from "./ports";

/**
 * The specialist's settings. Everything but the Credly token lives in script properties as one
 * small JSON value (one read per execution); the token lives in the specialist's *user*
 * properties, so it is never in a cell, a log line, or another user's reach.
 */
export interface Settings {
  credlyEnvironment: "production" | "sandbox" | "custom";
  credlyCustomUrl: string;
  credlyOrganizationId: string;
  agencyName: string;
  senderName: string;
  replyTo: string;
  /** A verified send-as alias; empty sends from the account itself through MailApp. */
  aliasFrom: string;
  /** Days between a student's notice and the badge (0 allowed). */
  noticeDelayDays: number;
  /**
   * Badges per fetchAll batch. fetchAll sends in waves of parallel requests (about 20, an
   * unmeasured assumption), so a multiple of 20 leaves no wave half empty; 100 keeps the rows
   * marked Issuing at any moment few enough to look up quickly after a crash.
   */
  batchSize: number;
  scheduleDay: number;
  scheduleHour: number;
  defaultLanguage: "en" | "es";
  /** Who may send, issue, revoke or change settings (e-mail addresses); empty = the owner only. */
  operators: string[];
  /** Who gets the monthly summary; empty = the account running the trigger. */
  specialistEmail: string;
  vendorNoteEnabled: boolean;
  receiptsEnabled: boolean;
  receiptWindowMinutes: number;
  /** The instructor form, once created. */
  formId: string;
  formUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  credlyEnvironment: "sandbox",
  credlyCustomUrl: "",
  credlyOrganizationId: "",
  agencyName: "CareerTech",
  senderName: "CareerTech Badging",
  replyTo: "",
  aliasFrom: "",
  noticeDelayDays: 2,
  batchSize: 100,
  scheduleDay: 1,
  scheduleHour: 6,
  defaultLanguage: "en",
  operators: [],
  specialistEmail: "",
  vendorNoteEnabled: false,
  receiptsEnabled: true,
  receiptWindowMinutes: 30,
  formId: "",
  formUrl: "",
};

export const SETTINGS_KEY = "badgedesk.settings";
export const TOKEN_KEY = "badgedesk.credlyToken";

export function loadSettings(scriptProperties: PropertyStore): Settings {
  const raw = scriptProperties.get(SETTINGS_KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
}

export function saveSettings(scriptProperties: PropertyStore, settings: Settings): void {
  scriptProperties.set(SETTINGS_KEY, JSON.stringify(settings));
}

/** Merges a partial change into the stored settings and saves them. */
export function updateSettings(scriptProperties: PropertyStore, change: Partial<Settings>): Settings {
  const next = { ...loadSettings(scriptProperties), ...change };
  saveSettings(scriptProperties, next);
  return next;
}

export function loadToken(userProperties: PropertyStore): string {
  return userProperties.get(TOKEN_KEY) ?? "";
}

/** "abcd…wxyz" style mask: enough to recognise a token, never enough to use it. */
export function maskToken(token: string): string {
  if (!token) return "";
  if (token.length <= 8) return "•".repeat(token.length);
  return `${token.slice(0, 2)}${"•".repeat(8)}${token.slice(-2)}`;
}
