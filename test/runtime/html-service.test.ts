import vm from "node:vm";
import { serveHtml } from "../../local/runtime/bridge";
import { pageOf } from "../../local/runtime/html/output";
import { scriptRuntime } from "./harness";

const FILES = {
  "Page.html": `<!DOCTYPE html><html><head><?!= include('Style') ?></head>
<body><h1><?= title ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><div><?!= raw ?></div></body></html>`,
  "Style.html": "<style>h1 { color: teal; }</style>",
  "Plain.html": "<p>Help</p>",
};

const CODE = `
  function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
  function render(title, items, raw) {
    var t = HtmlService.createTemplateFromFile("Page");
    t.title = title; t.items = items; t.raw = raw;
    return t.evaluate().getContent();
  }
  function plain() {
    var out = HtmlService.createHtmlOutputFromFile("Plain").setTitle("Help").setWidth(400).setHeight(300)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME).addMetaTag("viewport", "width=device-width").append("<p>more</p>");
    return [out.getTitle(), out.getWidth(), out.getHeight(), out.getContent()];
  }
  function missing() { HtmlService.createHtmlOutputFromFile("Nope"); }
  function add(a, b) { return a + b; }
  function whenIs() { return { at: new Date(0) }; }
  function fail() { throw new Error("Credly token is not set. Open Settings."); }
  function secret_() { return "hidden"; }
`;

describe("HtmlService", () => {
  it("a template's <?= ?> escapes HTML", () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const html = runtime.run("render", { event: `<b>"Tom" & 'Jerry'</b>`, args: [["<i>x</i>"], "<em>raw</em>"] }).value;
    expect(html).toContain("<h1>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</h1>");
    expect(html).toContain("<li>&lt;i&gt;x&lt;/i&gt;</li>");
  });

  it("a template's <?!= ?> prints raw, and include() of the bundle inlines another file", () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const html = runtime.run("render", { event: "T", args: [["a", "b"], "<em>raw</em>"] }).value as string;
    expect(html).toContain("<head><style>h1 { color: teal; }</style></head>");
    expect(html).toContain("<div><em>raw</em></div>");
    expect(html).toContain("<li>a</li><li>b</li>");
  });

  it("an HtmlOutput keeps its title, size and content", () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    expect(runtime.run("plain").value).toEqual(["Help", 400, 300, "<p>Help</p><p>more</p>"]);
  });

  it("a missing HTML file is an error that names it", () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    expect(runtime.run("missing").error).toBe("No HTML file named Nope was found.");
  });

  it("the host can read the page behind an HtmlOutput the script handed over", () => {
    const runtime = scriptRuntime(`function make() { return HtmlService.createHtmlOutput("<p>x</p>").setTitle("T"); }`);
    expect(pageOf(runtime.run("make").value)).toMatchObject({ content: "<p>x</p>", title: "T" });
  });
});

describe("google.script.run bridge", () => {
  /** Loads the served page's own script into a fresh context with the real fetch, like a browser. */
  async function openPage(url: string) {
    const html = await (await fetch(url)).text();
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? "";
    const window: Record<string, unknown> = {};
    const base = new URL(url);
    const context = vm.createContext({
      window,
      Proxy,
      Error,
      Date,
      fetch: (path: string, init: RequestInit) => fetch(new URL(path, base), init),
    });
    vm.runInContext(script, context);
    const google = window.google as { script: { run: Record<string, unknown>; host: { close(): void } } };
    return { html, google };
  }

  type Runner = Record<string, (...args: unknown[]) => void>;

  function call(google: { script: { run: unknown } }, name: string, ...args: unknown[]) {
    return new Promise<{ value?: unknown; error?: Error; user?: unknown }>((resolve) => {
      const run = google.script.run as {
        withSuccessHandler(f: unknown): { withFailureHandler(f: unknown): { withUserObject(o: unknown): Runner } };
      };
      run
        .withSuccessHandler((value: unknown, user: unknown) => resolve({ value, user }))
        .withFailureHandler((error: Error, user: unknown) => resolve({ error, user }))
        .withUserObject("row-7")
        [name](...args);
    });
  }

  it("runs a bundle function for the page and hands back its value", async () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const page = await serveHtml(runtime, "<html><head></head><body>Settings</body></html>");
    try {
      const { html, google } = await openPage(page.url);
      expect(html).toContain("<body>Settings</body>");
      expect(await call(google, "add", 2, 3)).toEqual({ value: 5, user: "row-7" });
      expect(runtime.executions.at(-1)).toMatchObject({ functionName: "add", ok: true });
    } finally {
      await page.close();
    }
  });

  it("hands a script error to the failure handler with its message", async () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const page = await serveHtml(runtime, "<p>x</p>");
    try {
      const { google } = await openPage(page.url);
      const failed = await call(google, "fail");
      expect(failed.error?.message).toBe("Credly token is not set. Open Settings.");
      expect((await call(google, "secret_")).error?.message).toBe("Script function not found: secret_");
    } finally {
      await page.close();
    }
  });

  it("allows JSON values only: a Date argument fails on the page, a Date return arrives as null", async () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const page = await serveHtml(runtime, "<p>x</p>");
    try {
      const { google } = await openPage(page.url);
      expect(() => (google.script.run as unknown as Runner).add(new Date(), 1)).toThrow(
        "Failed due to illegal value in property: 0",
      );
      expect(await call(google, "whenIs")).toEqual({ value: null, user: "row-7" });
    } finally {
      await page.close();
    }
  });

  it("records google.script.host.close()", async () => {
    const runtime = scriptRuntime(CODE, { files: FILES });
    const page = await serveHtml(runtime, "<p>x</p>");
    try {
      const { google } = await openPage(page.url);
      google.script.host.close();
      await new Promise((r) => setTimeout(r, 100));
      expect(page.hostClosed()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
