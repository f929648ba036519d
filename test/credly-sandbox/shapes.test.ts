import { readFileSync } from "node:fs";
import path from "node:path";
import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, READ_TOKEN, testSeed } from "./helpers";

// The recorded real responses are the shape authority (shared/fixtures/credly-recorded/README.md).
const RECORDED = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "credly-recorded");
const recorded = (file: string) => JSON.parse(readFileSync(path.join(RECORDED, file), "utf8"));

/**
 * Every place where `ours` differs in shape from `real`: a key missing or extra, or a value of
 * another JSON type. Recurses through objects and the first element of arrays; a null or an empty
 * array on either side says nothing about the shape below it.
 */
function shapeDifferences(real: unknown, ours: unknown, at = "$"): string[] {
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (real === null || ours === null) return [];
  if (kind(real) !== kind(ours)) return [`${at}: ${kind(ours)} where Credly sends ${kind(real)}`];
  if (Array.isArray(real) && Array.isArray(ours)) {
    return real.length && ours.length ? shapeDifferences(real[0], ours[0], `${at}[0]`) : [];
  }
  if (kind(real) !== "object") return [];
  const r = real as Record<string, unknown>;
  const o = ours as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(r)) {
    if (!(key in o)) differences.push(`${at}.${key}: missing`);
    else differences.push(...shapeDifferences(r[key], o[key], `${at}.${key}`));
  }
  for (const key of Object.keys(o)) if (!(key in r)) differences.push(`${at}.${key}: not in Credly's answer`);
  return differences;
}

let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset());

describe("answers have the shape of Credly's recorded answers", () => {
  it("compares shapes, so a renamed field would be caught", () => {
    const real = recorded("issue_badge_success.json");
    const renamed = { ...real, data: { ...real.data, badge_template_id: real.data.badge_template.id } };
    delete renamed.data.badge_template;
    expect(shapeDifferences(real, renamed)).toEqual([
      "$.data.badge_template: missing",
      "$.data.badge_template_id: not in Credly's answer",
    ]);
  });

  it("issue: 201 as issue_badge_success.json, every field at every level", async () => {
    const answer = await credly.post("/badges", badgeRequest({ issuer_earner_id: "E-1", issued_to_middle_name: "Q" }));
    expect(shapeDifferences(recorded("issue_badge_success.json"), answer.json)).toEqual([]);
  });

  it("issue with an empty template id: 422 exactly as issue_badge_failure.json", async () => {
    const answer = await credly.post("/badges", badgeRequest({ badge_template_id: "" }));
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual(recorded("issue_badge_failure.json"));
  });

  it("one badge: as the badge of issue_badge_success.json", async () => {
    const issued = await credly.post("/badges", badgeRequest());
    const answer = await credly.get(`/badges/${issued.json.data.id}`);
    expect(shapeDifferences(recorded("issue_badge_success.json"), answer.json)).toEqual([]);
  });

  it("badge search: as issued_badges.json, and as issued_badges_empty.json when nothing matches", async () => {
    await credly.post("/badges", badgeRequest({ recipient_email: "web@school.example.org" }));
    const found = await credly.get("/badges?filter=recipient_email::web@school.example.org");
    expect(shapeDifferences(recorded("issued_badges.json"), found.json)).toEqual([]);
    const none = await credly.get("/badges?filter=recipient_email::nobody@school.example.org");
    expect(none.json).toEqual(recorded("issued_badges_empty.json"));
  });

  it("templates: as badge_templates.json", async () => {
    const answer = await credlyClient(sandbox.url, READ_TOKEN).get("/badge_templates");
    expect(shapeDifferences(recorded("badge_templates.json"), answer.json)).toEqual([]);
  });

  it("writes times and links as Credly does: ISO UTC with milliseconds, /api/v1 links, www.credly.com accept link", async () => {
    const badge = (await credly.post("/badges", badgeRequest())).json.data;
    expect(badge.issued_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(badge.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(badge.issued_at_date).toBe("2026-11-02");
    expect(badge.accept_badge_url).toBe(`https://www.credly.com/badges/${badge.id}/accept`);
    expect(badge.issuer.entities[0].entity.url).toMatch(new RegExp(`^${sandbox.url}/api/v1/organizations/`));
    expect(badge.badge_template.owner.url).toBe(badge.created_by.url);
  });
});
