/**
 * Seeded demo data for `npm start`, the benchmark, the chaos suite and the end-to-end tests: the
 * Credentials and Entries sheets, and the Credly sandbox seed that goes with them.
 */
import type { SandboxSeed } from "../credly-sandbox/seed";
import { CATALOG, credentialRows, credlyTemplates } from "./catalog";
import { type DemoMonth, type GenerateOptions, generateMonth } from "./entries";
import { CREDENTIALS_HEADERS } from "./headers";
import { demoOrganization } from "./organization";

export type { CatalogCredential } from "./catalog";
export { CATALOG, credentialRows, credlyTemplates, templateIdFor } from "./catalog";
export type { DemoExpectation, DemoMonth, GenerateOptions, Intent, MonthExpectation } from "./entries";
export { generateMonth } from "./entries";
export type {
  CredentialRow,
  CredentialsHeader,
  EntriesHeader,
  EntryRow,
  EntrySource,
} from "./headers";
export { CREDENTIALS_HEADERS, ENTRIES_HEADERS } from "./headers";
export type { Decision, MistakeKind } from "./mistakes";
export { MISTAKE_KINDS } from "./mistakes";
export { demoOrganization } from "./organization";
export type { ProgramArea, ProgramSpec } from "./programs";
export { PROGRAM_AREAS, PROGRAMS } from "./programs";
export type { Random } from "./random";
export { hashText, seededRandom, stableUuid } from "./random";
export type { Instructor, Site, SiteKind, SiteProgram } from "./sites";
export { SITES } from "./sites";

/** The month `demoSeed` generates unless told otherwise. */
export const DEMO_MONTH = "2026-11";

export interface DemoSeed extends DemoMonth {
  /** The Credly sandbox's starting state for these entries. */
  sandbox: SandboxSeed;
}

/**
 * Everything a demo run needs for one seed: the entries of November 2026 (400 students, a few
 * dozen awkward entries), the credential catalog, and the sandbox seed. Options override.
 */
export function demoSeed(seed: number, options: Partial<Omit<GenerateOptions, "seed">> = {}): DemoSeed {
  const month = generateMonth({ month: DEMO_MONTH, ...options, seed });
  return { ...month, sandbox: sandboxSeedFor(month) };
}

/**
 * The Credly sandbox seed for the demo: the agency's organization and tokens, a badge template
 * per agency-badged credential (one archived), and the badges some students already hold.
 */
export function demoSandboxSeed(seed: number, options: Partial<Omit<GenerateOptions, "seed">> = {}): SandboxSeed {
  return sandboxSeedFor(generateMonth({ month: DEMO_MONTH, ...options, seed }));
}

function sandboxSeedFor(month: DemoMonth): SandboxSeed {
  const organization = demoOrganization();
  return {
    organizations: [organization],
    templates: credlyTemplates(organization.id, CATALOG),
    badges: month.credlyBadges,
  };
}

/**
 * The 2-D array a sheet gets: the header row, then one row per object in header order. A header
 * the object lacks gives "" (an empty cell, as Sheets returns it).
 */
export function toRows<H extends string>(
  headers: readonly H[],
  objects: readonly Partial<Record<H, unknown>>[],
): (string | number | boolean | Date)[][] {
  const rows: (string | number | boolean | Date)[][] = [headers.slice()];
  for (const o of objects) {
    rows.push(headers.map((h) => (o[h] ?? "") as string | number | boolean | Date));
  }
  return rows;
}

/** The Credentials sheet's rows for the demo catalog, header first. */
export function credentialsSheet(): (string | number | boolean | Date)[][] {
  return toRows(CREDENTIALS_HEADERS, credentialRows(CATALOG));
}
