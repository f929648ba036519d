import { operatorRefusal } from "./access";
import { credlyFor } from "./credly";
import { nextMonthlyRun } from "./next-run";
import type { Services } from "./ports";
import { readSchedule } from "./schedule";
import { loadSettings, loadToken, maskToken, TOKEN_KEY, updateSettings } from "./settings";
import { type EditableSettings, type FieldErrors, parseSettingsForm, type SettingsForm } from "./settings-form";

/** What the settings page shows. The token itself never leaves the server: only whether it is set. */
export interface SettingsView {
  settings: EditableSettings;
  token: { tokenSet: boolean; tokenMasked: string };
  /** The person at the keyboard, and whether they may change settings. */
  you: string;
  canEdit: boolean;
  /** Why not, in words (empty when canEdit). */
  refusal: string;
  schedule: { nextRun: string; timeZone: string; owner: string };
  formUrl: string;
}

export interface SaveResult {
  ok: boolean;
  /** Field → problem; "_form" for a problem with the whole form (e.g. not an operator). */
  errors: FieldErrors;
}

export interface TokenResult {
  ok: boolean;
  error: string;
  token: SettingsView["token"];
}

export interface ConnectionAnswer {
  ok: boolean;
  message: string;
}

function tokenView(services: Services): SettingsView["token"] {
  const token = loadToken(services.userProperties);
  return { tokenSet: token !== "", tokenMasked: maskToken(token) };
}

/**
 * The monthly run as installed by Schedule monthly run… (its record says who owns the trigger:
 * installable triggers are listed only to their owner, shared/reference/apps-script.md), and the
 * Credly token it will use is that owner's.
 */
function scheduleView(services: Services, settings: EditableSettings): SettingsView["schedule"] {
  const installed = readSchedule(services);
  const timeZone = installed?.timeZone ?? services.workbook.timeZone();
  if (!installed) {
    return { nextRun: "Not scheduled: use Schedule monthly run… in the menu.", timeZone, owner: "nobody yet" };
  }
  const mine = installed.owner.toLowerCase() === services.users.active().toLowerCase();
  const differs = installed.day !== settings.scheduleDay || installed.hour !== settings.scheduleHour;
  const nextRun = nextMonthlyRun(services.clock.now(), timeZone, installed.day, installed.hour, services.formatDate);
  return {
    nextRun: differs ? `${nextRun} (the day and hour above apply once you use Schedule monthly run… again)` : nextRun,
    timeZone,
    owner: `${installed.owner}${mine ? " (you)" : ""}: the monthly run uses that account's Credly token`,
  };
}

/** The settings page's data. */
export function settingsView(services: Services): SettingsView {
  const { formId: _formId, formUrl, ...settings } = loadSettings(services.scriptProperties);
  const refusal = operatorRefusal(services, "change settings");
  return {
    settings,
    token: tokenView(services),
    you: services.users.active(),
    canEdit: refusal === "",
    refusal,
    schedule: scheduleView(services, settings),
    formUrl,
  };
}

/** Checks every field and saves them all, or saves nothing and says what is wrong where. */
export function saveSettingsFromPage(services: Services, form: SettingsForm): SaveResult {
  const refusal = operatorRefusal(services, "change settings");
  if (refusal) return { ok: false, errors: { _form: refusal } };
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const you = services.users.active().toLowerCase();
  if (parsed.settings.operators.length > 0 && you && !parsed.settings.operators.includes(you)) {
    return {
      ok: false,
      errors: { operators: `Add yourself (${you}): without it you could not change settings again.` },
    };
  }
  updateSettings(services.scriptProperties, parsed.settings);
  return { ok: true, errors: {} };
}

// Credly does not publish the token's format; this only refuses what cannot be one (a pasted
// sentence, a line break) so a slip is caught before a 401 is.
const TOKEN_SHAPE = /^[\x21-\x7e]{8,512}$/;

/**
 * Saves the Credly token in the specialist's own user properties (never a cell, never the Log, never
 * script properties where other editors could read it). An empty token removes it.
 */
export function saveCredlyToken(services: Services, token: unknown): TokenResult {
  const refusal = operatorRefusal(services, "change the Credly token");
  if (refusal) return { ok: false, error: refusal, token: tokenView(services) };
  const value = typeof token === "string" ? token.trim() : "";
  if (value === "") {
    services.userProperties.remove(TOKEN_KEY);
    return { ok: true, error: "", token: tokenView(services) };
  }
  if (!TOKEN_SHAPE.test(value)) {
    return {
      ok: false,
      error: "That does not look like a Credly token: paste it again without spaces or line breaks.",
      token: tokenView(services),
    };
  }
  services.userProperties.set(TOKEN_KEY, value);
  return { ok: true, error: "", token: tokenView(services) };
}

/** One read from Credly with the saved settings and your own token; the answer in words. */
export function testCredlyConnection(services: Services): ConnectionAnswer {
  let client: ReturnType<typeof credlyFor>;
  try {
    client = credlyFor(services);
  } catch (error) {
    // Not set up yet (CredlyNotConfigured), or a custom address that is not one: answers for the page.
    if (error instanceof Error) return { ok: false, message: error.message };
    throw error;
  }
  const answer = client.testConnection();
  return { ok: answer.ok, message: answer.message };
}
