import type { Http, HttpRequest, HttpResponse } from "../../../src/app/ports";
import { RECORDED, recorded } from "./recorded";

/**
 * A stand-in for Credly behind the Http port, answering each request the way Credly would for
 * what it asks, with the recorded bodies wherever a recording exists. It knows one organization,
 * one token and the recorded earner and badges. Requests to any other host fail as UrlFetchApp
 * does for an unreachable address.
 */
export interface FakeCredly extends Http {
  readonly requests: HttpRequest[];
  readonly fetchAllCalls: HttpRequest[][];
  /** The connection drops on the next fetch or fetchAll, as a timeout would. */
  dropNextConnection(): void;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

function answer(status: number, body: string): HttpResponse {
  return { status, body, headers: { ...JSON_HEADERS } };
}

/** Credly's error envelope (shape recorded; the wording of these messages is not). */
function errorAnswer(status: number, message: string): HttpResponse {
  return answer(status, JSON.stringify({ data: { message }, metadata: null }));
}

function filterOf(query: URLSearchParams): Record<string, string[]> {
  const filter: Record<string, string[]> = {};
  for (const part of (query.get("filter") ?? "").split("|").filter(Boolean)) {
    const [key, value] = part.split("::");
    filter[key] = value.split(",");
  }
  return filter;
}

function recordedBadge(): Record<string, unknown> & { badge_template: { id: string } } {
  return JSON.parse(recorded("issued_badges.json")).data[0];
}

function templatesPage(orgId: string, page: number): string {
  if (page === 1) return recorded("badge_templates.json");
  const { totalCount, totalPages, per } = RECORDED.templates;
  const pageUrl = (n: number) => `https://api.credly.com/api/v1/organizations/${orgId}/badge_templates?page=${n}`;
  const first = JSON.parse(recorded("badge_templates.json"));
  const count = page === totalPages ? totalCount - per * (totalPages - 1) : page < totalPages ? per : 0;
  const data = first.data.slice(0, count).map((t: { id: string }) => ({ ...t, id: `${t.id}-p${page}` }));
  return JSON.stringify({
    data,
    metadata: {
      count,
      current_page: page,
      total_count: totalCount,
      total_pages: totalPages,
      per,
      previous_page_url: pageUrl(page - 1),
      next_page_url: page < totalPages ? pageUrl(page + 1) : null,
    },
  });
}

export function fakeCredly(
  origin: string,
  token: string,
  organizationId: string = RECORDED.organizationId,
): FakeCredly {
  const requests: HttpRequest[] = [];
  const fetchAllCalls: HttpRequest[][] = [];
  let drop = false;
  const expectedAuth = `Basic ${Buffer.from(`${token}:`).toString("base64")}`;

  function serve(request: HttpRequest): HttpResponse {
    if (!request.url.startsWith(`${origin}/`)) throw new Error(`Exception: Address unavailable: ${request.url}`);
    if (request.headers?.Authorization !== expectedAuth) return errorAnswer(401, "Unauthorized");
    const url = new URL(request.url);
    const orgPrefix = `/v1/organizations/${organizationId}`;
    if (!url.pathname.startsWith(orgPrefix)) return errorAnswer(404, "Not found");
    const route = `${request.method.toUpperCase()} ${url.pathname.slice(orgPrefix.length)}`;

    if (route === "POST /badges") {
      const body = JSON.parse(request.body ?? "{}");
      if (!body.badge_template_id) return answer(422, recorded("issue_badge_failure.json"));
      const { recipientEmail, templateId } = RECORDED.issued;
      if (body.recipient_email !== recipientEmail || body.badge_template_id !== templateId) {
        throw new Error("fake Credly: only the recorded earner and template can be issued here");
      }
      return answer(201, recorded("issue_badge_success.json"));
    }
    if (route === "GET /badges") {
      const badge = recordedBadge();
      const fieldOf: Record<string, unknown> = { ...badge, badge_template_id: badge.badge_template.id };
      const matches = Object.entries(filterOf(url.searchParams)).every(([key, values]) =>
        values.includes(String(fieldOf[key])),
      );
      return answer(200, recorded(matches ? "issued_badges.json" : "issued_badges_empty.json"));
    }
    const one = /^\/badges\/([^/]+)(\/revoke)?$/.exec(url.pathname.slice(orgPrefix.length));
    if (one && one[1] === RECORDED.found.badgeId) {
      if (request.method === "get" && !one[2])
        return answer(200, JSON.stringify({ data: recordedBadge(), metadata: {} }));
      if (request.method === "put" && one[2]) {
        const { reason } = JSON.parse(request.body ?? "{}");
        const revoked = { ...recordedBadge(), state: "revoked", revocation_reason: reason };
        return answer(200, JSON.stringify({ data: revoked, metadata: {} }));
      }
    }
    if (route === "GET /badge_templates") {
      return answer(200, templatesPage(organizationId, Number(url.searchParams.get("page") ?? "1")));
    }
    return errorAnswer(404, "Not found");
  }

  function connection(): void {
    if (!drop) return;
    drop = false;
    throw new Error(`Exception: Timeout: ${origin}`);
  }

  return {
    requests,
    fetchAllCalls,
    dropNextConnection: () => {
      drop = true;
    },
    fetch(request) {
      requests.push(request);
      connection();
      return serve(request);
    },
    fetchAll(batch) {
      requests.push(...batch);
      fetchAllCalls.push(batch);
      connection();
      return batch.map(serve);
    },
  };
}

/** A server that answers every request with this status, body and headers. */
export function answering(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Http & {
  requests: HttpRequest[];
} {
  const requests: HttpRequest[] = [];
  const reply = (request: HttpRequest) => {
    requests.push(request);
    return { status, body, headers: { ...JSON_HEADERS, ...headers } };
  };
  return { requests, fetch: reply, fetchAll: (batch) => batch.map(reply) };
}

/** A connection that fails with this text on every request. */
export function unreachable(text: string): Http {
  const fail = (): never => {
    throw new Error(text);
  };
  return { fetch: fail, fetchAll: fail };
}
