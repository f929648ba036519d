import { type BadgeRequest, credlyClient } from "../../../src/credly";
import { answering, fakeCredly } from "./fake-credly";
import { RECORDED, recorded } from "./recorded";

const ORIGIN = "http://127.0.0.1:4010";
const TOKEN = "s3cr3t-token";
const ORG = RECORDED.organizationId;
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function setup() {
  const http = fakeCredly(ORIGIN, TOKEN);
  const client = credlyClient({ http, baseUrl: ORIGIN, organizationId: ORG, token: TOKEN, base64 });
  return { http, client };
}

const recordedEarner: BadgeRequest = {
  recipient_email: RECORDED.issued.recipientEmail,
  issued_to_first_name: "Alex",
  issued_to_last_name: "Sample",
  badge_template_id: RECORDED.issued.templateId,
  issued_at: "2021-04-14T07:22:14Z",
  issuer_earner_id: RECORDED.issued.issuerEarnerId,
  locale: "en",
};

describe("issuing badges", () => {
  it("reads Credly's 201 answer into the new pending badge with its claim link", () => {
    const { client } = setup();
    const [outcome] = client.issueBadges([recordedEarner]);
    expect(outcome).toEqual({
      ok: true,
      badge: expect.objectContaining({
        id: RECORDED.issued.badgeId,
        state: "pending",
        accept_badge_url: `https://www.credly.com/badges/${RECORDED.issued.badgeId}/accept`,
        issued_at: "2021-04-14T07:22:14.000Z",
        recipient_email: RECORDED.issued.recipientEmail,
        issuer_earner_id: RECORDED.issued.issuerEarnerId,
        badge_template: { id: RECORDED.issued.templateId, name: "NCCE API Heros" },
      }),
    });
  });

  it("sends the whole batch in one fetchAll and answers in request order", () => {
    const { http, client } = setup();
    const outcomes = client.issueBadges([recordedEarner, { ...recordedEarner, badge_template_id: "" }, recordedEarner]);
    expect(http.fetchAllCalls).toHaveLength(1);
    expect(http.fetchAllCalls[0]).toHaveLength(3);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toEqual({
      ok: false,
      unknown: false,
      error: expect.objectContaining({
        kind: "validation",
        status: 422,
        credlyMessage: "Invalid or missing Badge Template ID: ",
      }),
    });
    expect(!outcomes[1].ok && outcomes[1].error.message).toContain(
      "Check the Credly Template ID on the Credentials sheet",
    );
  });

  it("posts JSON to the organization's badges with the token as Basic user name and an empty password", () => {
    const { http, client } = setup();
    client.issueBadges([{ ...recordedEarner, suppress_badge_notification_email: false }]);
    const [request] = http.requests;
    expect(request.method).toBe("post");
    expect(request.url).toBe(`${ORIGIN}/v1/organizations/${ORG}/badges`);
    expect(request.headers?.Authorization).toBe("Basic czNjcjN0LXRva2VuOg==");
    // The Http port sets application/json for a body; a second Content-Type here would clash.
    expect(Object.keys(request.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("content-type");
    expect(JSON.parse(request.body ?? "")).toEqual({ ...recordedEarner, suppress_badge_notification_email: false });
  });

  it("sends only Credly's fields, even when handed a richer object", () => {
    const { http, client } = setup();
    const richer = { ...recordedEarner, entryId: "E-7F3K", site: "Tulsa" };
    client.issueBadges([richer]);
    expect(Object.keys(JSON.parse(http.requests[0].body ?? "")).sort()).toEqual(Object.keys(recordedEarner).sort());
  });

  it("marks every badge of the batch unknown when the connection drops during fetchAll", () => {
    const { http, client } = setup();
    http.dropNextConnection();
    const outcomes = client.issueBadges([recordedEarner, recordedEarner]);
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome).toEqual({ ok: false, unknown: true, error: expect.objectContaining({ kind: "network" }) });
      expect(!outcome.ok && outcome.error.message).toContain(`Could not reach Credly at ${ORIGIN}`);
    }
  });

  it("asks nothing of Credly for an empty batch", () => {
    const { http, client } = setup();
    expect(client.issueBadges([])).toEqual([]);
    expect(http.requests).toHaveLength(0);
  });
});

describe("finding issued badges", () => {
  it("finds the recorded badge by e-mail and template", () => {
    const { http, client } = setup();
    const found = client.findBadges({
      recipientEmail: RECORDED.issued.recipientEmail,
      templateId: RECORDED.issued.templateId,
    });
    expect(found.ok && found.value.complete).toBe(true);
    expect(found.ok && found.value.totalCount).toBe(1);
    expect(found.ok && found.value.items.map((b) => [b.id, b.state, b.issuer_earner_id])).toEqual([
      [RECORDED.found.badgeId, "pending", RECORDED.found.issuerEarnerId],
    ]);
    expect(http.requests[0].url).toBe(
      `${ORIGIN}/v1/organizations/${ORG}/badges?filter=` +
        "recipient_email%3A%3Aweb%40teachcomputing.org%7Cbadge_template_id%3A%3A00cd7d3b-baca-442b-bce5-f20666ed591b",
    );
  });

  it("finds nothing for an earner Credly has never badged", () => {
    const { http, client } = setup();
    const found = client.findBadges({ recipientEmail: "someone.else@school.org" });
    expect(found).toEqual({ ok: true, value: { items: [], totalCount: 0, complete: true } });
    expect(http.requests).toHaveLength(1);
  });

  it("encodes the filter so a plus, an at sign and the separators reach Credly intact", () => {
    const { http, client } = setup();
    client.findBadges(
      { recipientEmail: "jo+certs@b.org", templateId: "x", issuerEarnerId: "E-1", state: ["pending", "accepted"] },
      { sort: "-issued_at" },
    );
    const query = http.requests[0].url.split("?")[1];
    expect(query).toBe(
      "filter=recipient_email%3A%3Ajo%2Bcerts%40b.org%7Cbadge_template_id%3A%3Ax" +
        "%7Cissuer_earner_id%3A%3AE-1%7Cstate%3A%3Apending%2Caccepted&sort=-issued_at",
    );
    expect(new URLSearchParams(query).get("filter")).toBe(
      "recipient_email::jo+certs@b.org|badge_template_id::x|issuer_earner_id::E-1|state::pending,accepted",
    );
  });

  it("reads one badge, and says so when Credly has no such badge", () => {
    const { client } = setup();
    const badge = client.getBadge(RECORDED.found.badgeId);
    expect(badge.ok && badge.value.recipient_email).toBe(RECORDED.issued.recipientEmail);
    const missing = client.getBadge("no-such-badge");
    expect(!missing.ok && missing.error.kind).toBe("notFound");
    expect(!missing.ok && missing.error.message).toContain("reading badge no-such-badge");
  });

  it("revokes a badge with the reason and Credly's revoke e-mail left on", () => {
    const { http, client } = setup();
    const revoked = client.revokeBadge(RECORDED.found.badgeId, "Issued in error");
    expect(revoked.ok && [revoked.value.state, revoked.value.revocation_reason]).toEqual([
      "revoked",
      "Issued in error",
    ]);
    expect(http.requests[0].method).toBe("put");
    expect(http.requests[0].url).toBe(`${ORIGIN}/v1/organizations/${ORG}/badges/${RECORDED.found.badgeId}/revoke`);
    expect(JSON.parse(http.requests[0].body ?? "")).toEqual({
      reason: "Issued in error",
      suppress_revoke_notification_email: false,
    });
  });
});

describe("badge templates", () => {
  it("lists all 14 pages, asking for each next page at the configured base, not at Credly's /api/v1 link", () => {
    const { http, client } = setup();
    const templates = client.listTemplates();
    expect(templates.ok && templates.value).toHaveLength(RECORDED.templates.totalCount);
    expect(http.requests).toHaveLength(RECORDED.templates.totalPages);
    expect(http.requests[1].url).toBe(`${ORIGIN}/v1/organizations/${ORG}/badge_templates?page=2`);
    expect(http.requests.every((r) => r.url.startsWith(`${ORIGIN}/v1/`))).toBe(true);
    expect(templates.ok && templates.value[0]).toEqual({
      id: "f4f94bab-828a-4bc7-aa32-61bf59b709e8",
      name: "Test Badge Name",
      state: "draft",
      allow_duplicate_badges: true,
      url: "https://www.credly.com/org/stem-learning/badge/test-badge-name",
      image_url: null,
      owner: { id: ORG, name: "STEM Learning" },
    });
  });
});

describe("paging through a long search", () => {
  // A search answered by a page that always links to page 2, as a long search's first page does.
  const firstPage = JSON.parse(recorded("issued_badges.json"));
  firstPage.metadata = { ...firstPage.metadata, total_count: 120, total_pages: 3 };
  firstPage.metadata.next_page_url = `https://api.credly.com/api/v1/organizations/${ORG}/badges?page=2`;
  const longSearch = () => answering(200, JSON.stringify(firstPage));

  it("stops after maxPages and says the search is incomplete", () => {
    const http = longSearch();
    const client = credlyClient({ http, baseUrl: ORIGIN, organizationId: ORG, token: TOKEN, base64 });
    const found = client.findBadges({ state: ["pending"] }, { maxPages: 1 });
    expect(found).toEqual({ ok: true, value: { items: [expect.anything()], totalCount: 120, complete: false } });
    expect(http.requests).toHaveLength(1);
  });

  it("gives up with an error, not a loop, when Credly links to a page it already gave", () => {
    const http = longSearch();
    const client = credlyClient({ http, baseUrl: ORIGIN, organizationId: ORG, token: TOKEN, base64 });
    const found = client.findBadges({ state: ["pending"] });
    expect(!found.ok && found.error.kind).toBe("unexpected");
    expect(http.requests.map((r) => r.url)).toEqual([
      `${ORIGIN}/v1/organizations/${ORG}/badges?filter=state%3A%3Apending`,
      `${ORIGIN}/v1/organizations/${ORG}/badges?page=2`,
    ]);
  });
});

describe("testing the connection", () => {
  it("names the organization and counts its templates in one request", () => {
    const { http, client } = setup();
    expect(client.testConnection()).toEqual({ ok: true, message: "Connected to STEM Learning — 653 badge templates" });
    expect(http.requests).toHaveLength(1);
  });

  it("says what to fix when the token is wrong", () => {
    const http = fakeCredly(ORIGIN, TOKEN);
    const client = credlyClient({ http, baseUrl: ORIGIN, organizationId: ORG, token: "old-token", base64 });
    const check = client.testConnection();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/^Credly refused the token \(401\).*check the token in Settings/);
  });

  it("says what to fix when the organization is wrong", () => {
    const http = fakeCredly(ORIGIN, TOKEN);
    const client = credlyClient({ http, baseUrl: ORIGIN, organizationId: "not-our-org", token: TOKEN, base64 });
    expect(client.testConnection().message).toContain("(404) while checking the connection: check the Organization ID");
  });
});
