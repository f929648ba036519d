import { outboxOf } from "../../local/runtime";
import { SPECIALIST, type World } from "../e2e/harness";
import { AGENCY, entry, MONTH, monthWith, notices, reportRows } from "../e2e/notice-world";
import { type Browser, launchBrowser, openFromMenu, screenshot, settled, textOf } from "./pages";

const HOSTILE_FIRST = '<img src=x onerror="parent.__pwned=1">Ana';
const HOSTILE_LAST = "</iframe><b>Bold</b> & Co";

let browser: Browser;
let w: World;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(() => w?.close());

/** November's report built, with three students (one named in HTML, one with two credentials). */
function monthOfThree(): Promise<World> {
  return monthWith(
    [
      entry("E-1", HOSTILE_FIRST, HOSTILE_LAST, "ana@school.example.edu"),
      entry("E-2", "Ben", "Okafor", "ben@school.example.edu"),
      entry("E-3", "Ben", "Okafor", "ben@school.example.edu", { Credential: AGENCY[1].credential }),
      entry("E-4", "Cy", "Dunn", "cy@school.example.edu", { Language: "es" }),
    ],
    { settings: { senderName: "Badging Team", replyTo: "badges@agency.example" } },
  );
}

describe("the Send notices dialog", () => {
  it("shows the month's counts, the quota and the first notice with an HTML-like name as text", async () => {
    w = await monthOfThree();
    const opened = await openFromMenu(w.runtime, browser, "showSendNotices");
    expect(opened.shown).toMatchObject({ kind: "modal", title: "Send notices", width: 760, height: 640 });
    const page = opened.page;

    expect(await textOf(page.locator("#students"), "3")).toBe("3");
    // Ben's two credentials are two rows and one notice.
    expect(await page.locator("#rows").textContent()).toBe("4");
    expect(await page.locator("#quota").textContent()).toBe(String(outboxOf(w.runtime).remainingDailyQuota()));
    expect(await page.locator("#month").inputValue()).toBe(MONTH);
    expect(await page.locator("#from").textContent()).toBe(`Badging Team <${SPECIALIST}>`);
    expect(await page.locator("#replyTo").textContent()).toBe(", replies to badges@agency.example");

    const to = `To ${HOSTILE_FIRST} ${HOSTILE_LAST} <ana@school.example.edu>`;
    expect(await textOf(page.locator("#preview > p").first(), to)).toBe(to);
    const notice = page.frameLocator("#preview iframe");
    const body = await settled(
      () => notice.locator("body").innerText(),
      (t) => t.startsWith("Hi"),
    );
    expect(body).toContain(`Hi ${HOSTILE_FIRST},`);
    expect(await notice.locator("img").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("b", { hasText: "Bold" }).count()).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator("#send").textContent()).toBe("Send 3 notices");
    await screenshot(page, "send-notices");
    await opened.close();
    expect(outboxOf(w.runtime).messages).toEqual([]);
    expect(browser.outside).toEqual([]);
  });

  it("sends a test only to the person at the keyboard, then the notices, and says so", async () => {
    w = await monthOfThree();
    const opened = await openFromMenu(w.runtime, browser, "showSendNotices");
    const page = opened.page;
    await textOf(page.locator("#students"), "3");

    await page.getByRole("button", { name: "Send a test to me" }).click();
    const tested = await textOf(page.locator("#result"), /^Test sent/);
    expect(tested).toContain(`Test sent to ${SPECIALIST}`);
    expect(outboxOf(w.runtime).messages.map((m) => m.to)).toEqual([[SPECIALIST]]);
    expect(outboxOf(w.runtime).messages[0].subject).toMatch(/^\[Test\] /);
    expect(reportRows(w).every((r) => r["Notice Status"] === "")).toBe(true);

    await page.getByRole("button", { name: "Send 3 notices" }).click();
    const sent = "Sent 3 notices (4 report rows).";
    expect(await textOf(page.locator("#result"), sent)).toBe(sent);
    expect(await page.locator("#result").getAttribute("class")).toContain("ok");
    expect(notices(w)).toHaveLength(3);
    expect(new Set(notices(w).map((m) => m.to[0]))).toEqual(
      new Set(["ana@school.example.edu", "ben@school.example.edu", "cy@school.example.edu"]),
    );
    // The dialog counts again: nobody is left waiting.
    expect(await textOf(page.locator("#students"), "0")).toBe("0");
    await screenshot(page, "send-notices-sent");
    await opened.close();
  });
});
