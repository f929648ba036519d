import type { Http } from "../../../src/app/ports";
import { type BadgeRequest, type CredlyError, credlyClient } from "../../../src/credly";
import { answering, unreachable } from "./fake-credly";
import { RECORDED, recorded } from "./recorded";

const ORIGIN = "https://sandbox-api.credly.com";
const TOKEN = "s3cr3t-token";
const CREDENTIALS = Buffer.from(`${TOKEN}:`).toString("base64");
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const client = (http: Http) =>
  credlyClient({ http, baseUrl: ORIGIN, organizationId: RECORDED.organizationId, token: TOKEN, base64 });

const credlySays = (message: string) => JSON.stringify({ data: { message }, metadata: null });

const request: BadgeRequest = {
  recipient_email: "jane@school.org",
  issued_to_first_name: "Jane",
  issued_to_last_name: "Doe",
  badge_template_id: "t-1",
  issued_at: "2026-11-03T15:00:00Z",
  issuer_earner_id: "E-7F3K",
  locale: "en",
};

function issueError(http: Http): { error: CredlyError; unknown: boolean } {
  const [outcome] = client(http).issueBadges([request]);
  if (outcome.ok) throw new Error("expected a failure");
  return { error: outcome.error, unknown: outcome.unknown };
}

describe("what each Credly answer means to the specialist", () => {
  it.each([
    [401, "invalidToken", /^Credly refused the token \(401\) while issuing a badge: check the token in Settings/],
    [403, "forbidden", /\(403\): the token may lack permission/],
    [404, "notFound", /\(404\) while issuing a badge: check the Organization ID in Settings/],
    [500, "server", /server error \(500\)/],
    [503, "server", /server error \(503\)/],
    [400, "unexpected", /HTTP 400 .*Bad request/],
  ])("maps %i to %s", (status, kind, words) => {
    const { error } = issueError(answering(status, credlySays("Bad request")));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(words);
  });

  it("keeps Credly's own words for a validation failure (the recorded 422)", () => {
    const { error, unknown } = issueError(answering(422, recorded("issue_badge_failure.json")));
    expect(error).toEqual(
      expect.objectContaining({ kind: "validation", credlyMessage: "Invalid or missing Badge Template ID: " }),
    );
    expect(error.message).toContain("Invalid or missing Badge Template ID: ");
    expect(unknown).toBe(false);
  });

  it.each(["Recipient already has this badge", "Badge is a duplicate of an existing badge", "ALREADY ISSUED"])(
    "recognises a duplicate on issue however Credly words it: %s",
    (wording) => {
      const { error } = issueError(answering(422, credlySays(wording)));
      expect(error).toEqual(expect.objectContaining({ kind: "duplicate", credlyMessage: wording }));
      expect(error.message).toContain("already has this badge");
    },
  );

  it("does not call a 422 on revoke a duplicate, even when it says already", () => {
    const result = client(answering(422, credlySays("Badge has already been revoked"))).revokeBadge("b-1", "error");
    expect(!result.ok && result.error.kind).toBe("validation");
  });

  it("reads Retry-After on a 429, whatever the header's case", () => {
    const { error } = issueError(answering(429, "", { "retry-after": "30" }));
    expect(error).toEqual(expect.objectContaining({ kind: "rateLimited", retryAfterSeconds: 30 }));
    expect(error.message).toContain("Credly asked for 30 s");
  });

  it("has no Retry-After to honour when Credly sends none", () => {
    const { error } = issueError(answering(429, ""));
    expect(error).toEqual(expect.objectContaining({ kind: "rateLimited", retryAfterSeconds: null }));
  });

  it("shows the start of a server's HTML page, not all of it", () => {
    const page = `<html><body>${"Bad gateway ".repeat(200)}</body></html>`;
    const result = client(answering(418, page)).getBadge("b-1");
    expect(!result.ok && result.error.message.length).toBeLessThan(500);
  });

  it("treats a 5xx on issue as unknown (Credly may have acted) and a 429 as not issued", () => {
    expect(issueError(answering(502, "")).unknown).toBe(true);
    expect(issueError(answering(429, "")).unknown).toBe(false);
  });

  it("treats a 201 it cannot read as unknown: the badge may exist", () => {
    const { error, unknown } = issueError(answering(201, "<html>ok</html>"));
    expect(error.kind).toBe("unexpected");
    expect(unknown).toBe(true);
  });

  it("reports a dropped connection on a read as a network error with its cause", () => {
    const result = client(unreachable("Exception: Timeout: https://sandbox-api.credly.com")).listTemplates();
    expect(!result.ok && result.error).toEqual(expect.objectContaining({ kind: "network" }));
    expect(!result.ok && result.error.message).toContain("Timeout");
  });
});

describe("the token stays secret", () => {
  const answers: Array<[string, Http]> = [
    ["401", answering(401, credlySays("Unauthorized"))],
    ["403", answering(403, "")],
    ["404", answering(404, "")],
    ["422", answering(422, recorded("issue_badge_failure.json"))],
    ["429", answering(429, "", { "Retry-After": "5" })],
    ["500", answering(500, "oops")],
    ["a failure whose own text quotes the header", unreachable(`Timeout sending Authorization: Basic ${CREDENTIALS}`)],
    ["a failure whose own text quotes the token", unreachable(`Request for ${TOKEN} failed`)],
    ["a 422 that echoes the token", answering(422, credlySays(`token ${TOKEN} is not valid here`))],
  ];

  it.each(answers)("never appears in an error after %s", (_, http) => {
    const c = client(http);
    const errors: CredlyError[] = [];
    const [issued] = c.issueBadges([request]);
    if (!issued.ok) errors.push(issued.error);
    for (const result of [c.getBadge("b-1"), c.listTemplates(), c.findBadges({}), c.revokeBadge("b-1", "r")]) {
      if (!result.ok) errors.push(result.error);
    }
    const check = c.testConnection();
    expect(errors).toHaveLength(5);
    expect(check.ok).toBe(false);
    for (const text of [...errors.map((e) => JSON.stringify(e)), check.message]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(CREDENTIALS);
    }
  });
});
