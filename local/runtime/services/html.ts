import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Execution, emulate } from "../execution";
import { htmlOutput } from "../html/output";
import { compileTemplate, escapeHtml, rawText } from "../html/template";
import { type Realm, type Runtime, registerServices } from "../runtime";

type HtmlServiceApi = Pick<
  GoogleAppsScript.HTML.HtmlService,
  | "createHtmlOutput"
  | "createHtmlOutputFromFile"
  | "createTemplate"
  | "createTemplateFromFile"
  | "getUserAgent"
  | "SandboxMode"
  | "XFrameOptionsMode"
>;
type TemplateApi = Pick<
  GoogleAppsScript.HTML.HtmlTemplate,
  "evaluate" | "getCode" | "getCodeWithComments" | "getRawContent"
>;

/** The HTML file `name` of the project (clasp pushes dist/<name>.html; ".html" may be omitted). */
function readHtmlFile(exec: Execution, runtime: Runtime, name: string): string {
  const file = path.join(runtime.distDir, name.endsWith(".html") ? name : `${name}.html`);
  // Google's text for a missing file (S).
  if (!existsSync(file)) throw exec.makeError(`No HTML file named ${name} was found.`);
  return readFileSync(file, "utf8");
}

function contentOf(source: unknown): string {
  if (source === undefined) return "";
  if (typeof source === "object" && source !== null && "getBlob" in source) {
    return (source as GoogleAppsScript.Base.BlobSource).getBlob().getDataAsString();
  }
  return String(source);
}

/**
 * A template. Properties the script sets on it become variables of its scriptlets; the scriptlets
 * run in the execution's own global scope (through the script realm's Function), so the bundle's
 * top-level functions — the `<?!= include('x') ?>` pattern — and the services are in reach.
 */
function template(exec: Execution, runtime: Runtime, realm: Realm, source: string): GoogleAppsScript.HTML.HtmlTemplate {
  const code = compileTemplate(source);
  const impl: TemplateApi = {
    evaluate() {
      exec.charge(runtime.costs.htmlMs);
      const variables: Record<string, unknown> = {};
      for (const key of Object.keys(impl)) {
        if (!(key in methods)) variables[key] = (impl as unknown as Record<string, unknown>)[key];
      }
      let page = "";
      const output = {
        append: (text: unknown) => {
          page += rawText(text);
        },
        appendUntrusted: (text: unknown) => {
          page += escapeHtml(text);
        },
      };
      const ScriptFunction = realm.Object.constructor as FunctionConstructor;
      // Sloppy-mode code from the script realm: `with` puts the template's variables in scope.
      const run = new ScriptFunction("__variables", "output", `with (__variables) {\n${code}\n}`);
      run(variables, output);
      return htmlOutput(exec, realm, page);
    },
    getCode: () => code,
    getCodeWithComments: () => code,
    getRawContent: () => source,
  };
  const methods = { ...impl };
  return emulate(exec, "HtmlTemplate", impl as GoogleAppsScript.HTML.HtmlTemplate, "NONE");
}

registerServices((exec, runtime, realm) => {
  const impl: HtmlServiceApi = {
    createHtmlOutput: (source?: unknown) => htmlOutput(exec, realm, contentOf(source)),
    createHtmlOutputFromFile(name: string) {
      exec.charge(runtime.costs.htmlMs);
      return htmlOutput(exec, realm, readHtmlFile(exec, runtime, name));
    },
    createTemplate: (source: unknown) => template(exec, runtime, realm, contentOf(source)),
    createTemplateFromFile(name: string) {
      exec.charge(runtime.costs.htmlMs);
      return template(exec, runtime, realm, readHtmlFile(exec, runtime, name));
    },
    getUserAgent: () => "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome Safari/537.36",
    SandboxMode: {
      EMULATED: "EMULATED",
      IFRAME: "IFRAME",
      NATIVE: "NATIVE",
    } as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: {
      ALLOWALL: "ALLOWALL",
      DEFAULT: "DEFAULT",
    } as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
  } as HtmlServiceApi;
  return { HtmlService: emulate(exec, "HtmlService", impl as GoogleAppsScript.HTML.HtmlService, "NONE") };
});
