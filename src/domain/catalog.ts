/** The Credentials list: the credentials the agency recognises, and who badges each. */

import { collapseSpaces } from "./text";

export type BadgeIssuer = "Agency" | "Vendor";

export interface Credential {
  /** As written on the Credentials list. */
  name: string;
  vendor: string;
  /** Null when the Badge Issuer cell holds neither "Agency" nor "Vendor". */
  issuer: BadgeIssuer | null;
  templateId: string;
  active: boolean;
}

export interface Catalog {
  /** The credential whose name matches, ignoring case and spaces around and between words. */
  find(name: string): Credential | undefined;
  all(): readonly Credential[];
}

/** The matching key of a credential name. */
export function credentialKey(name: string): string {
  return collapseSpaces(name).toLowerCase();
}

/** A catalog over the list. When a name appears twice, the first row wins (as a person reads it). */
export function catalogOf(credentials: readonly Credential[]): Catalog {
  const byKey = new Map<string, Credential>();
  for (const credential of credentials) {
    const key = credentialKey(credential.name);
    if (key !== "" && !byKey.has(key)) byKey.set(key, credential);
  }
  return {
    find: (name) => byKey.get(credentialKey(name)),
    all: () => credentials,
  };
}
