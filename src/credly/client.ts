import type { Http, HttpRequest, HttpResponse } from "../app/ports";
import {
  type CredlyError,
  type CredlyResult,
  type Doing,
  errorFromResponse,
  networkError,
  redacted,
  unreadableAnswer,
} from "./errors";
import { envelopeData, readBadge, readPage, readTemplate } from "./parse";
import type { Badge, BadgePage, BadgeRequest, BadgeTemplate, Found } from "./types";
import { filterParam, nextPageUrl, withQuery } from "./urls";

export interface CredlyClientOptions {
  http: Http;
  /** From credlyBaseUrl(): "https://api.credly.com", the sandbox, or a custom base. */
  baseUrl: string;
  organizationId: string;
  /** The organization's authorization token (a secret: never appears in an error). */
  token: string;
  /** Base64 of a string; the platform hands in Utilities.base64Encode (no btoa in Apps Script). */
  base64: (text: string) => string;
}

/**
 * One issue request's outcome, in request order. `unknown` is true when Credly may have issued
 * the badge anyway (timeout, 5xx, unreadable success): look it up before posting again.
 */
export type IssueOutcome = { ok: true; badge: Badge } | { ok: false; error: CredlyError; unknown: boolean };

export interface BadgeFilter {
  recipientEmail?: string;
  templateId?: string;
  issuerEarnerId?: string;
  /** Any of these states, e.g. ["pending", "accepted"]. */
  state?: string[];
}

export interface FindOptions {
  /** Credly's sort, e.g. "-issued_at" (a leading "-" is descending). */
  sort?: string;
  /** Stop after this many pages of 50; the answer then says `complete: false`. */
  maxPages?: number;
}

export type ConnectionCheck = { ok: true; message: string } | { ok: false; message: string; error: CredlyError };

export interface CredlyClient {
  /** Issues a batch in one fetchAll. */
  issueBadges(requests: BadgeRequest[]): IssueOutcome[];
  /** Issued badges matching every given filter, following Credly's pages. */
  findBadges(filter: BadgeFilter, options?: FindOptions): CredlyResult<Found<Badge>>;
  /**
   * Several searches at once: the first page of each in one fetchAll, further pages (rare for a
   * lookup by e-mail and template) in later fetchAll waves. Answers in filter order.
   */
  findBadgesMany(filters: BadgeFilter[]): CredlyResult<Badge[]>[];
  /** The first page's address of a badge listing (filter and sort in Credly's words). */
  badgeListUrl(filter: BadgeFilter, options?: Pick<FindOptions, "sort">): string;
  /**
   * One page of a badge listing at `url` (from badgeListUrl or a previous page's `next`): the
   * caller drives the paging, so it can stop early, retry a page and keep to its time.
   */
  badgePage(url: string): CredlyResult<BadgePage>;
  getBadge(id: string): CredlyResult<Badge>;
  /** Every badge template of the organization, all pages. */
  listTemplates(): CredlyResult<BadgeTemplate[]>;
  revokeBadge(id: string, reason: string): CredlyResult<Badge>;
  /** One read; words for the settings page. */
  testConnection(): ConnectionCheck;
}

/** A runaway guard: 200 pages of 50 is 10,000 badges, far above a state agency's year. */
const DEFAULT_MAX_PAGES = 200;

export function credlyClient(options: CredlyClientOptions): CredlyClient {
  const { http, organizationId, token } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const credentials = options.base64(`${token}:`);
  const secrets = [token, credentials];
  const orgUrl = `${baseUrl}/v1/organizations/${encodeURIComponent(organizationId)}`;

  const request = (method: HttpRequest["method"], url: string, body?: unknown): HttpRequest => ({
    url,
    method,
    // Basic auth: the token as user name, empty password (reference: H). The port sets the JSON
    // content type whenever there is a body.
    headers: { Authorization: `Basic ${credentials}`, Accept: "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  const hide = (error: CredlyError): CredlyError => redacted(error, secrets);
  const fail = (error: CredlyError): { ok: false; error: CredlyError } => ({ ok: false, error: hide(error) });

  const send = (req: HttpRequest, context: Doing): CredlyResult<HttpResponse> => {
    let response: HttpResponse;
    try {
      response = http.fetch(req);
    } catch (thrown) {
      return fail(networkError(thrown, baseUrl, context));
    }
    if (response.status < 200 || response.status > 299) return fail(errorFromResponse(response, context));
    return { ok: true, value: response };
  };

  const one = <T>(req: HttpRequest, context: Doing, read: (v: unknown) => T | null): CredlyResult<T> => {
    const sent = send(req, context);
    if (!sent.ok) return sent;
    const value = read(envelopeData(sent.value.body));
    return value === null ? fail(unreadableAnswer(sent.value.status, sent.value.body, context)) : { ok: true, value };
  };

  const pages = <T>(
    firstUrl: string,
    context: Doing,
    read: (v: unknown) => T | null,
    maxPages: number,
  ): CredlyResult<Found<T>> => {
    const items: T[] = [];
    const visited: string[] = [];
    let url = firstUrl;
    for (;;) {
      visited.push(url);
      const sent = send(request("get", url), context);
      if (!sent.ok) return sent;
      const page = readPage(sent.value.body);
      const pageItems = page ? page.data.map(read) : [];
      if (!page || pageItems.some((item) => item === null)) {
        // A badge we cannot read could be the one a duplicate check is looking for: fail, not skip.
        return fail(unreadableAnswer(sent.value.status, sent.value.body, context));
      }
      items.push(...(pageItems as T[]));
      const totalCount = page.metadata.total_count;
      const next = page.metadata.next_page_url;
      if (next === null) return { ok: true, value: { items, totalCount, complete: true } };
      if (visited.length >= maxPages) return { ok: true, value: { items, totalCount, complete: false } };
      const resolved = nextPageUrl(next, baseUrl);
      if (!resolved.ok) return fail(resolved.error);
      if (visited.includes(resolved.value)) {
        return fail(unreadableAnswer(sent.value.status, `next page repeats ${resolved.value}`, context));
      }
      url = resolved.value;
    }
  };

  const issueOutcome = (response: HttpResponse | undefined, context: Doing): IssueOutcome => {
    if (response === undefined) {
      return { ok: false, unknown: true, error: hide(networkError("no answer", baseUrl, context)) };
    }
    if (response.status < 200 || response.status > 299) {
      const error = hide(errorFromResponse(response, context));
      return { ok: false, error, unknown: error.kind === "server" };
    }
    const badge = readBadge(envelopeData(response.body));
    if (badge) return { ok: true, badge };
    return { ok: false, unknown: true, error: hide(unreadableAnswer(response.status, response.body, context)) };
  };

  const badgesUrl = (filter: BadgeFilter, extra: Array<[string, string | undefined]>): string => {
    const query = filterParam([
      ["recipient_email", filter.recipientEmail],
      ["badge_template_id", filter.templateId],
      ["issuer_earner_id", filter.issuerEarnerId],
      ["state", filter.state],
    ]);
    return withQuery(`${orgUrl}/badges`, [["filter", query], ...extra]);
  };

  /** GETs in one fetchAll; a network failure fails every one of them (the port throws for all). */
  const fetchAllOrFail = (urls: string[], context: Doing): CredlyResult<HttpResponse>[] => {
    let responses: HttpResponse[];
    try {
      responses = http.fetchAll(urls.map((url) => request("get", url)));
    } catch (thrown) {
      const error = fail(networkError(thrown, baseUrl, context));
      return urls.map(() => error);
    }
    return urls.map((_, i) => {
      const response = responses[i];
      if (response === undefined) return fail(networkError("no answer", baseUrl, context));
      if (response.status < 200 || response.status > 299) return fail(errorFromResponse(response, context));
      return { ok: true, value: response };
    });
  };

  const readBadgePage = (
    response: HttpResponse,
    context: Doing,
  ): CredlyResult<{ items: Badge[]; next: string | null; totalCount: number }> => {
    const page = readPage(response.body);
    const items = page ? page.data.map(readBadge) : [];
    if (!page || items.some((item) => item === null)) {
      // A badge we cannot read could be the one a lookup is looking for: fail, not skip.
      return fail(unreadableAnswer(response.status, response.body, context));
    }
    return {
      ok: true,
      value: { items: items as Badge[], next: page.metadata.next_page_url, totalCount: page.metadata.total_count },
    };
  };

  return {
    issueBadges(requests) {
      if (requests.length === 0) return [];
      const context: Doing = { doing: "issuing a badge", issuing: true };
      const calls = requests.map((r) => request("post", `${orgUrl}/badges`, issuePayload(r)));
      let responses: HttpResponse[];
      try {
        responses = http.fetchAll(calls);
      } catch (thrown) {
        // The port throws for the whole batch: none of the outcomes is known.
        const error = hide(networkError(thrown, baseUrl, context));
        return requests.map(() => ({ ok: false, error, unknown: true }));
      }
      return requests.map((_, i) => issueOutcome(responses[i], context));
    },

    findBadges(filter, findOptions = {}) {
      const url = badgesUrl(filter, [["sort", findOptions.sort]]);
      return pages(url, { doing: "looking up badges" }, readBadge, findOptions.maxPages ?? DEFAULT_MAX_PAGES);
    },

    findBadgesMany(filters) {
      const context: Doing = { doing: "looking up badges" };
      const results: Array<CredlyResult<Badge[]> | null> = filters.map(() => null);
      const found: Badge[][] = filters.map(() => []);
      let wave = filters.map((filter, index) => ({ index, url: badgesUrl(filter, []), visited: [] as string[] }));
      while (wave.length > 0) {
        const answers = fetchAllOrFail(
          wave.map((w) => w.url),
          context,
        );
        const next: typeof wave = [];
        wave.forEach((w, i) => {
          const answer = answers[i];
          if (!answer.ok) {
            results[w.index] = answer;
            return;
          }
          const page = readBadgePage(answer.value, context);
          if (!page.ok) {
            results[w.index] = page;
            return;
          }
          found[w.index].push(...page.value.items);
          const link = page.value.next;
          if (link === null || w.visited.length + 1 >= DEFAULT_MAX_PAGES) {
            results[w.index] = { ok: true, value: found[w.index] };
            return;
          }
          const resolved = nextPageUrl(link, baseUrl);
          if (!resolved.ok) results[w.index] = fail(resolved.error);
          else next.push({ index: w.index, url: resolved.value, visited: [...w.visited, w.url] });
        });
        wave = next;
      }
      return results as CredlyResult<Badge[]>[];
    },

    badgeListUrl(filter, listOptions = {}) {
      return badgesUrl(filter, [["sort", listOptions.sort]]);
    },

    badgePage(url) {
      const context: Doing = { doing: "reading badge states" };
      const sent = send(request("get", url), context);
      if (!sent.ok) return sent;
      const page = readBadgePage(sent.value, context);
      if (!page.ok) return page;
      const { items, next, totalCount } = page.value;
      if (next === null) return { ok: true, value: { items, totalCount, next: null } };
      // Follow next_page_url as given (reference: H), its /api/v1 form rebuilt onto our base.
      const resolved = nextPageUrl(next, baseUrl);
      if (!resolved.ok) return fail(resolved.error);
      if (resolved.value === url) return fail(unreadableAnswer(sent.value.status, `next page repeats ${url}`, context));
      return { ok: true, value: { items, totalCount, next: resolved.value } };
    },

    getBadge(id) {
      return one(
        request("get", `${orgUrl}/badges/${encodeURIComponent(id)}`),
        { doing: `reading badge ${id}` },
        readBadge,
      );
    },

    listTemplates() {
      const context: Doing = { doing: "listing badge templates" };
      const found = pages(`${orgUrl}/badge_templates`, context, readTemplate, DEFAULT_MAX_PAGES);
      if (!found.ok) return found;
      if (!found.value.complete) {
        return fail(unreadableAnswer(200, `more than ${DEFAULT_MAX_PAGES} pages of templates`, context));
      }
      return { ok: true, value: found.value.items };
    },

    revokeBadge(id, reason) {
      const body = { reason, suppress_revoke_notification_email: false };
      const url = `${orgUrl}/badges/${encodeURIComponent(id)}/revoke`;
      return one(request("put", url, body), { doing: `revoking badge ${id}` }, readBadge);
    },

    testConnection() {
      const context: Doing = { doing: "checking the connection" };
      const sent = send(request("get", `${orgUrl}/badge_templates`), context);
      if (!sent.ok) return { ok: false, message: sent.error.message, error: sent.error };
      const page = readPage(sent.value.body);
      if (!page) {
        const error = hide(unreadableAnswer(sent.value.status, sent.value.body, context));
        return { ok: false, message: error.message, error };
      }
      const owner = page.data.map(readTemplate).find((t) => t?.owner?.name)?.owner?.name;
      const count = page.metadata.total_count;
      const templates = count === 1 ? "1 badge template" : `${count} badge templates`;
      return { ok: true, message: `Connected to ${owner ?? `Credly organization ${organizationId}`} — ${templates}` };
    },
  };
}

/** Only the fields Credly documents: a caller's richer object must not leak into the request. */
function issuePayload(r: BadgeRequest): BadgeRequest {
  return {
    recipient_email: r.recipient_email,
    issued_to_first_name: r.issued_to_first_name,
    issued_to_last_name: r.issued_to_last_name,
    badge_template_id: r.badge_template_id,
    issued_at: r.issued_at,
    issuer_earner_id: r.issuer_earner_id,
    locale: r.locale,
    ...(r.suppress_badge_notification_email === undefined
      ? {}
      : { suppress_badge_notification_email: r.suppress_badge_notification_email }),
  };
}
