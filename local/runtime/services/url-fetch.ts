import { type Execution, emulate } from "../execution";
import { toWire } from "../net/request";
import { type Answer, httpResponse } from "../net/response";
import { sendSync, type WireRequest, type WireResult } from "../net/wire";
import { DailyQuota } from "../quota";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { scriptArray, scriptObject } from "./realm-values";

type UrlFetchApi = Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, "fetch" | "fetchAll" | "getRequest">;
type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

/** A fetch times out after about 60 s and this is not configurable (S: Poehnelt 2024). */
export const GOOGLE_TIMEOUT_MS = 60_000;

/** One request the script made, as the host saw it (for tests and the benchmark). */
export interface FetchLogEntry {
  executionId: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as UTF-8 text ("" when none). */
  body: string;
  /** The HTTP status, or the network failure. */
  status?: number;
  failure?: "timeout" | "refused" | "dns" | "other";
  /** Virtual time when the request left. */
  at: number;
  /** Virtual time charged for the request's own share (the server's time). */
  serverMs: number;
  /** Real time the request took on this machine. */
  realMs: number;
}

/** How server time is charged on the virtual clock. */
export type ServerTime = "fixed" | "measured";

/** The host's controls over UrlFetchApp in one runtime. */
export interface UrlFetchHost {
  /** Every request, in the order sent. */
  readonly requests: FetchLogEntry[];
  /**
   * Local addition, not Google's: lets URLs with this prefix pass the manifest's
   * urlFetchWhitelist (the Credly sandbox is http://127.0.0.1:PORT, which no real whitelist holds).
   */
  allowUrlPrefix(prefix: string): void;
  /** Real time a request may take on this machine before it counts as Google's timeout. */
  setTimeoutMs(ms: number): void;
  /**
   * "fixed" (default): each request costs the cost table's serverTimeMs, so virtual time and call
   * counts are deterministic. "measured": the real time the server took.
   */
  setServerTime(mode: ServerTime): void;
  /** Calls left today for `user` (default: the runtime's user). */
  remainingDailyQuota(user?: string): number;
}

interface Model {
  allowed: string[];
  timeoutMs: number;
  serverTime: ServerTime;
  requests: FetchLogEntry[];
  quota: DailyQuota;
}

function modelOf(runtime: Runtime): Model {
  return runtime.model<Model>("urlfetch", () => ({
    allowed: [],
    timeoutMs: GOOGLE_TIMEOUT_MS,
    serverTime: "fixed",
    requests: [],
    quota: new DailyQuota(runtime, () => runtime.limits.urlFetchPerDay),
  }));
}

/** The host's view of UrlFetchApp in `runtime`. */
export function urlFetchOf(runtime: Runtime): UrlFetchHost {
  const model = modelOf(runtime);
  return {
    requests: model.requests,
    allowUrlPrefix: (prefix) => {
      model.allowed.push(prefix);
    },
    setTimeoutMs: (ms) => {
      model.timeoutMs = ms;
    },
    setServerTime: (mode) => {
      model.serverTime = mode;
    },
    remainingDailyQuota: (user = runtime.user) => model.quota.remaining(user),
  };
}

/** Shorthand for `urlFetchOf(runtime).allowUrlPrefix(prefix)`: a deliberate local addition. */
export function allowUrlPrefix(runtime: Runtime, prefix: string): void {
  urlFetchOf(runtime).allowUrlPrefix(prefix);
}

/**
 * Google's texts for a failure below HTTP: "Timeout: <url>" and "Address unavailable: <url>" are
 * what scripts report (S: Poehnelt 2024, forum threads); "DNS error" likewise (S); anything else
 * is reported as "Unexpected error" (S).
 */
function networkError(failure: NonNullable<FetchLogEntry["failure"]>, url: string): string {
  switch (failure) {
    case "timeout":
      return `Timeout: ${url}`;
    case "refused":
      return `Address unavailable: ${url}`;
    case "dns":
      return `DNS error: ${url}`;
    default:
      return `Unexpected error: ${url}`;
  }
}

/** Google's text for a status >= 400 without muteHttpExceptions (V, see apps-script.md). */
export function requestFailedText(url: string, status: number, body: string): string {
  return (
    `Request failed for ${url} returned code ${status}. Truncated server response: ${body.slice(0, 100)} ` +
    "(use muteHttpExceptions option to examine full response)"
  );
}

class UrlFetchService {
  constructor(
    private readonly exec: Execution,
    private readonly runtime: Runtime,
    private readonly model: Model,
    private readonly realm: Realm,
  ) {}

  /** The manifest's whitelist holds URL prefixes; with no whitelist, any URL may be fetched. */
  private checkWhitelist(url: string): void {
    const whitelist = this.runtime.manifest.urlFetchWhitelist;
    if (!whitelist) return;
    if ([...whitelist, ...this.model.allowed].some((prefix) => url.startsWith(prefix))) return;
    // Wording (S): the execution log shows it after Google's usual "Exception: " prefix.
    throw this.exec.makeError(`Script has attempted to fetch ${url} which is not in the urlFetchWhitelist.`);
  }

  private prepare(url: string, params: Options | undefined): WireRequest {
    this.checkWhitelist(url);
    try {
      return toWire(url, params);
    } catch (error) {
      throw this.exec.makeError((error as Error).message);
    }
  }

  private takeQuota(n: number): void {
    if (!this.model.quota.take(this.exec.user, n)) {
      throw this.exec.makeError("Service invoked too many times for one day: urlfetch.");
    }
  }

  private serverMs(result: WireResult): number {
    if (!result.ok && result.failure === "timeout") return GOOGLE_TIMEOUT_MS;
    return this.model.serverTime === "measured" ? result.elapsedMs : result.ok ? this.runtime.costs.serverTimeMs : 0;
  }

  private log(request: WireRequest, result: WireResult, at: number): void {
    this.model.requests.push({
      executionId: this.exec.id,
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.bodyBase64 === undefined ? "" : Buffer.from(request.bodyBase64, "base64").toString("utf8"),
      status: result.ok ? result.status : undefined,
      failure: result.ok ? undefined : result.failure,
      at,
      serverMs: this.serverMs(result),
      realMs: result.elapsedMs,
    });
  }

  /** The answer, or Google's exception for a network failure / an unmuted HTTP error. */
  private answer(request: WireRequest, result: WireResult, mute: boolean): Answer {
    if (!result.ok) throw this.exec.makeError(networkError(result.failure, request.url));
    const answer = { status: result.status, headers: result.headers, body: Buffer.from(result.bodyBase64, "base64") };
    if (answer.status >= 400 && !mute) {
      throw this.exec.makeError(requestFailedText(request.url, answer.status, answer.body.toString("utf8")));
    }
    return answer;
  }

  fetch(url: string, params?: Options): GoogleAppsScript.URL_Fetch.HTTPResponse {
    const request = this.prepare(url, params);
    this.takeQuota(1);
    const at = this.runtime.clock.now();
    const [result] = sendSync([request], this.model.timeoutMs);
    this.log(request, result, at);
    this.exec.charge(this.runtime.costs.fetchOverheadMs + this.serverMs(result));
    return httpResponse(this.exec, this.realm, this.answer(request, result, params?.muteHttpExceptions === true));
  }

  /**
   * All requests go out at once and come back in request order. Time: per wave of `fetchAllWave`
   * requests, `fetchAllWaveMs` plus the slowest server time of the wave (see costs.ts). A failure
   * below HTTP in any request fails the whole call.
   */
  fetchAll(
    requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest | string>,
  ): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    const specs = requests.map((r) => (typeof r === "string" ? { url: r } : r));
    const wire = specs.map(({ url, ...params }) => this.prepare(url, params));
    this.takeQuota(wire.length);
    const at = this.runtime.clock.now();
    const results = wire.length === 0 ? [] : sendSync(wire, this.model.timeoutMs);
    results.forEach((result, i) => {
      this.log(wire[i], result, at);
    });
    const { fetchAllWave, fetchAllWaveMs } = this.runtime.costs;
    for (let start = 0; start < results.length; start += fetchAllWave) {
      const wave = results.slice(start, start + fetchAllWave);
      this.exec.charge(fetchAllWaveMs + Math.max(...wave.map((r) => this.serverMs(r))));
    }
    const failed = results.findIndex((r) => !r.ok);
    if (failed >= 0) this.answer(wire[failed], results[failed], true);
    return scriptArray(
      this.realm,
      results.map((result, i) =>
        httpResponse(this.exec, this.realm, this.answer(wire[i], result, specs[i].muteHttpExceptions === true)),
      ),
    );
  }

  getRequest(url: string, params: Options = {}): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    const request = this.prepare(url, params);
    return scriptObject(this.realm, {
      url: request.url,
      method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      payload: request.bodyBase64 === undefined ? "" : Buffer.from(request.bodyBase64, "base64").toString("utf8"),
      contentType: request.headers["Content-Type"],
      followRedirects: request.followRedirects,
      muteHttpExceptions: params.muteHttpExceptions === true,
      validateHttpsCertificates: params.validateHttpsCertificates !== false,
      useIntranet: false,
      headers: scriptObject(this.realm, request.headers),
    });
  }
}

registerServices((exec, runtime, realm) => {
  const service = new UrlFetchService(exec, runtime, modelOf(runtime), realm);
  const impl: UrlFetchApi = {
    fetch: (url: string, params?: Options) => service.fetch(url, params),
    fetchAll: (requests) => service.fetchAll(requests),
    getRequest: (url: string, params?: Options) => service.getRequest(url, params),
  };
  return { UrlFetchApp: emulate(exec, "UrlFetchApp", impl as GoogleAppsScript.URL_Fetch.UrlFetchApp) };
});
