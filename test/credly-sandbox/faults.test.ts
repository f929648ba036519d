import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, testSeed } from "./helpers";

// Reference: credly-api.md, "Errors" — 429 and 5xx happen (H: undocumented; M: clients retry);
// a request whose outcome is unknown must be reconciled by looking the badge up.
let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset());

describe("faults answered before acting", () => {
  it("answers 429 with Retry-After and issues nothing", async () => {
    await sandbox.admin.setFaults({ script: ["429"], retryAfterSeconds: 3 });
    const answer = await credly.post("/badges", badgeRequest());
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(await sandbox.admin.badges()).toHaveLength(0);
  });

  it.each(["500", "503"] as const)("answers %s and issues nothing", async (kind) => {
    await sandbox.admin.setFaults({ script: [kind] });
    const answer = await credly.post("/badges", badgeRequest());
    expect(answer.status).toBe(Number(kind));
    expect(await sandbox.admin.badges()).toHaveLength(0);
    expect((await credly.post("/badges", badgeRequest())).status).toBe(201);
  });
});

describe("faults after acting: the outcome is unknown to the client", () => {
  it("slow: the client gives up at its timeout, yet the badge was issued", async () => {
    await sandbox.admin.setFaults({ script: ["slow"], slowMs: 1500 });
    const request = badgeRequest({ recipient_email: "slow@school.example.org" });
    const started = Date.now();
    await expect(
      fetch(`${sandbox.url}/v1/organizations/${testSeed().organizations[0].id}/badges`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from("test-write-token:").toString("base64")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
    const found = await credly.get("/badges?filter=recipient_email::slow@school.example.org");
    expect(found.json.data).toHaveLength(1);
  });

  it("slow: a patient client gets the answer after slowMs", async () => {
    await sandbox.admin.setFaults({ script: ["slow"], slowMs: 400 });
    const started = Date.now();
    const answer = await credly.post("/badges", badgeRequest());
    expect(answer.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("act-then-500: answers 500 though the badge exists, and a lookup finds it", async () => {
    await sandbox.admin.setFaults({ script: ["act-then-500"] });
    const answer = await credly.post("/badges", badgeRequest({ recipient_email: "jane@school.example.org" }));
    expect(answer.status).toBe(500);
    const found = await credly.get("/badges?filter=recipient_email::jane@school.example.org");
    expect(found.json.data).toHaveLength(1);
    const [logged] = await sandbox.admin.requests();
    expect(logged).toMatchObject({ fault: "act-then-500", status: 500 });
    expect((logged.answer as { data: { state: string } }).data.state).toBe("pending");
  });

  it("act-then-drop: the connection drops with no answer though the badge exists", async () => {
    await sandbox.admin.setFaults({ script: ["act-then-drop"] });
    await expect(
      credly.post("/badges", badgeRequest({ recipient_email: "drop@school.example.org" })),
    ).rejects.toThrow();
    const found = await credly.get("/badges?filter=recipient_email::drop@school.example.org");
    expect(found.json.data).toHaveLength(1);
    const [logged] = await sandbox.admin.requests();
    expect(logged).toMatchObject({ fault: "act-then-drop", status: null });
  });
});

describe("fault shares, seeded so runs repeat", () => {
  const statuses = async (count: number) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await credly.get("/badge_templates")).status);
    return seen;
  };

  it("deals the same faults to the same requests for the same seed, other faults for another", async () => {
    const plan = { seed: 42, rates: { "429": 0.2, "500": 0.1, "503": 0.1 } };
    await sandbox.admin.setFaults(plan);
    const first = await statuses(60);
    await sandbox.admin.setFaults(plan);
    const second = await statuses(60);
    await sandbox.admin.setFaults({ ...plan, seed: 43 });
    const other = await statuses(60);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500, 503]));
  });

  it("meets faults in about the share asked", async () => {
    await sandbox.admin.setFaults({ seed: 7, rates: { "503": 0.3 } });
    const seen = await statuses(200);
    const unavailable = seen.filter((s) => s === 503).length;
    expect(unavailable).toBeGreaterThan(40);
    expect(unavailable).toBeLessThan(80);
  });

  it("limits faults to the methods named", async () => {
    await sandbox.admin.setFaults({ rates: { "500": 1 }, methods: ["POST"] });
    expect((await credly.get("/badges")).status).toBe(200);
    expect((await credly.post("/badges", badgeRequest())).status).toBe(500);
  });

  it("refuses a plan whose shares add up to more than 1", async () => {
    await expect(sandbox.admin.setFaults({ rates: { "500": 0.7, "503": 0.7 } })).rejects.toThrow(/more than 1/);
  });

  it("reset returns to the plan the sandbox started with (here: none)", async () => {
    await sandbox.admin.setFaults({ rates: { "500": 1 } });
    await sandbox.admin.reset();
    expect((await credly.get("/badges")).status).toBe(200);
  });
});

describe("faults from the command line", () => {
  it("takes --fault KIND=SHARE, --fault-methods and --retry-after", async () => {
    const flagged = await startSandbox({
      seed: testSeed(),
      cliArgs: ["--fault", "429=1", "--fault-methods", "POST", "--retry-after", "7"],
    });
    try {
      const client = credlyClient(flagged.url);
      expect((await client.get("/badges")).status).toBe(200);
      const answer = await client.post("/badges", badgeRequest());
      expect(answer.status).toBe(429);
      expect(answer.headers.get("retry-after")).toBe("7");
    } finally {
      await flagged.stop();
    }
  });
});
