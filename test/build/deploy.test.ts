/** Deploying is clasp's job; without a login it must stop with clasp's own words, not a build error. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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
