import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import type { SeedBadge } from "../../local/credly-sandbox/seed";
import { badgeRequest, credlyClient, ORG, READ_TOKEN, TEMPLATE, testSeed } from "./helpers";

// Facts cited from shared/reference/credly-api.md, "Find issued badges" (H unless marked).
let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;
let reader: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
  reader = credlyClient(sandbox.url, READ_TOKEN);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset(testSeed()));

const ids = (answer: { json: { data: { id: string }[] } }) => answer.json.data.map((b) => b.id);

async function issue(overrides: Record<string, unknown>): Promise<string> {
  const answer = await credly.post("/badges", badgeRequest(overrides));
  expect(answer.status).toBe(201);
  return answer.json.data.id;
}

describe("GET /v1/organizations/{org}/badges with filter=key::value|key::v1,v2", () => {
  it("finds a student's badges by recipient_email, whatever its case", async () => {
    const jane = await issue({ recipient_email: "Jane@School.example.org" });
    await issue({ recipient_email: "sam@school.example.org" });
    const answer = await reader.get("/badges?filter=recipient_email::jane@school.example.org");
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([jane]);
  });

  it("treats recipient_email_all like recipient_email (one address per earner here)", async () => {
    const jane = await issue({ recipient_email: "jane@school.example.org" });
    await issue({});
    expect(ids(await reader.get("/badges?filter=recipient_email_all::jane@school.example.org"))).toEqual([jane]);
  });

  it("combines keys with | and values with , (reconciling one entry: e-mail and template)", async () => {
    const email = "jane@school.example.org";
    const single = await issue({ recipient_email: email });
    const repeat = await issue({ recipient_email: email, badge_template_id: TEMPLATE.repeatable });
    const both = await reader.get(
      `/badges?filter=recipient_email::${email}|badge_template_id::${TEMPLATE.single},${TEMPLATE.repeatable}`,
    );
    expect(ids(both).sort()).toEqual([single, repeat].sort());
    const one = await reader.get(`/badges?filter=recipient_email::${email}|badge_template_id::${TEMPLATE.single}`);
    expect(ids(one)).toEqual([single]);
  });

  it("finds by issuer_earner_id", async () => {
    const entry = await issue({ issuer_earner_id: "E-7F3K" });
    await issue({ issuer_earner_id: "E-0000" });
    expect(ids(await reader.get("/badges?filter=issuer_earner_id::E-7F3K"))).toEqual([entry]);
  });

  it("finds by state, several at once", async () => {
    const pending = await issue({});
    const accepted = await issue({});
    const rejected = await issue({});
    await sandbox.admin.accept(accepted);
    await sandbox.admin.reject(rejected);
    expect(ids(await reader.get("/badges?filter=state::pending"))).toEqual([pending]);
    expect(ids(await reader.get("/badges?filter=state::accepted,rejected")).sort()).toEqual(
      [accepted, rejected].sort(),
    );
  });

  it("refuses an unknown filter key with 422 rather than ignoring it [L]", async () => {
    const answer = await reader.get("/badges?filter=email::jane@school.example.org");
    expect(answer.status).toBe(422);
    expect(answer.json.metadata).toBeNull();
  });

  it("sorts by -issued_at descending and issued_at ascending", async () => {
    const middle = await issue({ issued_at: "2026-10-15 12:00:00 -0500" });
    const early = await issue({ issued_at: "2026-10-01 12:00:00 -0500" });
    const late = await issue({ issued_at: "2026-10-30 12:00:00 -0500" });
    expect(ids(await reader.get("/badges?sort=-issued_at"))).toEqual([late, middle, early]);
    expect(ids(await reader.get("/badges?sort=issued_at"))).toEqual([early, middle, late]);
  });

  it("sorts by -updated_at: the latest claim, rejection or revocation first, whatever the issue order", async () => {
    const first = await issue({});
    const second = await issue({});
    const third = await issue({});
    await sandbox.admin.accept(third);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sandbox.admin.reject(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await credly.put(`/badges/${second}/revoke`, { reason: "Entered in error" })).status).toBe(200);

    const answer = await reader.get("/badges?filter=state::accepted,rejected,revoked&sort=-updated_at");

    expect(ids(answer)).toEqual([second, first, third]);
    const times = answer.json.data.map((b: { updated_at: string }) => b.updated_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(ids(await reader.get("/badges?filter=state::accepted,rejected,revoked&sort=updated_at"))).toEqual([
      third,
      first,
      second,
    ]);
  });

  it("keeps a seeded badge's updated_at, so a long-settled badge sorts after today's changes", async () => {
    await sandbox.admin.reset({
      ...testSeed(),
      badges: [
        {
          id: "settled-long-ago",
          organization_id: ORG,
          badge_template_id: TEMPLATE.single,
          recipient_email: "old@school.example.org",
          issued_to_first_name: "Old",
          issued_to_last_name: "Timer",
          issued_at: "2024-03-01T12:00:00Z",
          state: "accepted",
          updated_at: "2024-03-09T08:00:00Z",
        },
      ],
    });
    const today = await issue({});
    await sandbox.admin.accept(today);

    const answer = await reader.get("/badges?filter=state::accepted&sort=-updated_at");

    expect(ids(answer)).toEqual([today, "settled-long-ago"]);
    expect(answer.json.data[1].updated_at).toBe("2024-03-09T08:00:00.000Z");
  });
});

describe("pages of 50 with Credly's metadata", () => {
  const seedBadges = (count: number): SeedBadge[] =>
    Array.from({ length: count }, (_, i) => ({
      organization_id: ORG,
      badge_template_id: TEMPLATE.single,
      recipient_email: `s${i}@school.example.org`,
      issued_to_first_name: "S",
      issued_to_last_name: String(i),
      issued_at: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
    }));

  it("answers count, current_page, total_count, total_pages, per and page URLs in the /api/v1 form", async () => {
    await sandbox.admin.reset({ ...testSeed(), badges: seedBadges(120) });
    const first = await reader.get("/badges?sort=issued_at");
    expect(first.json.data).toHaveLength(50);
    expect(first.json.metadata).toEqual({
      count: 50,
      current_page: 1,
      total_count: 120,
      total_pages: 3,
      per: 50,
      previous_page_url: null,
      next_page_url: `${sandbox.url}/api/v1/organizations/${ORG}/badges?sort=issued_at&page=2`,
    });
  });

  it("follows next_page_url as given to the last page, whose next_page_url is null [H]", async () => {
    await sandbox.admin.reset({ ...testSeed(), badges: seedBadges(120) });
    const seen: string[] = [];
    let next: string | null = `${sandbox.url}/v1/organizations/${ORG}/badges?filter=state::pending&sort=-issued_at`;
    let pages = 0;
    while (next) {
      const answer = await reader.get(next);
      expect(answer.status).toBe(200);
      seen.push(...answer.json.data.map((b: { recipient_email: string }) => b.recipient_email));
      next = answer.json.metadata.next_page_url;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe("s119@school.example.org");
  });

  it("answers an empty page past the end, as issued_badges_empty.json", async () => {
    const answer = await reader.get("/badges?filter=recipient_email::nobody@school.example.org");
    expect(answer.json).toEqual({
      data: [],
      metadata: {
        count: 0,
        current_page: 1,
        total_count: 0,
        total_pages: 1,
        per: 50,
        previous_page_url: null,
        next_page_url: null,
      },
    });
  });
});

describe("GET /v1/organizations/{org}/badges/{id} [M]", () => {
  it("answers one badge in {data, metadata: {}}", async () => {
    const id = await issue({ recipient_email: "jane@school.example.org" });
    const answer = await reader.get(`/badges/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.json.metadata).toEqual({});
    expect(answer.json.data.recipient_email).toBe("jane@school.example.org");
    expect(answer.json.data.state).toBe("pending");
  });

  it("answers 404 for an unknown badge id [M]", async () => {
    const answer = await reader.get("/badges/00000000-0000-4000-8000-000000000000");
    expect(answer.status).toBe(404);
    expect(answer.json.metadata).toBeNull();
  });

  it("answers 401 to an unknown token on reads too", async () => {
    expect((await credlyClient(sandbox.url, "nope").get("/badges")).status).toBe(401);
  });

  it("serves /api/v1/... exactly as /v1/...", async () => {
    const id = await issue({});
    const viaApi = await reader.get(`${sandbox.url}/api/v1/organizations/${ORG}/badges/${id}`);
    expect(viaApi.json).toEqual((await reader.get(`/badges/${id}`)).json);
  });
});
