import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { credlyClient, ORG, READ_TOKEN, TEMPLATE, testSeed } from "./helpers";

// Facts cited from shared/reference/credly-api.md, "Badge templates" (H unless marked).
let sandbox: Sandbox;
let reader: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed(60) });
  reader = credlyClient(sandbox.url, READ_TOKEN);
});
afterAll(() => sandbox.stop());

describe("GET /v1/organizations/{org}/badge_templates", () => {
  it("lists the organization's templates in pages of 50, following next_page_url", async () => {
    const first = await reader.get("/badge_templates");
    expect(first.status).toBe(200);
    expect(first.json.metadata).toMatchObject({ count: 50, current_page: 1, total_count: 64, total_pages: 2, per: 50 });
    expect(first.json.metadata.next_page_url).toBe(`${sandbox.url}/api/v1/organizations/${ORG}/badge_templates?page=2`);
    const second = await reader.get(first.json.metadata.next_page_url);
    expect(second.json.data).toHaveLength(14);
    expect(second.json.metadata.next_page_url).toBeNull();
    expect(second.json.metadata.previous_page_url).toBe(
      `${sandbox.url}/api/v1/organizations/${ORG}/badge_templates?page=1`,
    );
    const all = [...first.json.data, ...second.json.data].map((t: { id: string }) => t.id);
    expect(all).not.toContain(TEMPLATE.otherOrgs);
  });

  it("tells each template's state and whether it allows duplicate badges", async () => {
    const templates: { id: string }[] = [];
    let next: string | null = "/badge_templates?filter=state::active,archived,draft&sort=name";
    while (next) {
      const answer = await reader.get(next);
      templates.push(...answer.json.data);
      next = answer.json.metadata.next_page_url;
    }
    const byId = new Map(templates.map((t) => [t.id, t]));
    expect(byId.get(TEMPLATE.single)).toMatchObject({ state: "active", allow_duplicate_badges: false });
    expect(byId.get(TEMPLATE.repeatable)).toMatchObject({ state: "active", allow_duplicate_badges: true });
    expect(byId.get(TEMPLATE.archived)).toMatchObject({ state: "archived" });
    expect(byId.get(TEMPLATE.draft)).toMatchObject({ state: "draft" });
  });

  it("filters by state", async () => {
    const answer = await reader.get("/badge_templates?filter=state::archived");
    expect(answer.json.data.map((t: { id: string }) => t.id)).toEqual([TEMPLATE.archived]);
  });

  it("answers one template in {data, metadata: {}} and 404 for an unknown id [M]", async () => {
    const one = await reader.get(`/badge_templates/${TEMPLATE.single}`);
    expect(one.status).toBe(200);
    expect(one.json.metadata).toEqual({});
    expect(one.json.data.name).toBe("Certified Nursing Assistant");
    expect((await reader.get("/badge_templates/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("answers 401 without a valid token [M]", async () => {
    expect((await credlyClient(sandbox.url, "wrong").get("/badge_templates")).status).toBe(401);
  });
});
