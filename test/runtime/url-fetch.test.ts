import { urlFetchOf } from "../../local/runtime/services/url-fetch";
import { scriptRuntime } from "./harness";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(() => server.close());

/** A runtime whose script can reach the test server (a local addition to the whitelist). */
function fetching(code: string, options: Parameters<typeof scriptRuntime>[1] = {}) {
  const runtime = scriptRuntime(`var ORIGIN = ${JSON.stringify(server.origin)};\n${code}`, options);
  urlFetchOf(runtime).allowUrlPrefix("http://127.0.0.1:");
  return runtime;
}

async function lastReceived() {
  const all = await server.received();
  return all[all.length - 1];
}

describe("UrlFetchApp", () => {
  it("fetch posts JSON only with contentType application/json", async () => {
    const runtime = fetching(`
      function postJson() {
        UrlFetchApp.fetch(ORIGIN + "/json", { method: "post", contentType: "application/json", payload: JSON.stringify({ a: 1 }) });
      }
      function postObjectLabelledJson() {
        UrlFetchApp.fetch(ORIGIN + "/object", { method: "post", contentType: "application/json", payload: { a: 1 } });
      }`);
    expect(runtime.run("postJson").ok).toBe(true);
    const json = await lastReceived();
    expect(json.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(json.body)).toEqual({ a: 1 });

    expect(runtime.run("postObjectLabelledJson").ok).toBe(true);
    const object = await lastReceived();
    expect(object.body).toBe("a=1");
  });

  it("default payload encoding is form-urlencoded", async () => {
    const runtime = fetching(`
      function postForm() {
        UrlFetchApp.fetch(ORIGIN + "/form", { method: "post", payload: { name: "Ana María", note: "x&y=z" } });
      }`);
    expect(runtime.run("postForm").ok).toBe(true);
    const form = await lastReceived();
    expect(form.method).toBe("POST");
    expect(form.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(form.body).get("name")).toBe("Ana María");
    expect(new URLSearchParams(form.body).get("note")).toBe("x&y=z");
  });

  it("a test server in another process receives exactly the method, headers and body asked for", async () => {
    const runtime = fetching(`
      function put() {
        UrlFetchApp.fetch(ORIGIN + "/badges/42?x=1", {
          method: "put",
          headers: { Authorization: "Basic dG9rZW46", "X-Trace": "abc" },
          contentType: "application/json",
          payload: '{"state":"revoked","note":"ñ"}',
        });
      }`);
    expect(runtime.run("put").ok).toBe(true);
    const put = await lastReceived();
    expect(put.method).toBe("PUT");
    expect(put.path).toBe("/badges/42?x=1");
    expect(put.headers.authorization).toBe("Basic dG9rZW46");
    expect(put.headers["x-trace"]).toBe("abc");
    expect(put.headers["content-length"]).toBe(String(Buffer.byteLength('{"state":"revoked","note":"ñ"}')));
    expect(put.body).toBe('{"state":"revoked","note":"ñ"}');
    expect(urlFetchOf(runtime).requests.at(-1)).toMatchObject({ method: "PUT", status: 200 });
  });

  it("a 4xx without muteHttpExceptions throws Google's text", () => {
    const runtime = fetching(`
      function unmuted() { UrlFetchApp.fetch(ORIGIN + "/status/404"); }
      function muted() {
        var r = UrlFetchApp.fetch(ORIGIN + "/status/422", { muteHttpExceptions: true });
        return [r.getResponseCode(), r.getContentText().slice(0, 12)];
      }`);
    const url = `${server.origin}/status/404`;
    expect(runtime.run("unmuted").error).toBe(
      `Request failed for ${url} returned code 404. Truncated server response: status 404: ${"x".repeat(88)} ` +
        "(use muteHttpExceptions option to examine full response)",
    );
    expect(runtime.run("muted").value).toEqual([422, "status 422: "]);
  });

  it("fetchAll runs in parallel and keeps request order", () => {
    const runtime = fetching(`
      function all() {
        return UrlFetchApp.fetchAll([ORIGIN + "/slow/400", { url: ORIGIN + "/slow/100" }, ORIGIN + "/slow/250", ORIGIN + "/slow/300"])
          .map(function (r) { return r.getContentText(); });
      }`);
    urlFetchOf(runtime).setServerTime("measured");
    const record = runtime.run("all");
    expect(record.value).toEqual(["slow 400", "slow 100", "slow 250", "slow 300"]);
    const virtualMs = record.endedAt - record.startedAt;
    // One wave: the wave's fixed part plus the slowest server (~400 ms), not the sum (1,050 ms).
    expect(virtualMs).toBeGreaterThanOrEqual(runtime.costs.fetchAllWaveMs + 400);
    expect(virtualMs).toBeLessThan(runtime.costs.fetchAllWaveMs + 400 + 300);
  });

  it("fetchAll fails as a whole when one request fails below HTTP", () => {
    const runtime = fetching(`
      function all() { UrlFetchApp.fetchAll([ORIGIN + "/ok", "http://127.0.0.1:9/closed"]); }`);
    expect(runtime.run("all").error).toBe("Address unavailable: http://127.0.0.1:9/closed");
  });

  it("a URL outside urlFetchWhitelist is refused", async () => {
    const before = (await server.received()).length;
    const runtime = scriptRuntime(
      `function leak() { UrlFetchApp.fetch(${JSON.stringify(`${server.origin}/leak`)}); }
       function credly() { UrlFetchApp.getRequest("https://sandbox-api.credly.com/v1/obi/v2/issuers"); return "allowed"; }`,
    );
    expect(runtime.run("leak").error).toBe(
      `Script has attempted to fetch ${server.origin}/leak which is not in the urlFetchWhitelist.`,
    );
    expect((await server.received()).length).toBe(before);
    expect(runtime.run("credly").value).toBe("allowed");
  });

  it("charges a fixed overhead plus a fixed server time by default", () => {
    const runtime = fetching(`function one() { UrlFetchApp.fetch(ORIGIN + "/slow/50"); }`);
    const record = runtime.run("one");
    expect(record.endedAt - record.startedAt).toBe(runtime.costs.fetchOverheadMs + runtime.costs.serverTimeMs);
  });

  it("a server that never answers times out with Google's text after 60 virtual seconds", () => {
    const runtime = fetching(`function hang() { UrlFetchApp.fetch(ORIGIN + "/hang"); }`);
    urlFetchOf(runtime).setTimeoutMs(300);
    const record = runtime.run("hang");
    expect(record.error).toBe(`Timeout: ${server.origin}/hang`);
    expect(record.endedAt - record.startedAt).toBe(runtime.costs.fetchOverheadMs + 60_000);
  });

  it("a refused connection throws Address unavailable", () => {
    const runtime = fetching(`function closed() { UrlFetchApp.fetch("http://127.0.0.1:9/x"); }`);
    expect(runtime.run("closed").error).toBe("Address unavailable: http://127.0.0.1:9/x");
  });

  it("the daily UrlFetch quota throws Google's text until the next Pacific day", () => {
    const runtime = fetching(`function one() { UrlFetchApp.fetch(ORIGIN + "/ok"); }`, {
      limits: { urlFetchPerDay: 2 },
      start: new Date("2026-11-02T07:00:00Z"), // 23:00 in Los Angeles
    });
    expect(runtime.run("one").ok).toBe(true);
    expect(runtime.run("one").ok).toBe(true);
    expect(runtime.run("one").error).toBe("Service invoked too many times for one day: urlfetch.");
    runtime.clock.setAtLeast(new Date("2026-11-02T08:00:00Z").getTime()); // midnight in Los Angeles
    expect(runtime.run("one").ok).toBe(true);
  });

  it("HTTPResponse keeps the server's header names and all values of a repeated header", () => {
    const runtime = fetching(`
      function headers() {
        var r = UrlFetchApp.fetch(ORIGIN + "/echo");
        return { type: r.getHeaders()["Content-Type"], cookies: r.getAllHeaders()["Set-Cookie"], blob: r.getBlob().getDataAsString().length > 0 };
      }`);
    expect(runtime.run("headers").value).toEqual({
      type: "application/json; charset=utf-8",
      cookies: ["a=1", "b=2"],
      blob: true,
    });
  });

  it("a member UrlFetchApp does not emulate throws instead of returning undefined", () => {
    const runtime = fetching("function odd() { UrlFetchApp.fetchEverything(); }");
    expect(runtime.run("odd").error).toBe("not emulated: UrlFetchApp.fetchEverything");
  });
});
