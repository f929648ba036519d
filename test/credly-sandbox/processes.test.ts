import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, testSeed } from "./helpers";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "credly-sandbox-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the sandbox as its own process", () => {
  it("two sandboxes on different ports do not share state", async () => {
    const [a, b] = await Promise.all([startSandbox({ seed: testSeed() }), startSandbox({ seed: testSeed() })]);
    try {
      expect(a.port).not.toBe(b.port);
      expect((await credlyClient(a.url).post("/badges", badgeRequest())).status).toBe(201);
      expect((await credlyClient(a.url).get("/badges")).json.data).toHaveLength(1);
      expect((await credlyClient(b.url).get("/badges")).json.data).toHaveLength(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("a killed sandbox restarted on the same data file keeps its badges, even one it never answered for", async () => {
    const dataFile = path.join(dir, "credly.json");
    const first = await startSandbox({ seed: testSeed(), dataFile });
    const credly = credlyClient(first.url);
    const kept = (await credly.post("/badges", badgeRequest({ recipient_email: "kept@school.example.org" }))).json.data;
    await first.admin.accept(kept.id);
    await first.admin.setFaults({ script: ["act-then-drop"] });
    await expect(
      credly.post("/badges", badgeRequest({ recipient_email: "unanswered@school.example.org" })),
    ).rejects.toThrow();
    first.kill();
    await first.exited;

    const second = await startSandbox({ seed: testSeed(), dataFile, port: first.port });
    try {
      const after = credlyClient(second.url);
      const emails = (await after.get("/badges")).json.data.map((b: { recipient_email: string }) => b.recipient_email);
      expect(emails.sort()).toEqual(["kept@school.example.org", "unanswered@school.example.org"]);
      expect((await after.get(`/badges/${kept.id}`)).json.data.state).toBe("accepted");
      // The duplicate rule still sees the kept badge after the restart.
      const again = await after.post("/badges", badgeRequest({ recipient_email: "kept@school.example.org" }));
      expect(again.status).toBe(422);
    } finally {
      await second.stop();
    }
  });

  it("a sandbox without a data file starts from its seed every time", async () => {
    const first = await startSandbox({ seed: testSeed() });
    await credlyClient(first.url).post("/badges", badgeRequest());
    await first.stop();
    const second = await startSandbox({ seed: testSeed() });
    try {
      expect((await credlyClient(second.url).get("/badges")).json.data).toHaveLength(0);
    } finally {
      await second.stop();
    }
  });

  it("stops cleanly: the process ends and the port no longer answers", async () => {
    const sandbox = await startSandbox({ dataFile: path.join(dir, "demo.json") });
    expect(existsSync(path.join(dir, "demo.json"))).toBe(true);
    await sandbox.stop();
    await expect(fetch(`${sandbox.url}/v1/organizations/x/badges`)).rejects.toThrow();
  });

  it("starts with the demo seed by default: Oklahoma CareerTech with a write and a read-only token", async () => {
    const sandbox = await startSandbox();
    try {
      const org = "0b9f6f38-5c2e-4d8a-9a61-3f2d7c1e8a01";
      const templates = await credlyClient(sandbox.url, "demo-read-token", org).get("/badge_templates");
      expect(templates.status).toBe(200);
      expect(templates.json.data[0].owner.name).toBe("Oklahoma CareerTech");
      const id = templates.json.data[0].id;
      const write = credlyClient(sandbox.url, "demo-write-token", org);
      expect((await write.post("/badges", badgeRequest({ badge_template_id: id }))).status).toBe(201);
      const read = credlyClient(sandbox.url, "demo-read-token", org);
      expect((await read.post("/badges", badgeRequest({ badge_template_id: id }))).status).toBe(403);
    } finally {
      await sandbox.stop();
    }
  });

  it("reports a sandbox that cannot start, with its error", async () => {
    await expect(startSandbox({ seed: path.join(dir, "missing-seed.json") })).rejects.toThrow(/could not be read/);
  });
});
