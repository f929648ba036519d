import type { SeedOrganization, SeedTemplate } from "./seed";
import type { BadgeRecord } from "./store";

/**
 * Badges, templates and organizations rendered field for field as Credly sends them (the shapes
 * of shared/fixtures/credly-recorded/). `base` is the sandbox's own http://127.0.0.1:PORT, used
 * where Credly writes https://api.credly.com — with the same extra `/api` before `/v1`.
 */
export type Json = Record<string, unknown>;

export function organizationUrl(base: string, org: SeedOrganization): string {
  return `${base}/api/v1/organizations/${org.id}`;
}

function organizationRef(base: string, org: SeedOrganization): Json {
  return {
    type: "Organization",
    id: org.id,
    name: org.name,
    url: organizationUrl(base, org),
    vanity_url: `https://www.credly.com/org/${org.vanity_slug}`,
    share_to_ziprecruiter: false,
    verified: false,
  };
}

function owner(base: string, org: SeedOrganization): Json {
  return {
    type: "Organization",
    id: org.id,
    name: org.name,
    enable_blockchain: false,
    url: organizationUrl(base, org),
    vanity_url: `https://www.credly.com/org/${org.vanity_slug}`,
    vanity_slug: org.vanity_slug,
    verified: false,
    viewable: true,
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function image(base: string, template: SeedTemplate): { id: string; url: string } {
  return { id: template.id, url: template.image_url ?? `${base}/images/${template.id}/badge.png` };
}

export interface TemplateView {
  base: string;
  org: SeedOrganization;
  badgesCount: number;
  createdAt: string;
  /** The template list carries `reporting_tags`; the copy inside a badge does not. */
  inList: boolean;
}

export function templateJson(t: SeedTemplate, view: TemplateView): Json {
  const vanity = t.vanity_slug ?? slug(t.name);
  const img = image(view.base, t);
  const json: Json = {
    id: t.id,
    allow_duplicate_badges: t.allow_duplicate_badges,
    cost: null,
    description: t.description ?? "",
    global_activity_url: null,
    level: t.level ?? null,
    lock_badge_state: false,
    name: t.name,
    state: t.state,
    public: true,
    badges_count: view.badgesCount,
    recipient_type: "User",
    send_expiring_badge_notifications: false,
    show_badge_lmi: false,
    show_lmi_jobs: false,
    show_skill_tag_links: true,
    vanity_slug: vanity,
    record_to_blockchain: null,
    time_to_earn: null,
    type_category: null,
    printing_disabled: false,
    visibility: "public",
    criteria_url_name: null,
    criteria_url: null,
    certification: true,
    state_updated_at: null,
    created_at: view.createdAt,
    updated_at: view.createdAt,
    show_template_settings: false,
    get_issue_count: view.badgesCount,
    image: img,
    image_url: img.url,
    url: `https://www.credly.com/org/${view.org.vanity_slug}/badge/${vanity}`,
    owner: owner(view.base, view.org),
    alignments: [],
    recommendations: [],
    required_badge_templates: [],
    badge_template_activities: [],
    skills: t.skills ?? [],
  };
  if (view.inList) json.reporting_tags = t.reporting_tags ?? [];
  return json;
}

export function badgeJson(b: BadgeRecord, t: SeedTemplate, view: Omit<TemplateView, "inList">): Json {
  const ref = organizationRef(view.base, view.org);
  const img = image(view.base, t);
  const middle = b.issued_to_middle_name ? ` ${b.issued_to_middle_name}` : "";
  return {
    user: {},
    created_by: ref,
    issuer: {
      summary: `issued by ${view.org.name}`,
      entities: [{ label: "Issued by", primary: true, entity: ref }],
    },
    printing_enabled: true,
    print_method: "custom",
    badge_template: templateJson(t, { ...view, inList: false }),
    id: b.id,
    issued_to: `${b.issued_to_first_name}${middle} ${b.issued_to_last_name}`,
    issued_to_first_name: b.issued_to_first_name,
    issued_to_middle_name: b.issued_to_middle_name,
    issued_to_last_name: b.issued_to_last_name,
    issuer_earner_id: b.issuer_earner_id,
    locale: b.locale,
    public: true,
    recipient_email: b.recipient_email,
    replacement_badge_id: b.replacement_badge_id,
    replaces_badge_id: b.replaces_badge_id,
    revocation_reason: b.revocation_reason,
    state: b.state,
    suppress_badge_notification_email: b.suppress_badge_notification_email,
    updated_at: b.updated_at,
    country: b.country_name,
    country_code: null,
    state_or_province: b.state_or_province,
    created_at: b.created_at,
    expires_at: b.expires_at,
    expires_at_date: b.expires_at ? b.expires_at.slice(0, 10) : null,
    issued_at: b.issued_at,
    issued_at_date: b.issued_at_date,
    state_updated_at: b.state_updated_at,
    image: img,
    image_url: img.url,
    alignments: [],
    evidence: b.evidence,
    accept_badge_url: `https://www.credly.com/badges/${b.id}/accept`,
  };
}

/** Credly's error body (recorded: issue_badge_failure.json). */
export function errorJson(message: string): Json {
  return { data: { message }, metadata: null };
}
