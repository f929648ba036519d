/**
 * The built bundle as Apps Script will see it. Google calls menu items, triggers and
 * google.script.run targets by name, and only top-level function declarations are callable;
 * the V8 runtime runs scripts, not modules.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as acorn from "acorn";

const root = path.resolve(__dirname, "../..");
const bundle = readFileSync(path.join(root, "dist/Code.js"), "utf8");
const mainSource = readFileSync(path.join(root, "src/main.ts"), "utf8");

/** The public surface: every `global.name = name` in src/main.ts. */
const entryPoints = [...mainSource.matchAll(/^global\.(\w+)\s*=\s*(\w+);/gm)].map((m) => m[1]);
const menuSource = readFileSync(path.join(root, "src/menu.ts"), "utf8");
const menuHandlers = [...menuSource.matchAll(/\["[^"]+",\s*"(\w+)"\]/g)].map((m) => m[1]);

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ending))
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}
/** What the pages call through google.script.run (src/ui/Client.html's `BadgeDesk.call("name", …)`). */
const pageCalls = filesUnder(path.join(root, "src/ui"), ".html").flatMap((html) =>
  [...html.matchAll(/\bcall\(\s*"(\w+)"/g)].map((m) => m[1]),
);
/** What triggers call: every `…_HANDLER = "name"` constant the use cases install triggers with. */
const triggerHandlers = filesUnder(path.join(root, "src"), ".ts").flatMap((ts) =>
  [...ts.matchAll(/\b[A-Z_]*HANDLER[A-Z_]*\s*=\s*"(\w+)"/g)].map((m) => m[1]),
);

describe("the built bundle (dist/Code.js)", () => {
  const program = acorn.parse(bundle, { ecmaVersion: 2019, sourceType: "script" });

  it("parses as an ES2019 script", () => {
    expect(program.type).toBe("Program");
  });

  it("declares every entry point of src/main.ts as a top-level function", () => {
    const declared = new Set(
      program.body.flatMap((node) => (node.type === "FunctionDeclaration" && node.id ? [node.id.name] : [])),
    );
    expect(entryPoints.length).toBeGreaterThan(2);
    for (const name of entryPoints) expect({ name, declared: declared.has(name) }).toEqual({ name, declared: true });
  });

  it("has an entry point for every menu item", () => {
    expect(menuHandlers.length).toBeGreaterThan(0);
    for (const handler of menuHandlers) expect(entryPoints).toContain(handler);
  });

  it("has an entry point for every server function a page calls", () => {
    expect(pageCalls.length).toBeGreaterThan(5);
    for (const name of pageCalls)
      expect({ name, entryPoint: entryPoints.includes(name) }).toEqual({ name, entryPoint: true });
  });

  it("has an entry point for every trigger handler the use cases install", () => {
    expect(triggerHandlers.length).toBeGreaterThan(3);
    for (const name of triggerHandlers)
      expect({ name, entryPoint: entryPoints.includes(name) }).toEqual({ name, entryPoint: true });
  });

  it("has no import, export or require left for Apps Script to choke on", () => {
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const child of node) visit(child);
        return;
      }
      const n = node as { type?: string; callee?: { type: string; name?: string } };
      if (n.type === "ImportExpression") found.push("import()");
      if (n.type === "CallExpression" && n.callee?.type === "Identifier" && n.callee.name === "require") {
        found.push("require()");
      }
      Object.values(node).forEach(visit);
    };
    visit(program);
    expect(found).toEqual([]);
    expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe("the manifest (dist/appsscript.json)", () => {
  const manifest = JSON.parse(readFileSync(path.join(root, "dist/appsscript.json"), "utf8"));

  it("runs on V8 in the agency's time zone with Stackdriver logging", () => {
    expect(manifest).toMatchObject({
      runtimeVersion: "V8",
      timeZone: "America/Chicago",
      exceptionLogging: "STACKDRIVER",
    });
  });

  // A new scope is a conscious change: each one is listed with its reason in the README.
  it("asks for exactly the scopes the README explains", () => {
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/forms",
        "https://www.googleapis.com/auth/gmail.send",
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.external_request",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/userinfo.email",
      ].sort(),
    );
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });

  it("may fetch only Credly's production and sandbox APIs", () => {
    expect(manifest.urlFetchWhitelist).toEqual(["https://api.credly.com/", "https://sandbox-api.credly.com/"]);
  });
});
