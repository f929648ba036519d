import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, READ_TOKEN, TEMPLATE, testSeed } from "./helpers";

// Facts cited from shared/reference/credly-api.md, "Revoke and replace" (H paths, M statuses).
let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset());

async function issue(overrides: Record<string, unknown> = {}) {
  const answer = await credly.post("/badges", badgeRequest(overrides));
  expect(answer.status).toBe(201);
  return answer.json.data;
}

describe("PUT /v1/organizations/{org}/badges/{id}/revoke", () => {
  it("answers 200 with the badge now revoked and its reason", async () => {
    const badge = await issue();
    const answer = await credly.put(`/badges/${badge.id}/revoke`, {
      reason: "Reported in error",
      suppress_revoke_notification_email: false,
    });
    expect(answer.status).toBe(200);
    expect(answer.json.metadata).toEqual({});
    expect(answer.json.data).toMatchObject({ id: badge.id, state: "revoked", revocation_reason: "Reported in error" });
    expect((await credly.get(`/badges/${badge.id}`)).json.data.state).toBe("revoked");
  });

  it("refuses a revoke without a reason with 422", async () => {
    const badge = await issue();
    const answer = await credly.put(`/badges/${badge.id}/revoke`, {});
    expect(answer.status).toBe(422);
    expect(answer.json.data.message).toMatch(/Reason/);
    expect((await credly.get(`/badges/${badge.id}`)).json.data.state).toBe("pending");
  });

  it("answers 404 for an unknown badge and 403 to a read-only token", async () => {
    expect((await credly.put("/badges/00000000-0000-4000-8000-000000000000/revoke", { reason: "x" })).status).toBe(404);
    const badge = await issue();
    expect(
      (await credlyClient(sandbox.url, READ_TOKEN).put(`/badges/${badge.id}/revoke`, { reason: "x" })).status,
    ).toBe(403);
  });

  it("refuses to revoke a badge twice with 422 [L]", async () => {
    const badge = await issue();
    await credly.put(`/badges/${badge.id}/revoke`, { reason: "first" });
    expect((await credly.put(`/badges/${badge.id}/revoke`, { reason: "again" })).status).toBe(422);
  });
});

describe("POST /v1/organizations/{org}/badges/{id}/replace", () => {
  it("issues a new badge in place of the old, linked both ways [L: 201, old one revoked]", async () => {
    const old = await issue({ issued_to_first_name: "Jnae" });
    const answer = await credly.post(`/badges/${old.id}/replace`, {
      badge_template_id: TEMPLATE.single,
      issued_at: "2026-11-03 10:00:00 -0600",
      issued_to_first_name: "Jane",
    });
    expect(answer.status).toBe(201);
    const replacement = answer.json.data;
    expect(replacement).toMatchObject({
      state: "pending",
      issued_to_first_name: "Jane",
      recipient_email: old.recipient_email,
      replaces_badge_id: old.id,
    });
    expect((await credly.get(`/badges/${old.id}`)).json.data.replacement_badge_id).toBe(replacement.id);
  });

  it("requires badge_template_id and issued_at", async () => {
    const old = await issue();
    const noTemplate = await credly.post(`/badges/${old.id}/replace`, { issued_at: "2026-11-03 10:00:00 -0600" });
    expect(noTemplate.status).toBe(422);
    expect(noTemplate.json.data.message).toBe("Invalid or missing Badge Template ID: ");
    const noDate = await credly.post(`/badges/${old.id}/replace`, { badge_template_id: TEMPLATE.single });
    expect(noDate.status).toBe(422);
  });

  it("changes the e-mail only while the badge is pending", async () => {
    const pending = await issue();
    const moved = await credly.post(`/badges/${pending.id}/replace`, {
      badge_template_id: TEMPLATE.single,
      issued_at: "2026-11-03 10:00:00 -0600",
      recipient_email: "personal@mail.example.com",
    });
    expect(moved.status).toBe(201);
    expect(moved.json.data.recipient_email).toBe("personal@mail.example.com");

    const claimed = await issue();
    await sandbox.admin.accept(claimed.id);
    const refused = await credly.post(`/badges/${claimed.id}/replace`, {
      badge_template_id: TEMPLATE.single,
      issued_at: "2026-11-03 10:00:00 -0600",
      recipient_email: "personal2@mail.example.com",
    });
    expect(refused.status).toBe(422);
  });

  it("answers 404 for an unknown badge", async () => {
    const answer = await credly.post("/badges/00000000-0000-4000-8000-000000000000/replace", {
      badge_template_id: TEMPLATE.single,
      issued_at: "2026-11-03 10:00:00 -0600",
    });
    expect(answer.status).toBe(404);
  });
});
