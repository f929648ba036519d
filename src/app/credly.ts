import { type CredlyClient, credlyBaseUrl, credlyClient } from "../credly";
import type { Services } from "./ports";
import { loadSettings, loadToken, type Settings } from "./settings";

export class CredlyNotConfigured extends Error {}

/**
 * The Credly client for the saved settings and the running user's token. The token is read from
 * the *user* properties of whoever runs this execution (the trigger's owner for a trigger run),
 * so it must be saved by that account.
 */
export function credlyFor(
  services: Pick<Services, "http" | "scriptProperties" | "userProperties" | "base64">,
  settings: Settings = loadSettings(services.scriptProperties),
): CredlyClient {
  const token = loadToken(services.userProperties);
  if (!settings.credlyOrganizationId) {
    throw new CredlyNotConfigured("Credly is not set up: enter the organization id in Settings.");
  }
  if (!token) {
    throw new CredlyNotConfigured(
      "No Credly token for this account: save the organization's token in Settings (it is kept per user).",
    );
  }
  return credlyClient({
    http: services.http,
    baseUrl: credlyBaseUrl(settings.credlyEnvironment, settings.credlyCustomUrl),
    organizationId: settings.credlyOrganizationId,
    token,
    base64: services.base64,
  });
}
