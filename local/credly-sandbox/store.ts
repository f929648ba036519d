import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { type BadgeState, checkSeed, type SandboxSeed, type SeedOrganization, type SeedTemplate } from "./seed";

/** A badge as the sandbox keeps it: Credly's field names, times in ISO UTC. */
export interface BadgeRecord {
  id: string;
  organization_id: string;
  badge_template_id: string;
  recipient_email: string;
  issued_to_first_name: string;
  issued_to_middle_name: string | null;
  issued_to_last_name: string;
  issuer_earner_id: string | null;
  issued_at: string;
  issued_at_date: string;
  expires_at: string | null;
  locale: string;
  state: BadgeState;
  state_updated_at: string | null;
  revocation_reason: string | null;
  suppress_badge_notification_email: boolean;
  replaces_badge_id: string | null;
  replacement_badge_id: string | null;
  country_name: string | null;
  state_or_province: string | null;
  evidence: unknown[];
  created_at: string;
  updated_at: string;
}

export type NewBadge = Omit<
  BadgeRecord,
  "id" | "state" | "state_updated_at" | "revocation_reason" | "replacement_badge_id" | "created_at" | "updated_at"
>;

interface SavedState {
  format: "credly-sandbox/1";
  seed: SandboxSeed;
  startedAt: string;
  badges: BadgeRecord[];
  autoAccept: string[];
}

/**
 * Credly's records for every organization of one sandbox process. Each change is written to the
 * data file (if any) before it is answered, so a killed sandbox restarted on the same file keeps
 * every badge it acknowledged — and every badge it created but never got to acknowledge.
 */
export class CredlyStore {
  private state: SavedState;

  private constructor(
    state: SavedState,
    private readonly dataFile?: string,
  ) {
    this.state = state;
  }

  /** Opens the data file if it exists (the seed is then only what `reset` returns to). */
  static open(seed: SandboxSeed, dataFile?: string): CredlyStore {
    if (dataFile && existsSync(dataFile)) {
      const saved = JSON.parse(readFileSync(dataFile, "utf8")) as SavedState;
      if (saved.format !== "credly-sandbox/1") throw new Error(`${dataFile} is not a Credly sandbox data file`);
      return new CredlyStore(saved, dataFile);
    }
    const store = new CredlyStore(fresh(checkSeed(seed)), dataFile);
    store.save();
    return store;
  }

  /** Back to the seed (or a new one): badges, auto-accept list and all. */
  reset(seed: SandboxSeed = this.state.seed): void {
    this.state = fresh(checkSeed(seed));
    this.save();
  }

  /** The seed the store was last reset to (the one it started from, unless a reset gave another). */
  seed(): SandboxSeed {
    return this.state.seed;
  }

  organization(id: string): SeedOrganization | undefined {
    return this.state.seed.organizations.find((o) => o.id === id);
  }

  templates(organizationId: string): SeedTemplate[] {
    return this.state.seed.templates.filter((t) => t.organization_id === organizationId);
  }

  template(organizationId: string, id: string): SeedTemplate | undefined {
    return this.templates(organizationId).find((t) => t.id === id);
  }

  templatesCreatedAt(): string {
    return this.state.startedAt;
  }

  badges(organizationId: string): BadgeRecord[] {
    return this.state.badges.filter((b) => b.organization_id === organizationId);
  }

  allBadges(): BadgeRecord[] {
    return this.state.badges;
  }

  badge(organizationId: string, id: string): BadgeRecord | undefined {
    return this.state.badges.find((b) => b.id === id && b.organization_id === organizationId);
  }

  badgeAnywhere(id: string): BadgeRecord | undefined {
    return this.state.badges.find((b) => b.id === id);
  }

  autoAcceptList(): string[] {
    return this.state.autoAccept;
  }

  /** Creates a badge; an earner who auto-accepts this organization's badges has it accepted at once. */
  issue(input: NewBadge): BadgeRecord {
    const now = new Date().toISOString();
    const autoAccepted = this.state.autoAccept.includes(input.recipient_email.toLowerCase());
    const badge: BadgeRecord = {
      ...input,
      id: randomUUID(),
      state: autoAccepted ? "accepted" : "pending",
      state_updated_at: autoAccepted ? now : null,
      revocation_reason: null,
      replacement_badge_id: null,
      created_at: now,
      updated_at: now,
    };
    this.state.badges.push(badge);
    this.save();
    return badge;
  }

  setState(badge: BadgeRecord, state: BadgeState, changes: Partial<BadgeRecord> = {}): BadgeRecord {
    const now = new Date().toISOString();
    Object.assign(badge, changes, { state, state_updated_at: now, updated_at: now });
    this.save();
    return badge;
  }

  addAutoAccept(email: string): void {
    const lower = email.toLowerCase();
    if (!this.state.autoAccept.includes(lower)) this.state.autoAccept.push(lower);
    this.save();
  }

  private save(): void {
    if (!this.dataFile) return;
    // Write then rename: a kill mid-write leaves the previous file whole.
    const temp = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.dataFile);
  }
}

function fresh(seed: SandboxSeed): SavedState {
  const startedAt = new Date().toISOString();
  const badges = (seed.badges ?? []).map((b): BadgeRecord => {
    const issued = new Date(b.issued_at).toISOString();
    const created = b.created_at ? new Date(b.created_at).toISOString() : issued;
    const state = b.state ?? "pending";
    const updated = b.updated_at ? new Date(b.updated_at).toISOString() : created;
    return {
      id: b.id ?? randomUUID(),
      organization_id: b.organization_id,
      badge_template_id: b.badge_template_id,
      recipient_email: b.recipient_email,
      issued_to_first_name: b.issued_to_first_name,
      issued_to_middle_name: b.issued_to_middle_name ?? null,
      issued_to_last_name: b.issued_to_last_name,
      issuer_earner_id: b.issuer_earner_id ?? null,
      issued_at: issued,
      issued_at_date: issued.slice(0, 10),
      expires_at: null,
      locale: b.locale ?? "en",
      state,
      state_updated_at: state === "pending" ? null : updated,
      revocation_reason: b.revocation_reason ?? null,
      suppress_badge_notification_email: false,
      replaces_badge_id: null,
      replacement_badge_id: null,
      country_name: null,
      state_or_province: null,
      evidence: [],
      created_at: created,
      updated_at: updated,
    };
  });
  return { format: "credly-sandbox/1", seed, startedAt, badges, autoAccept: [] };
}
