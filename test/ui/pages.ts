import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { type Runtime, spreadsheetOf } from "../../local/runtime";
import { type ServedPage, serveHtml } from "../../local/runtime/bridge";

/** The built bundle (npx webpack --mode production): pages are served from dist/, as clasp pushes them. */
export const DIST = path.resolve(__dirname, "../../dist");
const SCREENSHOTS = path.resolve(__dirname, "../../test-output/ui");

export interface Browser {
  context: BrowserContext;
  /** Requests the pages tried to send anywhere but the local bridge (they must send none). */
  outside: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless. Every request that is not to 127.0.0.1 is refused and noted: a page
 * inside Google's iframe has no business fetching anything, and here there is no network anyway.
 */
export async function launchBrowser(): Promise<Browser> {
  const dir = mkdtempSync(path.join(tmpdir(), "badgedesk-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("http://127.0.0.1:") || url.startsWith("about:") || url.startsWith("data:"))
      return route.continue();
    outside.push(url);
    return route.abort();
  });
  return {
    context,
    outside,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  served: ServedPage;
  /** What the script asked Sheets to show: its title, and its size for a dialog. */
  shown: { kind: string; title: string; width?: number; height?: number };
  close(): Promise<void>;
}

/**
 * Runs the menu entry point `entry` (a new execution, as a click in the menu does), takes the
 * sidebar or dialog it showed, and opens that HTML in the browser with google.script.run wired to
 * the runtime.
 */
export async function openFromMenu(runtime: Runtime, browser: Browser, entry: string): Promise<OpenedPage> {
  const ui = spreadsheetOf(runtime).ui;
  const before = ui.dialogs.length;
  const record = runtime.run(entry);
  if (!record.ok) throw new Error(`${entry} failed: ${record.error}`);
  const dialog = ui.dialogs[ui.dialogs.length - 1];
  if (ui.dialogs.length === before || !dialog) throw new Error(`${entry} showed no sidebar or dialog`);
  const served = await serveHtml(runtime, dialog.content);
  const page = await browser.context.newPage();
  // A sidebar is 300 px wide; a dialog has the size the script asked for.
  await page.setViewportSize({ width: dialog.width ?? 300, height: dialog.height ?? 900 });
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(served.url);
  return {
    page,
    served,
    shown: { kind: dialog.kind, title: dialog.title, width: dialog.width, height: dialog.height },
    close: async () => {
      await page.close();
      await served.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until `read()` gives a value that `ok` accepts (the page answers asynchronously), and returns
 * the last value read, so the test's own expect() shows what the page really showed.
 */
export async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** The element's text once it matches (or whatever it shows after the wait). */
export function textOf(locator: Locator, expected: string | RegExp): Promise<string> {
  return settled(
    async () => ((await locator.textContent()) ?? "").trim(),
    (text) => (typeof expected === "string" ? text === expected : expected.test(text)),
  );
}

/** The field's value once it matches. */
export function fieldValue(locator: Locator, expected: string): Promise<string> {
  return settled(
    () => locator.inputValue(),
    (value) => value === expected,
  );
}

/** Calls a server function from the page, as the page's own script would, and returns its answer. */
export function callFromPage(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([fn, list]) =>
      new Promise((resolve, reject) => {
        // biome-ignore lint/suspicious/noExplicitAny: google.script.run is the page's untyped global.
        const run = (globalThis as any).google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
        run[fn as string](...(list as unknown[]));
      }),
    [name, args] as const,
  );
}
