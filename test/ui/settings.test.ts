import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { propertiesOf, Runtime, spreadsheetOf } from "../../local/runtime";
import { allowUrlPrefix } from "../../local/runtime/services/url-fetch";
import {
  type Browser,
  callFromPage,
  fieldValue,
  launchBrowser,
  type OpenedPage,
  openFromMenu,
  screenshot,
  textOf,
} from "./pages";

const ORG = "0b9f6f38-5c2e-4d8a-9a61-3f2d7c1e8a01";
const GOOD_TOKEN = "demo-write-token";
const BAD_TOKEN = "not-the-real-token";
const SETTINGS_KEY = "badgedesk.settings";
const TOKEN_KEY = "badgedesk.credlyToken";

let browser: Browser;
let sandbox: Sandbox;

beforeAll(async () => {
  [browser, sandbox] = await Promise.all([launchBrowser(), startSandbox()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.stop()]);
});

function freshRuntime(): Runtime {
  const runtime = new Runtime();
  allowUrlPrefix(runtime, sandbox.url);
  return runtime;
}

/** Every place other people can read: each cell, each log line, the shared property stores. */
function everythingReadable(runtime: Runtime): string[] {
  const sheet = spreadsheetOf(runtime);
  const cells = sheet.sheetNames().flatMap((name) => sheet.values(name).flat().map(String));
  const logs = runtime.executions.flatMap((e) => [...e.logs, e.error ?? ""]);
  const props = propertiesOf(runtime);
  return [...cells, ...logs, ...Object.values(props.script.all()), ...Object.values(props.document.all())];
}

const field = (page: OpenedPage["page"], label: string) => page.getByLabel(label, { exact: true });

/** The page has loaded the settings when the sender name shows. */
async function loaded(page: OpenedPage["page"]): Promise<void> {
  expect(await fieldValue(field(page, "Sender name"), "CareerTech Badging")).toBe("CareerTech Badging");
}

async function pointAtSandbox(page: OpenedPage["page"]): Promise<void> {
  await field(page, "Credly environment").selectOption("custom");
  await field(page, "Custom Credly address").fill(sandbox.url);
  await field(page, "Organization ID").fill(ORG);
}

describe("the settings sidebar", () => {
  it("saves the settings, and on reopening shows them with the token only masked", async () => {
    const runtime = freshRuntime();
    const first = await openFromMenu(runtime, browser, "showSettings");
    expect(first.shown).toMatchObject({ kind: "sidebar", title: "BadgeDesk settings" });
    const page = first.page;
    await loaded(page);
    await pointAtSandbox(page);
    await field(page, "Sender name").fill("Tech Center Badging");
    await field(page, "Reply-to address").fill("badges@agency.example");
    await field(page, "Badges per batch").fill("25");
    await field(page, "Operators").fill(`${runtime.user}\ndeputy@agency.example`);
    await page.getByRole("button", { name: "Save settings" }).click();
    expect(await textOf(page.locator("#saveResult"), "Settings saved.")).toBe("Settings saved.");

    await field(page, "Credly token").fill(GOOD_TOKEN);
    await field(page, "Credly token").press("Enter");
    expect(await textOf(page.locator("#tokenState"), /^Saved token/)).toBe("Saved token: de••••••••en");
    expect(await field(page, "Credly token").inputValue()).toBe("");
    await screenshot(page, "settings-saved");
    await first.close();

    const again = await openFromMenu(runtime, browser, "showSettings");
    const reopened = again.page;
    expect(await fieldValue(field(reopened, "Sender name"), "Tech Center Badging")).toBe("Tech Center Badging");
    expect(await field(reopened, "Credly environment").inputValue()).toBe("custom");
    expect(await field(reopened, "Custom Credly address").inputValue()).toBe(sandbox.url);
    expect(await field(reopened, "Organization ID").inputValue()).toBe(ORG);
    expect(await field(reopened, "Reply-to address").inputValue()).toBe("badges@agency.example");
    expect(await field(reopened, "Badges per batch").inputValue()).toBe("25");
    expect(await field(reopened, "Operators").inputValue()).toBe(`${runtime.user}\ndeputy@agency.example`);
    expect(await reopened.locator("#tokenState").textContent()).toBe("Saved token: de••••••••en");
    expect(await field(reopened, "Credly token").inputValue()).toBe("");
    expect(await reopened.content()).not.toContain(GOOD_TOKEN);
    await screenshot(reopened, "settings-reopened");
    await again.close();

    expect(propertiesOf(runtime).user(runtime.user).get(TOKEN_KEY)).toBe(GOOD_TOKEN);
    expect(JSON.stringify(runtime.run("getSettingsView").value)).not.toContain(GOOD_TOKEN);
    const readable = everythingReadable(runtime);
    expect(readable.length).toBeGreaterThan(0);
    for (const text of readable) expect(text).not.toContain(GOOD_TOKEN);
    expect(browser.outside).toEqual([]);
  });

  it("says what is wrong next to each field, and saves nothing", async () => {
    const runtime = freshRuntime();
    const opened = await openFromMenu(runtime, browser, "showSettings");
    const page = opened.page;
    await loaded(page);
    await field(page, "Organization ID").fill("org-42");
    await field(page, "Badges per batch").fill("500");
    await field(page, "Monthly run: day of month").fill("31");
    await field(page, "Reply-to address").fill("badges@@agency");
    await page.getByRole("button", { name: "Save settings" }).click();

    expect(await textOf(page.locator("#credlyOrganizationId-error"), /UUID/)).toContain("is a UUID like");
    expect(await page.locator("#batchSize-error").textContent()).toBe("Enter a whole number from 1 to 100 badges.");
    expect(await page.locator("#scheduleDay-error").textContent()).toBe("Enter a whole number from 1 to 28.");
    expect(await page.locator("#replyTo-error").textContent()).toBe('"badges@@agency" is not an e-mail address.');
    expect(await field(page, "Organization ID").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate("document.activeElement.id")).toBe("credlyOrganizationId");
    expect(await page.locator("#saveResult").textContent()).toBe("Not saved: fix the fields marked in red.");
    await screenshot(page, "settings-errors");
    expect(opened.served.calls.map((c) => c.name)).not.toContain("saveSettings");
    await opened.close();
    expect(propertiesOf(runtime).script.get(SETTINGS_KEY)).toBeNull();
  });

  it("checks every field again on the server, whatever the page sends", async () => {
    const runtime = freshRuntime();
    const opened = await openFromMenu(runtime, browser, "showSettings");
    const answer = await callFromPage(opened.page, "saveSettings", {
      credlyEnvironment: "custom",
      credlyCustomUrl: "http://credly.example.org",
      credlyOrganizationId: ORG,
      agencyName: "CareerTech",
      senderName: "Badging <x@evil.example>\r\nBcc: all@x",
      replyTo: "",
      aliasFrom: "someone",
      noticeDelayDays: "45",
      batchSize: "0",
      scheduleDay: "1",
      scheduleHour: "24",
      defaultLanguage: "fr",
      operators: "ok@agency.example, not an address",
      specialistEmail: "",
      receiptWindowMinutes: "30",
    });
    await opened.close();
    expect(answer).toEqual({
      ok: false,
      errors: {
        credlyCustomUrl: "Enter an https:// address (plain http:// only for this computer: 127.0.0.1 or localhost).",
        senderName: "The sender name cannot contain quotes, < >, \\ or line breaks.",
        aliasFrom: '"someone" is not an e-mail address (no @).',
        noticeDelayDays: "Enter a whole number from 0 to 30 days.",
        batchSize: "Enter a whole number from 1 to 100 badges.",
        scheduleHour: "Enter a whole number from 0 to 23.",
        defaultLanguage: "Choose English or Spanish.",
        operators: '"not" is not an e-mail address (no @).',
      },
    });
    expect(propertiesOf(runtime).script.get(SETTINGS_KEY)).toBeNull();
  });

  it("refuses someone who is not an operator, in words, and changes nothing", async () => {
    const runtime = freshRuntime();
    const before = JSON.stringify({ operators: ["boss@agency.example"], senderName: "Boss Badging" });
    propertiesOf(runtime).script.set(SETTINGS_KEY, before);
    const opened = await openFromMenu(runtime, browser, "showSettings");
    const page = opened.page;
    const refusal = `${runtime.user} may not change settings: only BadgeDesk operators can (Settings → Operators).`;
    expect(await textOf(page.getByRole("alert"), refusal)).toBe(refusal);
    expect(await field(page, "Sender name").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save settings" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save token" }).isDisabled()).toBe(true);
    await screenshot(page, "settings-not-operator");

    const forcedToken = await callFromPage(page, "saveCredlyToken", "stolen-token-123");
    const forcedSave = await callFromPage(page, "saveSettings", { senderName: "Mine now" });
    await opened.close();
    expect(forcedToken).toMatchObject({ ok: false, error: expect.stringContaining("may not change the Credly token") });
    expect(forcedSave).toEqual({ ok: false, errors: { _form: refusal } });
    expect(propertiesOf(runtime).script.get(SETTINGS_KEY)).toBe(before);
    expect(propertiesOf(runtime).user(runtime.user).get(TOKEN_KEY)).toBeNull();
  });

  it("tests the connection against the Credly sandbox: a good token, then a bad one", async () => {
    const runtime = freshRuntime();
    const opened = await openFromMenu(runtime, browser, "showSettings");
    const page = opened.page;
    await loaded(page);
    await page.getByRole("button", { name: "Test connection" }).click();
    expect(await textOf(page.locator("#connectionResult"), /^Credly is not set up/)).toBe(
      "Credly is not set up: enter the organization id in Settings.",
    );

    await pointAtSandbox(page);
    await page.getByRole("button", { name: "Save settings" }).click();
    expect(await textOf(page.locator("#saveResult"), "Settings saved.")).toBe("Settings saved.");
    await field(page, "Credly token").fill(GOOD_TOKEN);
    await page.getByRole("button", { name: "Save token" }).click();
    expect(await textOf(page.locator("#tokenState"), /^Saved token/)).toBe("Saved token: de••••••••en");
    await page.getByRole("button", { name: "Test connection" }).click();
    const good = await textOf(page.locator("#connectionResult"), /^Connected/);
    expect(good).toMatch(/^Connected to Oklahoma CareerTech — \d+ badge templates?$/);
    expect(await page.locator("#connectionResult").getAttribute("class")).toMatch(/\bok\b/);
    await screenshot(page, "settings-connection-good");

    await field(page, "Credly token").fill(BAD_TOKEN);
    await page.getByRole("button", { name: "Save token" }).click();
    expect(await textOf(page.locator("#tokenState"), /^Saved token: no/)).toBe("Saved token: no••••••••en");
    await page.getByRole("button", { name: "Test connection" }).click();
    const bad = await textOf(page.locator("#connectionResult"), /^Credly refused/);
    expect(bad).toMatch(/^Credly refused the token \(401\) while checking the connection: check the token in Settings/);
    expect(await page.locator("#connectionResult").getAttribute("class")).toMatch(/\berror\b/);
    await screenshot(page, "settings-connection-bad");
    await opened.close();

    const fetched = runtime.executions.filter((e) => e.functionName === "testCredlyConnection");
    expect(fetched.map((e) => e.calls["UrlFetchApp.fetch"] ?? 0)).toEqual([0, 1, 1]);
    for (const text of everythingReadable(runtime)) {
      expect(text).not.toContain(GOOD_TOKEN);
      expect(text).not.toContain(BAD_TOKEN);
    }
  });
});
