import { Runtime, spreadsheetOf } from "../../local/runtime";
import { outboxOf } from "../../local/runtime/mail/outbox";
import { ENTRIES } from "../../src/workbook/schemas";
import { type Browser, launchBrowser, openFromMenu, screenshot, settled, textOf } from "./pages";

const HOSTILE_FIRST = '<img src=x onerror="parent.__pwned=1">Ana';
const HOSTILE_LAST = "</iframe><b>Bold</b> & Co";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Entries with one student whose name is HTML, reported in November 2026 (Chicago time). */
function runtimeWithEntries(): Runtime {
  const runtime = new Runtime({ start: new Date("2026-12-01T15:00:00Z") });
  const sheet = spreadsheetOf(runtime);
  sheet.insertSheet(ENTRIES.sheet);
  const entry = (id: string, first: string, last: string, email: string, credential: string, language: string) => [
    id,
    new Date("2026-11-10T16:00:00Z"),
    first,
    last,
    email,
    credential,
    "2026-11-05",
    "Welding",
    "Central Tech",
    "Pat Instructor",
    "pat@central.example",
    "Form",
    language,
  ];
  sheet.setValues(ENTRIES.sheet, 1, 1, [
    [...ENTRIES.headers, ...ENTRIES.optional],
    entry("E-1", HOSTILE_FIRST, HOSTILE_LAST, "ana@school.example", "Welding Technician", "es"),
    entry("E-2", HOSTILE_FIRST, HOSTILE_LAST, "ana@school.example", "OSHA 10", "es"),
    entry("E-3", "Ben", "Okafor", "ben@school.example", "Florist Assistant", "en"),
  ]);
  return runtime;
}

describe("the notice preview dialog", () => {
  it("shows a student's notice in both languages with an HTML-like name as plain text", async () => {
    const runtime = runtimeWithEntries();
    const opened = await openFromMenu(runtime, browser, "showNoticePreview");
    expect(opened.shown).toMatchObject({ kind: "modal", title: "Notice preview", width: 960, height: 640 });
    const page = opened.page;
    const to = `${HOSTILE_FIRST} ${HOSTILE_LAST} <ana@school.example>`;
    expect(await textOf(page.locator("#to"), to)).toBe(to);
    expect(await page.locator("#student option").allTextContents()).toEqual([
      `${HOSTILE_FIRST} ${HOSTILE_LAST} — ana@school.example`,
      "Ben Okafor — ben@school.example",
    ]);
    expect(await page.locator("#language").textContent()).toBe("Spanish");

    const english = page.frameLocator('section[lang="en"] iframe');
    const spanish = page.frameLocator('section[lang="es"] iframe');
    const englishText = await settled(
      () => english.locator("body").innerText(),
      (t) => t.startsWith("Hi"),
    );
    expect(englishText).toContain(`Hi ${HOSTILE_FIRST},`);
    expect(englishText).toContain("Welding Technician\nOSHA 10");
    expect(await spanish.locator("body").innerText()).toContain(`Hola, ${HOSTILE_FIRST}:`);
    expect(await page.locator('section[lang="en"] .subject').textContent()).toBe(
      "Your digital badge from CareerTech is on its way",
    );
    expect(await page.locator('section[lang="es"] .subject').textContent()).toBe(
      "Tu insignia digital de CareerTech está en camino",
    );
    expect(await english.locator("img").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await english.locator("b", { hasText: "Bold" }).count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    await screenshot(page, "notice-preview");
    await opened.close();
    expect(browser.outside).toEqual([]);
  });

  it("sends the chosen language's notice as a test to the person at the keyboard, not the student", async () => {
    const runtime = runtimeWithEntries();
    const opened = await openFromMenu(runtime, browser, "showNoticePreview");
    const page = opened.page;
    await textOf(page.locator("#language"), "Spanish");
    await page.locator("#student").selectOption("ben@school.example");
    expect(await textOf(page.locator("#language"), "English")).toBe("English");
    await page.locator('section[lang="en"]').getByRole("button", { name: "Send a test to me" }).click();
    const said = await textOf(page.locator("#sendResult"), /^Test sent/);
    expect(said).toMatch(new RegExp(`^Test sent to ${runtime.user}\\. Mail quota left today: \\d+\\.$`));
    await screenshot(page, "notice-preview-test-sent");
    await opened.close();

    const sent = outboxOf(runtime).messages;
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual([runtime.user]);
    expect(sent[0].subject).toBe("[Test] Your digital badge from CareerTech is on its way");
    expect(sent[0].text).toContain("Hi Ben,");
    expect(sent[0].text).toContain("Florist Assistant");
  });
});
