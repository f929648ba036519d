/** Deploying is clasp's job; without a login it must stop with clasp's own words, not a build error. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const clasp = path.join(root, "node_modules/.bin/clasp");

describe("deploying with clasp", () => {
  it("clasp is installed by npm ci and reports its version offline", () => {
    const run = spawnSync(clasp, ["--version"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("npm run deploy builds, then stops at clasp's 'No credentials found.' without a login", () => {
    const home = mkdtempSync(path.join(tmpdir(), "badgedesk-home-"));
    const out = mkdtempSync(path.join(tmpdir(), "badgedesk-dist-"));
    const run = spawnSync("npm", ["run", "deploy"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, HOME: home, USERPROFILE: home, BADGEDESK_DIST: out },
      timeout: 120000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain("compiled successfully");
    expect(output).not.toContain("ERROR in");
    expect(existsSync(path.join(out, "Code.js"))).toBe(true);
    expect(run.status).not.toBe(0);
    expect(output).toContain("No credentials found.");
  });

  it("clasp push without a login says 'No credentials found.'", () => {
    const home = mkdtempSync(path.join(tmpdir(), "badgedesk-home-"));
    const run = spawnSync(clasp, ["push"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, HOME: home, USERPROFILE: home },
      timeout: 30000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("No credentials found.");
  });
});
