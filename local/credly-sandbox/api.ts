import { badgeJson, errorJson, type Json, templateJson } from "./credly-json";
import { checkIssue, type IssueRequest, isBlank } from "./issue-request";
import { ListError, page, parseFilter, parseSort, sortBy } from "./listing";
import type { SandboxRules } from "./rules";
import type { SeedOrganization, SeedTemplate } from "./seed";
import type { BadgeRecord, CredlyStore } from "./store";

/** One Credly API request, its path already stripped of `/v1` or `/api/v1`. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiAnswer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

const BADGE_FILTER_KEYS = ["recipient_email", "recipient_email_all", "badge_template_id", "issuer_earner_id", "state"];
const TEMPLATE_FILTER_KEYS = ["state", "name"];

const fail = (status: number, message: string): ApiAnswer => ({ status, body: errorJson(message) });
const one = (status: number, data: Json): ApiAnswer => ({ status, body: { data, metadata: {} } });

interface Context {
  org: SeedOrganization;
  request: ApiRequest;
  json: Record<string, unknown>;
}

/**
 * The Credly web service API subset BadgeDesk uses, over one store. Checks run in the order a
 * client meets them: route and organization (404), token (401), write scope (403), content type,
 * JSON, then the endpoint's own rules (422).
 */
export class CredlyApi {
  constructor(
    private readonly store: CredlyStore,
    private readonly rules: SandboxRules,
    private readonly base: () => string,
  ) {}

  handle(request: ApiRequest): ApiAnswer {
    const parts = request.path.split("/").filter(Boolean);
    if (parts[0] !== "organizations" || parts.length < 3) return fail(404, "Not Found");
    const org = this.store.organization(parts[1]);
    if (!org) return fail(404, `Organization not found: ${parts[1]}`);

    const scope = tokenScope(org, request.headers.authorization);
    if (!scope) return fail(401, "Unauthorized: invalid or missing authorization token");
    const writes = request.method !== "GET";
    if (writes && scope !== "write") return fail(403, "Forbidden: this authorization token cannot write");

    let json: Record<string, unknown> = {};
    if (writes) {
      const type = String(request.headers["content-type"] ?? "");
      if (!/^application\/json\b/i.test(type)) {
        return fail(this.rules.nonJsonStatus, `Content-Type must be application/json, not "${type}"`);
      }
      try {
        json = request.body ? JSON.parse(request.body) : {};
      } catch {
        return fail(400, "The request body is not valid JSON");
      }
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        return fail(400, "The request body must be a JSON object");
      }
    }
    const ctx: Context = { org, request, json };
    const [, , collection, id, action] = parts;
    const route = `${request.method} ${collection}${id ? "/:id" : ""}${action ? `/${action}` : ""}`;
    try {
      switch (route) {
        case "POST badges":
          return this.issue(ctx);
        case "GET badges":
          return this.listBadges(ctx);
        case "GET badges/:id":
          return this.showBadge(ctx, id);
        case "PUT badges/:id/revoke":
          return this.revoke(ctx, id);
        case "POST badges/:id/replace":
          return this.replace(ctx, id);
        case "GET badge_templates":
          return this.listTemplates(ctx);
        case "GET badge_templates/:id":
          return this.showTemplate(ctx, id);
        default:
          return fail(404, "Not Found");
      }
    } catch (error) {
      if (error instanceof ListError) return fail(422, error.message);
      throw error;
    }
  }

  private issue({ org, json }: Context): ApiAnswer {
    const template = this.issuableTemplate(org, json.badge_template_id);
    if (!template) return fail(422, `Invalid or missing Badge Template ID: ${json.badge_template_id ?? ""}`);
    const checked = checkIssue(json, this.rules, new Date());
    if (!checked.ok) return fail(422, checked.message);
    const request = checked.value;

    const existing = this.duplicateOf(org, template, request.recipient_email, request.issuer_earner_id);
    const behavior = request.duplicate_behavior ?? "deny";
    if (existing && behavior === "deny") {
      return fail(
        422,
        "Duplicate badge: the recipient already holds a badge of this template, which does not allow duplicates",
      );
    }
    const badge = this.store.issue(newBadge(org, request, existing && behavior === "replace" ? existing.id : null));
    if (existing && behavior === "replace") {
      this.store.setState(existing, "revoked", { replacement_badge_id: badge.id, revocation_reason: "Replaced" });
    }
    return one(201, this.badgeView(org, badge));
  }

  private listBadges({ org, request }: Context): ApiAnswer {
    const filter = parseFilter(request.query.get("filter"), BADGE_FILTER_KEYS);
    const sort = parseSort(request.query.get("sort"), ["issued_at", "created_at", "updated_at"]);
    const lower = (values: string[]) => values.map((v) => v.toLowerCase());
    const matches = this.store.badges(org.id).filter((b) => {
      for (const [key, values] of filter) {
        // recipient_email_all matches any address on the earner's account; here an earner has one.
        if (key === "recipient_email" || key === "recipient_email_all") {
          if (!lower(values).includes(b.recipient_email.toLowerCase())) return false;
        } else if (!values.includes(String((b as unknown as Record<string, unknown>)[key] ?? ""))) return false;
      }
      return true;
    });
    const listed = page(sortBy(matches, sort), request.query, this.listUrl(org, "badges"), this.rules.perPage);
    return { status: 200, body: { data: listed.data.map((b) => this.badgeView(org, b)), metadata: listed.metadata } };
  }

  private showBadge({ org }: Context, id: string): ApiAnswer {
    const badge = this.store.badge(org.id, id);
    return badge ? one(200, this.badgeView(org, badge)) : fail(404, `Badge not found: ${id}`);
  }

  private revoke({ org, json }: Context, id: string): ApiAnswer {
    const badge = this.store.badge(org.id, id);
    if (!badge) return fail(404, `Badge not found: ${id}`);
    if (isBlank(json.reason) || typeof json.reason !== "string") return fail(422, "Reason can't be blank");
    if (badge.state === "revoked") return fail(422, "Badge has already been revoked");
    this.store.setState(badge, "revoked", { revocation_reason: json.reason });
    return one(200, this.badgeView(org, badge));
  }

  /** Replace issues a new badge in the old one's place (L: the old one reads `revoked`, status 201). */
  private replace({ org, json }: Context, id: string): ApiAnswer {
    const old = this.store.badge(org.id, id);
    if (!old) return fail(404, `Badge not found: ${id}`);
    if (old.state === "revoked") return fail(422, "A revoked badge cannot be replaced");
    const template = this.issuableTemplate(org, json.badge_template_id);
    if (!template) return fail(422, `Invalid or missing Badge Template ID: ${json.badge_template_id ?? ""}`);
    if (!isBlank(json.recipient_email) && json.recipient_email !== old.recipient_email && old.state !== "pending") {
      return fail(422, "Recipient email can be changed only while the badge is pending");
    }
    const merged: Record<string, unknown> = {
      recipient_email: old.recipient_email,
      issued_to_first_name: old.issued_to_first_name,
      issued_to_middle_name: old.issued_to_middle_name,
      issued_to_last_name: old.issued_to_last_name,
      issuer_earner_id: old.issuer_earner_id,
      locale: old.locale,
      ...json,
    };
    const checked = checkIssue(merged, this.rules, new Date());
    if (!checked.ok) return fail(422, checked.message);
    const other = this.duplicateOf(
      org,
      template,
      checked.value.recipient_email,
      checked.value.issuer_earner_id,
      old.id,
    );
    if (other) return fail(422, "Duplicate badge: the recipient already holds a badge of this template");
    const badge = this.store.issue(newBadge(org, checked.value, old.id));
    this.store.setState(old, "revoked", { replacement_badge_id: badge.id, revocation_reason: "Replaced" });
    return one(201, this.badgeView(org, badge));
  }

  private listTemplates({ org, request }: Context): ApiAnswer {
    const filter = parseFilter(request.query.get("filter"), TEMPLATE_FILTER_KEYS);
    const sort = parseSort(request.query.get("sort"), ["name", "created_at", "updated_at"]);
    const matches = this.store.templates(org.id).filter((t) => {
      const states = filter.get("state");
      const names = filter.get("name");
      if (states && !states.includes(t.state)) return false;
      return !names || names.some((n) => n.toLowerCase() === t.name.toLowerCase());
    });
    const listed = page(sortBy(matches, sort), request.query, this.listUrl(org, "badge_templates"), this.rules.perPage);
    return {
      status: 200,
      body: { data: listed.data.map((t) => this.templateView(org, t)), metadata: listed.metadata },
    };
  }

  private showTemplate({ org }: Context, id: string): ApiAnswer {
    const template = this.store.template(org.id, id);
    return template ? one(200, this.templateView(org, template)) : fail(404, `Badge template not found: ${id}`);
  }

  /** Only an active template can be issued (archived: H; draft: L). */
  private issuableTemplate(org: SeedOrganization, id: unknown): SeedTemplate | undefined {
    if (typeof id !== "string" || id === "") return undefined;
    const template = this.store.template(org.id, id);
    return template?.state === "active" ? template : undefined;
  }

  /**
   * Credly's duplicate rule (H): same template and the same e-mail (case-insensitive) or the same
   * issuer_earner_id, unless the template allows duplicate badges.
   */
  private duplicateOf(
    org: SeedOrganization,
    template: SeedTemplate,
    email: string,
    earnerId: string | null,
    except?: string,
  ): BadgeRecord | undefined {
    if (template.allow_duplicate_badges) return undefined;
    return this.store
      .badges(org.id)
      .find(
        (b) =>
          b.id !== except &&
          b.badge_template_id === template.id &&
          this.rules.duplicateBlockingStates.includes(b.state) &&
          (b.recipient_email.toLowerCase() === email.toLowerCase() ||
            (earnerId !== null && b.issuer_earner_id === earnerId)),
      );
  }

  private listUrl(org: SeedOrganization, collection: string): string {
    return `${this.base()}/api/v1/organizations/${org.id}/${collection}`;
  }

  private badgeView(org: SeedOrganization, badge: BadgeRecord): Json {
    const template = this.store.template(org.id, badge.badge_template_id)!;
    return badgeJson(badge, template, { base: this.base(), org, ...this.counts(template) });
  }

  private templateView(org: SeedOrganization, template: SeedTemplate): Json {
    return templateJson(template, { base: this.base(), org, inList: true, ...this.counts(template) });
  }

  private counts(template: SeedTemplate): { badgesCount: number; createdAt: string } {
    const badgesCount = this.store.allBadges().filter((b) => b.badge_template_id === template.id).length;
    return { badgesCount, createdAt: this.store.templatesCreatedAt() };
  }
}

/** Basic auth with the token as user name and an empty password (reference: credly-api.md, H). */
function tokenScope(org: SeedOrganization, header: string | string[] | undefined): "read" | "write" | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(String(header ?? ""));
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  if (!decoded.endsWith(":")) return null;
  const token = org.tokens.find((t) => t.token === decoded.slice(0, -1));
  if (!token) return null;
  return token.write ? "write" : "read";
}

function newBadge(org: SeedOrganization, r: IssueRequest, replaces: string | null) {
  return {
    organization_id: org.id,
    badge_template_id: r.badge_template_id,
    recipient_email: r.recipient_email,
    issued_to_first_name: r.issued_to_first_name,
    issued_to_middle_name: r.issued_to_middle_name,
    issued_to_last_name: r.issued_to_last_name,
    issuer_earner_id: r.issuer_earner_id,
    issued_at: r.issued_at.iso,
    issued_at_date: r.issued_at.date,
    expires_at: r.expires_at,
    locale: r.locale,
    suppress_badge_notification_email: r.suppress_badge_notification_email,
    replaces_badge_id: replaces,
    country_name: r.country_name,
    state_or_province: r.state_or_province,
    evidence: r.evidence,
  };
}
