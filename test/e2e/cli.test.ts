/**
 * `npm start` as a new user runs it: the CLI in its own process, on a small demo month, with the
 * results checked where the README says they are — the workbook after the run, the outbox, the
 * Credly sandbox's records — and then the dry run on that saved workbook.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoSeed } from "../../local/demo";
import { loadWorkbook, SpreadsheetModel, saveWorkbook } from "../../local/runtime";

const ROOT = path.resolve(__dirname, "../..");
const SPECIALIST = "specialist@agency.example";
const MONTH = "2026-11";
const SEED = 7;
const STUDENTS = 40;

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", "local/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CREDLY_TOKEN: "" },
    timeout: 150_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Line = Record<string, unknown>;

function reportRows(model: SpreadsheetModel): Line[] {
  const values = model.values(`Badges ${MONTH}`);
  const top = values.findIndex((row) => row[0] === "Entry ID");
  const headers = values[top].map(String);
  return values
    .slice(top + 1)
    .filter((row) => String(row[0]) !== "")
    .map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

/** The To address of each .eml in a folder. */
function recipients(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => {
      const to = /^To: (.*)$/m.exec(readFileSync(path.join(folder, name), "utf8"));
      return (to?.[1] ?? "").trim().toLowerCase();
    });
}

function credlyBadges(out: string): Array<{ id: string }> {
  return JSON.parse(readFileSync(path.join(out, "credly-badges.json"), "utf8"));
}

describe("npm start", () => {
  let dir: string;
  let first: string;
  let run: CliRun;
  let rows: Line[];
  const seededBadges = demoSeed(SEED, { month: MONTH, students: STUDENTS }).sandbox.badges ?? [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "badgedesk-cli-"));
    first = path.join(dir, "first");
    run = cli("--seed", String(SEED), "--students", String(STUDENTS), "--out", first);
    if (run.status === 0)
      rows = reportRows(await loadWorkbook(path.join(first, "workbook.xlsx"), { timeZone: "America/Chicago" }));
  }, 160_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the demo month to the end and says where the results are", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const file of ["workbook.xlsx", "outbox", "credly-badges.json", "log.csv", "summary.html"]) {
      expect(existsSync(path.join(first, file))).toBe(true);
      expect(run.stdout).toContain(file);
    }
  });

  it("notifies and badges every Badge row of the month, in the saved workbook", () => {
    const badgeRows = rows.filter((r) => r.Decision === "Badge");
    expect(badgeRows.length).toBeGreaterThan(0);
    for (const row of badgeRows) {
      expect([row["Entry ID"], row["Notice Status"], row["Badge Status"]]).toEqual([row["Entry ID"], "Sent", "Issued"]);
      expect(String(row["Credly Badge ID"])).not.toBe("");
    }
  });

  it("leaves one .eml per student notified, and the specialist's summary", () => {
    const email = (r: Line) => String(r["Student Email"]).trim().toLowerCase();
    const students = new Set(rows.map(email));
    const notified = new Set(rows.filter((r) => r["Notice Status"] === "Sent").map(email));
    const to = recipients(path.join(first, "outbox"));
    // Instructors also hear about their entries that need fixing; those are not counted here.
    expect(to.filter((address) => students.has(address)).sort()).toEqual([...notified].sort());
    expect(to.filter((address) => address === SPECIALIST)).toHaveLength(1);
  });

  it("leaves Credly holding one badge per Badge row, beside the badges students already had", () => {
    const issued = rows.filter((r) => r["Badge Status"] === "Issued").map((r) => String(r["Credly Badge ID"]));
    expect(issued).toHaveLength(rows.filter((r) => r.Decision === "Badge").length);
    const badges = credlyBadges(first);
    expect(badges.map((b) => b.id)).toEqual(expect.arrayContaining(issued));
    // A badge Credly already held is found and recorded, never issued twice.
    expect(badges).toHaveLength(new Set([...seededBadges.map((b) => b.id), ...issued]).size);
  });

  it("writes the Dashboard's figures as a page to open in a browser", () => {
    const issued = rows.filter((r) => r["Badge Status"] === "Issued").length;
    const page = readFileSync(path.join(first, "summary.html"), "utf8");
    expect(page).toContain(`BadgeDesk summary — ${MONTH}`);
    expect(page).toContain(`id="tile-issued"><div class="value">${issued}<`);
  });

  it("dry-runs on the saved workbook: nothing left to do, nothing sent, nothing issued", () => {
    const again = path.join(dir, "again");
    // The same sandbox seed as the first run: Credly as it was before that run.
    const dry = cli(
      ...["--workbook", path.join(first, "workbook.xlsx"), "--dry-run", "--out", again],
      ...["--seed", String(SEED), "--students", String(STUDENTS)],
    );
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("would send no notices and issue 0 badge(s)");
    expect(recipients(path.join(again, "outbox"))).toEqual([]);
    expect(credlyBadges(again)).toHaveLength(seededBadges.length);
  });

  it("dry-runs a fresh demo month: says what it would send and renders it, sends nothing", () => {
    const fresh = path.join(dir, "fresh");
    const dry = cli("--seed", String(SEED), "--students", String(STUDENTS), "--dry-run", "--out", fresh);
    expect(dry.status).toBe(0);
    const badgeRows = rows.filter((r) => r.Decision === "Badge").length;
    const students = new Set(rows.filter((r) => r.Decision === "Badge").map((r) => r["Student Email"])).size;
    expect(dry.stdout).toContain(`would send ${students} notice(s) to ${students} student(s)`);
    expect(dry.stdout).toContain(`issue ${badgeRows} badge(s)`);
    expect(recipients(path.join(fresh, "would-send"))).toHaveLength(students);
    expect(recipients(path.join(fresh, "outbox"))).toEqual([]);
    expect(credlyBadges(fresh)).toHaveLength(seededBadges.length);
  });

  it("refuses a flag it does not know with the usage and exit code 2, no stack trace", () => {
    const bad = cli("--studnets", "5");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--studnets");
    expect(bad.stderr).toContain("Usage: npm start");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses a workbook that is missing, not .xlsx, or has no Entries sheet, in one line with exit code 2", async () => {
    const notZip = path.join(dir, "notes.xlsx");
    writeFileSync(notZip, "these are notes, not a workbook");
    const noEntries = path.join(dir, "other.xlsx");
    await saveWorkbook(new SpreadsheetModel({ name: "other" }), noEntries);
    for (const [file, says] of [
      [path.join(dir, "missing.xlsx"), "No such workbook"],
      [notZip, "is not an .xlsx workbook"],
      [noEntries, "has no Entries sheet"],
    ]) {
      const bad = cli("--workbook", file, "--dry-run", "--out", path.join(dir, "bad"));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain(says);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
