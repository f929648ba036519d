import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import {
  badgeRequest,
  basic,
  credlyClient,
  ORG,
  OTHER_ORG,
  OTHER_TOKEN,
  READ_TOKEN,
  TEMPLATE,
  testSeed,
} from "./helpers";

// Facts cited from shared/reference/credly-api.md: [H] stated or agreed, [M] one client, [L] inferred.
let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset());

describe("issuing a badge: POST /v1/organizations/{org}/badges", () => {
  it("answers 201 with {data: badge, metadata: {}} and a pending badge [H: Issue a badge, success]", async () => {
    const answer = await credly.post("/badges", badgeRequest({ recipient_email: "jane.doe@school.example.org" }));
    expect(answer.status).toBe(201);
    expect(answer.json.metadata).toEqual({});
    const badge = answer.json.data;
    expect(badge.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(badge.state).toBe("pending");
    expect(badge.accept_badge_url).toBe(`https://www.credly.com/badges/${badge.id}/accept`);
    expect(badge.recipient_email).toBe("jane.doe@school.example.org");
    expect(badge.badge_template.id).toBe(TEMPLATE.single);
    expect(badge.created_by.url).toBe(`${sandbox.url}/api/v1/organizations/${ORG}`);
    expect(await sandbox.admin.badges()).toHaveLength(1);
  });

  it("takes issued_at in the documented 'YYYY-MM-DD HH:MM:SS -0500' form and answers it in ISO UTC [H]", async () => {
    const answer = await credly.post("/badges", badgeRequest({ issued_at: "2026-11-30 20:15:00 -0600" }));
    expect(answer.json.data.issued_at).toBe("2026-12-01T02:15:00.000Z");
  });

  it.each([
    ["2026-11-02T15:41:00Z", "2026-11-02T15:41:00.000Z"],
    ["2026-11-02T15:41:00.250Z", "2026-11-02T15:41:00.250Z"],
    ["2026-11-02T09:41:00-06:00", "2026-11-02T15:41:00.000Z"],
  ])("takes issued_at in ISO 8601 (%s) [M: accepted in practice]", async (sent, answered) => {
    const answer = await credly.post("/badges", badgeRequest({ issued_at: sent }));
    expect(answer.status).toBe(201);
    expect(answer.json.data.issued_at).toBe(answered);
  });

  it.each([
    "2026-11-02",
    "2026-11-02 09:41:00",
    "2026-11-02T09:41:00",
    "11/02/2026 09:41",
    "2026-02-30 09:00:00 -0600",
  ])("refuses issued_at %j with 422: no offset, or not a date time [H form; L: refusal]", async (sent) => {
    const answer = await credly.post("/badges", badgeRequest({ issued_at: sent }));
    expect(answer.status).toBe(422);
    expect(answer.json.data.message).toMatch(/Issued at is invalid/);
  });

  it("accepts an issued_at later than now [L: allowed, the local runtime's clock may run ahead]", async () => {
    const answer = await credly.post("/badges", badgeRequest({ issued_at: "2099-01-01 00:00:00 +0000" }));
    expect(answer.status).toBe(201);
  });

  it.each(["recipient_email", "issued_to_first_name", "issued_to_last_name", "issued_at"])(
    "refuses a badge without %s with 422 and Credly's error body [H: required fields; M: body]",
    async (field) => {
      const answer = await credly.post("/badges", badgeRequest({ [field]: undefined }));
      expect(answer.status).toBe(422);
      expect(answer.json.metadata).toBeNull();
      expect(answer.json.data.message).toMatch(/can't be blank/);
      expect(await sandbox.admin.badges()).toHaveLength(0);
    },
  );

  it("refuses a recipient_email that is not an address with 422 [L]", async () => {
    const answer = await credly.post("/badges", badgeRequest({ recipient_email: "jane@@school" }));
    expect(answer.status).toBe(422);
  });

  it.each([
    ["missing", undefined, ""],
    ["unknown", "99999999-0000-4000-8000-000000000000", "99999999-0000-4000-8000-000000000000"],
    ["archived", TEMPLATE.archived, TEMPLATE.archived],
    ["draft", TEMPLATE.draft, TEMPLATE.draft],
    ["another organization's", TEMPLATE.otherOrgs, TEMPLATE.otherOrgs],
  ])("refuses a %s template: 422 'Invalid or missing Badge Template ID: <id>' [H; draft L]", async (_, sent, shown) => {
    const answer = await credly.post("/badges", badgeRequest({ badge_template_id: sent }));
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      data: { message: `Invalid or missing Badge Template ID: ${shown}` },
      metadata: null,
    });
  });

  it.each(["en", "es", "es-US", "fr"])("accepts locale %s [H: locale sets the e-mail's language]", async (locale) => {
    const answer = await credly.post("/badges", badgeRequest({ locale }));
    expect(answer.status).toBe(201);
    expect(answer.json.data.locale).toBe(locale);
  });

  it("refuses an unknown locale with 422 [L: the accepted list is configurable]", async () => {
    const answer = await credly.post("/badges", badgeRequest({ locale: "klingon" }));
    expect(answer.status).toBe(422);
    expect(answer.json.data.message).toMatch(/Locale/);
  });
});

describe("duplicates [H: same template and same e-mail or issuer_earner_id, unless allowed; M: 422]", () => {
  it("refuses the same template to the same e-mail, whatever its case", async () => {
    const first = badgeRequest({ recipient_email: "Jane.Doe@School.example.org" });
    expect((await credly.post("/badges", first)).status).toBe(201);
    const again = await credly.post("/badges", { ...first, recipient_email: "jane.doe@school.EXAMPLE.org" });
    expect(again.status).toBe(422);
    expect(again.json.metadata).toBeNull();
    expect(again.json.data.message).toMatch(/Duplicate/);
    expect(await sandbox.admin.badges()).toHaveLength(1);
  });

  it("refuses the same template to the same issuer_earner_id at another address", async () => {
    expect((await credly.post("/badges", badgeRequest({ issuer_earner_id: "E-7F3K" }))).status).toBe(201);
    const again = await credly.post("/badges", badgeRequest({ issuer_earner_id: "E-7F3K" }));
    expect(again.status).toBe(422);
  });

  it("issues another template to the same e-mail", async () => {
    const email = "jane@school.example.org";
    expect((await credly.post("/badges", badgeRequest({ recipient_email: email }))).status).toBe(201);
    const other = badgeRequest({ recipient_email: email, badge_template_id: TEMPLATE.repeatable });
    expect((await credly.post("/badges", other)).status).toBe(201);
  });

  it("issues again when the template allows duplicate badges", async () => {
    const body = badgeRequest({ badge_template_id: TEMPLATE.repeatable });
    expect((await credly.post("/badges", body)).status).toBe(201);
    expect((await credly.post("/badges", body)).status).toBe(201);
  });

  it("issues again with duplicate_behavior 'allow' [H: only where the template forbids duplicates]", async () => {
    const body = badgeRequest();
    await credly.post("/badges", body);
    const again = await credly.post("/badges", { ...body, duplicate_behavior: "allow" });
    expect(again.status).toBe(201);
  });

  it("refuses with duplicate_behavior 'deny'", async () => {
    const body = badgeRequest();
    await credly.post("/badges", body);
    expect((await credly.post("/badges", { ...body, duplicate_behavior: "deny" })).status).toBe(422);
  });

  it("replaces the earlier badge with duplicate_behavior 'replace' [L: the earlier one reads revoked]", async () => {
    const body = badgeRequest();
    const first = await credly.post("/badges", body);
    const again = await credly.post("/badges", { ...body, duplicate_behavior: "replace" });
    expect(again.status).toBe(201);
    expect(again.json.data.replaces_badge_id).toBe(first.json.data.id);
    const old = await credly.get(`/badges/${first.json.data.id}`);
    expect(old.json.data.replacement_badge_id).toBe(again.json.data.id);
    expect(old.json.data.state).toBe("revoked");
  });

  it("issues again after the earlier badge was revoked [L: a revoked badge does not block]", async () => {
    const body = badgeRequest();
    const first = await credly.post("/badges", body);
    await credly.put(`/badges/${first.json.data.id}/revoke`, { reason: "Reported in error" });
    expect((await credly.post("/badges", body)).status).toBe(201);
  });
});

describe("who may issue [H: Basic auth with the token as user name, empty password]", () => {
  const post = (headers: Record<string, string>, body: unknown = badgeRequest()) =>
    fetch(`${sandbox.url}/v1/organizations/${ORG}/badges`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("answers 401 to an unknown token [M]", async () => {
    const answer = await post({ authorization: basic("not-a-token") });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { metadata: unknown }).metadata).toBeNull();
  });

  it("answers 401 without an Authorization header [M]", async () => {
    expect((await post({})).status).toBe(401);
  });

  it("answers 401 to the token without the ':' of an empty password [H: base64('<token>:')]", async () => {
    const answer = await post({ authorization: `Basic ${Buffer.from("test-write-token").toString("base64")}` });
    expect(answer.status).toBe(401);
  });

  it("answers 401 to another organization's token", async () => {
    expect((await post({ authorization: basic(OTHER_TOKEN) })).status).toBe(401);
  });

  it("answers 403 to a read-only token and issues nothing [L]", async () => {
    expect((await post({ authorization: basic(READ_TOKEN) })).status).toBe(403);
    expect(await sandbox.admin.badges()).toHaveLength(0);
  });

  it("answers 404 for an unknown organization [M]", async () => {
    const answer = await credlyClient(sandbox.url, OTHER_TOKEN, "33333333-0000-4000-8000-000000000003").post(
      "/badges",
      badgeRequest(),
    );
    expect(answer.status).toBe(404);
  });

  it("keeps each organization's badges to itself", async () => {
    const other = credlyClient(sandbox.url, OTHER_TOKEN, OTHER_ORG);
    expect((await other.post("/badges", badgeRequest({ badge_template_id: TEMPLATE.otherOrgs }))).status).toBe(201);
    expect((await credly.get("/badges")).json.data).toHaveLength(0);
  });

  it("answers 415 to a body that is not JSON, and issues nothing [H: JSON in; L: the status]", async () => {
    const form = new URLSearchParams(badgeRequest() as Record<string, string>).toString();
    const answer = await post(
      { authorization: basic("test-write-token"), "content-type": "application/x-www-form-urlencoded" },
      form,
    );
    expect(answer.status).toBe(415);
    expect(await sandbox.admin.badges()).toHaveLength(0);
  });

  it("answers 400 to a JSON content type whose body is not JSON", async () => {
    expect((await post({ authorization: basic("test-write-token") }, "{not json")).status).toBe(400);
  });
});
