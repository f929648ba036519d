import type { SandboxSeed } from "../../local/credly-sandbox/seed";

/** A seed with two organizations and templates in every state the rules care about. */
export const ORG = "11111111-0000-4000-8000-000000000001";
export const OTHER_ORG = "22222222-0000-4000-8000-000000000002";
export const WRITE_TOKEN = "test-write-token";
export const READ_TOKEN = "test-read-token";
export const OTHER_TOKEN = "other-org-token";

export const TEMPLATE = {
  single: "aaaaaaaa-0000-4000-8000-000000000001",
  repeatable: "aaaaaaaa-0000-4000-8000-000000000002",
  archived: "aaaaaaaa-0000-4000-8000-000000000003",
  draft: "aaaaaaaa-0000-4000-8000-000000000004",
  otherOrgs: "bbbbbbbb-0000-4000-8000-000000000001",
};

export function testSeed(extraTemplates = 0): SandboxSeed {
  const t = (id: string, name: string, state: "active" | "archived" | "draft", allow: boolean, org = ORG) => ({
    id,
    organization_id: org,
    name,
    state,
    allow_duplicate_badges: allow,
  });
  return {
    organizations: [
      {
        id: ORG,
        name: "Oklahoma CareerTech",
        vanity_slug: "oklahoma-careertech",
        tokens: [
          { token: WRITE_TOKEN, write: true },
          { token: READ_TOKEN, write: false },
        ],
      },
      { id: OTHER_ORG, name: "Another Agency", vanity_slug: "another", tokens: [{ token: OTHER_TOKEN, write: true }] },
    ],
    templates: [
      t(TEMPLATE.single, "Certified Nursing Assistant", "active", false),
      t(TEMPLATE.repeatable, "CPR and First Aid", "active", true),
      t(TEMPLATE.archived, "Retired Credential", "archived", false),
      t(TEMPLATE.draft, "Upcoming Credential", "draft", false),
      t(TEMPLATE.otherOrgs, "Other Agency Credential", "active", false, OTHER_ORG),
      ...Array.from({ length: extraTemplates }, (_, i) =>
        t(
          `cccccccc-0000-4000-8000-${String(i).padStart(12, "0")}`,
          `Extra ${String(i).padStart(3, "0")}`,
          "active",
          false,
        ),
      ),
    ],
  };
}

export function basic(token: string): string {
  return `Basic ${Buffer.from(`${token}:`).toString("base64")}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, as a client would
  json: any;
}

/** A thin Credly client over real HTTP, as BadgeDesk's would be: token, JSON, the org's path. */
export function credlyClient(baseUrl: string, token = WRITE_TOKEN, org = ORG) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const url = path.startsWith("http") ? path : `${baseUrl}/v1/organizations/${org}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: basic(token),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null } as Answer;
  };
  return {
    request,
    get: (path: string) => request("GET", path),
    post: (path: string, body: unknown, headers?: Record<string, string>) => request("POST", path, body, headers),
    put: (path: string, body: unknown) => request("PUT", path, body),
  };
}

let counter = 0;

/** A valid issue body; each call is a new student unless overridden. */
export function badgeRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    badge_template_id: TEMPLATE.single,
    recipient_email: `student${counter}@school.example.org`,
    issued_to_first_name: "Jane",
    issued_to_last_name: `Student${counter}`,
    issued_at: "2026-11-02 09:41:00 -0600",
    ...overrides,
  };
}
