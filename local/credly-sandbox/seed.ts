import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * What a Credly sandbox starts with: organizations and their API tokens, badge templates, and
 * optionally badges already issued. Field names are Credly's, so a seed reads like the API.
 */
export interface SandboxSeed {
  organizations: SeedOrganization[];
  templates: SeedTemplate[];
  badges?: SeedBadge[];
}

/** An API authorization token; Credly issues tokens with read-only or read/write scope. */
export interface SeedToken {
  token: string;
  write: boolean;
}

export interface SeedOrganization {
  id: string;
  name: string;
  vanity_slug: string;
  tokens: SeedToken[];
}

export type TemplateState = "active" | "archived" | "draft";

export interface SeedTemplate {
  id: string;
  organization_id: string;
  name: string;
  state: TemplateState;
  allow_duplicate_badges: boolean;
  description?: string;
  vanity_slug?: string;
  skills?: string[];
  reporting_tags?: string[];
  level?: string | null;
  image_url?: string | null;
}

export type BadgeState = "pending" | "accepted" | "rejected" | "revoked";

/** A badge that exists before the sandbox starts (e.g. issued by last month's run). */
export interface SeedBadge {
  id?: string;
  organization_id: string;
  badge_template_id: string;
  recipient_email: string;
  issued_to_first_name: string;
  issued_to_last_name: string;
  issued_to_middle_name?: string | null;
  issuer_earner_id?: string | null;
  /** ISO 8601 with an offset or Z. */
  issued_at: string;
  state?: BadgeState;
  locale?: string;
  revocation_reason?: string | null;
  created_at?: string;
  /** The badge's last change (its claim, rejection or revocation); default created_at. */
  updated_at?: string;
}

/** The demo seed used by `npm run sandbox` and `npm start` when no other seed is given. */
export const DEMO_SEED_FILE = path.join(__dirname, "demo-seed.json");

/** Reads and checks a seed file; a mistake names the file and the entry. */
export function readSeed(file: string): SandboxSeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Credly sandbox seed ${file} could not be read: ${(error as Error).message}`, { cause: error });
  }
  return checkSeed(parsed, file);
}

/** Checks a seed object's references (templates to organizations, badges to templates). */
export function checkSeed(value: unknown, source = "seed"): SandboxSeed {
  const seed = value as SandboxSeed;
  if (!seed || !Array.isArray(seed.organizations) || !Array.isArray(seed.templates)) {
    throw new Error(`Credly sandbox ${source}: expected { organizations: [...], templates: [...], badges?: [...] }`);
  }
  const orgIds = new Set(seed.organizations.map((o) => o.id));
  for (const org of seed.organizations) {
    if (!org.id || !org.name || !Array.isArray(org.tokens)) {
      throw new Error(`Credly sandbox ${source}: organization ${JSON.stringify(org.id)} needs id, name and tokens`);
    }
  }
  const templateIds = new Set<string>();
  for (const t of seed.templates) {
    if (!orgIds.has(t.organization_id)) {
      throw new Error(`Credly sandbox ${source}: template ${t.id} names unknown organization ${t.organization_id}`);
    }
    if (!["active", "archived", "draft"].includes(t.state)) {
      throw new Error(`Credly sandbox ${source}: template ${t.id} has state ${JSON.stringify(t.state)}`);
    }
    templateIds.add(t.id);
  }
  for (const b of seed.badges ?? []) {
    if (!templateIds.has(b.badge_template_id)) {
      throw new Error(`Credly sandbox ${source}: badge for ${b.recipient_email} names unknown template`);
    }
  }
  return seed;
}
