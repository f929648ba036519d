import { credlyBaseUrl } from "../../../src/credly";
import { nextPageUrl } from "../../../src/credly/urls";

describe("the Credly address chosen in Settings", () => {
  it("knows production and sandbox", () => {
    expect(credlyBaseUrl("production")).toBe("https://api.credly.com");
    expect(credlyBaseUrl("sandbox")).toBe("https://sandbox-api.credly.com");
  });

  it("takes any http(s) base for custom, dropping a pasted trailing slash or /v1", () => {
    expect(credlyBaseUrl("custom", "http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
    expect(credlyBaseUrl("custom", " http://127.0.0.1:8787/ ")).toBe("http://127.0.0.1:8787");
    expect(credlyBaseUrl("custom", "https://proxy.agency.gov/credly/v1/")).toBe("https://proxy.agency.gov/credly");
  });

  it.each(["", "127.0.0.1:8787", "ftp://x.org", "http://"])("refuses %j with words saying what to enter", (custom) => {
    expect(() => credlyBaseUrl("custom", custom)).toThrow(/is not an http\(s\) address: enter one like http:\/\/127/);
  });
});

describe("following Credly's next-page link", () => {
  const base = "http://127.0.0.1:8787";
  const org = "e52b9e79-9ddb-4110-9883-ae2c44a7440e";

  it("rebuilds the /api/v1 link on the configured base, keeping path and query", () => {
    expect(
      nextPageUrl(`https://api.credly.com/api/v1/organizations/${org}/badges?filter=state%3A%3Apending&page=3`, base),
    ).toEqual({
      ok: true,
      value: `${base}/v1/organizations/${org}/badges?filter=state%3A%3Apending&page=3`,
    });
  });

  it("rebuilds the /api/v1 form on production too, where the documented path is /v1", () => {
    const next = `https://api.credly.com/api/v1/organizations/${org}/badge_templates?page=2`;
    expect(nextPageUrl(next, "https://api.credly.com")).toEqual({
      ok: true,
      value: `https://api.credly.com/v1/organizations/${org}/badge_templates?page=2`,
    });
  });

  it("follows a link on the configured host as given", () => {
    const next = `${base}/v1/organizations/${org}/badges?page=2`;
    expect(nextPageUrl(next, base)).toEqual({ ok: true, value: next });
  });

  it("refuses a link to another host rather than send it the token", () => {
    const next = nextPageUrl("https://elsewhere.example/v1/organizations/x/badges?page=2", base);
    expect(!next.ok && next.error.message).toContain("elsewhere.example");
  });
});
