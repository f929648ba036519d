/**
 * The HTML summary `npm start` writes, opened in Chromium as a person opens the file: the figures
 * and charts are there, nothing is fetched from anywhere, and text from the workbook stays text.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { seededRandom } from "../../local/demo";
import { renderSummaryHtml } from "../../local/summary-html";
import {
  type DashboardFigures,
  dashboardFigures,
  type LedgerRecord,
  type ReportMonth,
} from "../../src/domain/dashboard";
import { REPORT_HEADERS, type ReportRow } from "../../src/domain/report";
import { CHICAGO, formatDate } from "../unit/support/format-date";
import { type Browser, launchBrowser, screenshot } from "./pages";

const HOSTILE_SITE = `<img src=x onerror="document.title='owned'"> & Co`;
const SITES = [
  "Tulsa Tech — Lemley",
  "Moore Norman — Franklin Road",
  "Autry Technology Center",
  "Kiamichi — Poteau",
  HOSTILE_SITE,
];
const CREDENTIALS = ["Welding Technician", "OSHA 10", "ServSafe Food Handler", "CompTIA A+", "Veterinary Assistant"];
const REASONS = [
  'Student Email "jo@@school.org" is not an e-mail address',
  "Student First Name is empty",
  'Credential "Weldng Tech" is not on the Credentials list',
];

/** Three months of reports and their Ledger, seeded so the page looks the same every run. */
function threeMonths(): DashboardFigures {
  const random = seededRandom(7);
  const reports: ReportMonth[] = [];
  const ledger: LedgerRecord[] = [];
  for (const [m, month] of ["2026-09", "2026-10", "2026-11"].entries()) {
    const rows: ReportRow[] = [];
    for (let i = 0; i < 60 + m * 15; i++) {
      const decision = random.weighted(["Badge", "Vendor badge", "Needs fix", "Already badged"], [55, 30, 10, 5]);
      const row = Object.fromEntries(REPORT_HEADERS.map((h) => [h, ""])) as ReportRow;
      Object.assign(row, {
        "Entry ID": `E-${month}-${i}`,
        Student: i === 0 ? "<b>Zoë</b> O'Neil" : `Student ${i}`,
        Credential: random.pick(CREDENTIALS),
        Site: random.pick(SITES),
        Decision: decision,
        Reason: decision === "Needs fix" ? random.pick(REASONS) : "",
        "Notice Status": decision === "Badge" ? "Sent" : "Not needed",
      });
      rows.push(row);
      if (decision === "Badge") {
        ledger.push({
          entryId: String(row["Entry ID"]),
          badgeId: `b-${month}-${i}`,
          issuedAt: new Date(Date.UTC(2026, 9 + m, 2 + (i % 5), 15)),
          claimState: random.weighted(["accepted", "pending", "rejected", ""], [55 + m * 5, 30, 5, 10]),
        });
      }
    }
    reports.push({ month, rows });
  }
  return dashboardFigures({
    reports,
    ledger,
    now: new Date("2026-12-02T15:00:00Z"),
    monthOf: (d) => formatDate(d, CHICAGO, "yyyy-MM"),
  });
}

let browser: Browser;
let page: Page;
let figures: DashboardFigures;

beforeAll(async () => {
  figures = threeMonths();
  const html = renderSummaryHtml(figures, {
    title: "BadgeDesk summary — November 2026",
    generatedAt: new Date("2026-12-02T15:00:00Z"),
    timeZone: CHICAGO,
  });
  const dir = path.resolve(__dirname, "../../test-output/ui");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "dashboard-summary.html"), html);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.setContent(html, { waitUntil: "load" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("the HTML summary in a browser", () => {
  it("shows the totals a leader looks for first", async () => {
    const tiles = await page.locator(".tile .value").allTextContents();
    expect(tiles).toEqual([
      String(figures.total.entries),
      String(figures.total.issued),
      String(figures.total.accepted),
      `${Math.round(figures.total.claimRate! * 100)}%`,
      String(figures.total.needsFix),
    ]);
    await expect(page.locator(".note").first().textContent()).resolves.toContain(
      "Claim rate = accepted ÷ badges issued",
    );
  });

  it("draws the three charts with a column pair per month and a bar per reason and per site", async () => {
    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBe(3);
    expect(await page.locator("svg rect.bar-issued").count()).toBe(3);
    expect(await page.locator("svg polyline.claim-rate").count()).toBe(1);
    const byReason = page.locator('svg[aria-label^="Needs fix by reason"] rect.bar');
    expect(await byReason.count()).toBe(figures.needsFixReasons.length);
    const bySite = page.locator('svg[aria-label^="Badges issued and accepted by site"] rect.bar');
    expect(await bySite.count()).toBe(figures.sites.length * 2);
    const box = await charts.first().boundingBox();
    expect(box?.width).toBeGreaterThan(600);
  });

  it("lists each month's figures in the table under the chart", async () => {
    const rows = await page.locator("#per-month tbody tr").allTextContents();
    expect(rows).toHaveLength(4);
    const cells = await page.locator("#per-month tbody tr:nth-child(3) > *").allTextContents();
    const nov = figures.months[2];
    expect(cells.slice(0, 2)).toEqual(["2026-11", String(nov.entries)]);
    expect(cells[7]).toBe(String(nov.issued));
  });

  it("shows workbook text as text, never as markup", async () => {
    expect(await page.title()).toBe("BadgeDesk summary — November 2026");
    expect(await page.locator("img").count()).toBe(0);
    await expect(page.locator("#per-site tbody").textContent()).resolves.toContain(HOSTILE_SITE);
  });

  it("fetches nothing, and leaves a screenshot for a person to look at", async () => {
    await screenshot(page, "dashboard-summary");
    expect(browser.outside).toEqual([]);
  });
});
