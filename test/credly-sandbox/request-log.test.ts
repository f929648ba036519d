import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, ORG, testSeed } from "./helpers";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
});
afterAll(() => sandbox.stop());

describe("request log", () => {
  it("keeps method, path, headers with the token masked, body and answer of each API request", async () => {
    const credly = credlyClient(sandbox.url);
    const body = badgeRequest({ recipient_email: "jane@school.example.org" });
    const issued = await credly.post("/badges", body);
    await credly.get("/badges?filter=recipient_email::jane@school.example.org");

    const [post, get] = await sandbox.admin.requests();
    expect(post).toMatchObject({
      method: "POST",
      path: `/v1/organizations/${ORG}/badges`,
      body,
      status: 201,
      fault: null,
    });
    expect(post.answer).toEqual(issued.json);
    expect(post.headers["content-type"]).toBe("application/json");
    expect(post.headers.authorization).toBe("Basic test***");
    expect(JSON.stringify(post)).not.toContain(Buffer.from("test-write-token:").toString("base64"));
    expect(JSON.stringify(post)).not.toContain("test-write-token");
    expect(get).toMatchObject({
      method: "GET",
      path: `/v1/organizations/${ORG}/badges?filter=recipient_email::jane@school.example.org`,
      status: 200,
    });
  });
});
