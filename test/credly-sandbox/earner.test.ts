import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { badgeRequest, credlyClient, ORG, testSeed } from "./helpers";

// The earner's side (reference: credly-api.md, "States" and "The earner's side"), driven through
// /_admin/, which is no part of Credly's API.
let sandbox: Sandbox;
let credly: ReturnType<typeof credlyClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: testSeed() });
  credly = credlyClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.admin.reset());

const issue = async (overrides: Record<string, unknown> = {}) =>
  (await credly.post("/badges", badgeRequest(overrides))).json.data;
const stateOf = async (id: string) => (await credly.get(`/badges/${id}`)).json.data.state;

describe("earner simulation", () => {
  it("a student who claims the badge turns it accepted [H: states]", async () => {
    const badge = await issue();
    const accepted = await sandbox.admin.accept(badge.id);
    expect(accepted.state).toBe("accepted");
    expect(await stateOf(badge.id)).toBe("accepted");
    expect((await credly.get(`/badges/${badge.id}`)).json.data.state_updated_at).not.toBeNull();
  });

  it("a student who declines turns it rejected [H: states]", async () => {
    const badge = await issue();
    await sandbox.admin.reject(badge.id);
    expect(await stateOf(badge.id)).toBe("rejected");
  });

  it("only a pending badge can be claimed or declined", async () => {
    const badge = await issue();
    await sandbox.admin.accept(badge.id);
    await expect(sandbox.admin.reject(badge.id)).rejects.toThrow(/accepted, not pending/);
  });

  it("an earner who auto-accepts gets new badges already accepted [M]", async () => {
    await sandbox.admin.autoAccept("Jane@School.example.org");
    const badge = await issue({ recipient_email: "jane@school.example.org" });
    expect(badge.state).toBe("accepted");
    expect((await issue()).state).toBe("pending");
  });

  it("lists every badge of every organization, and reset empties them", async () => {
    await issue();
    await issue();
    const badges = await sandbox.admin.badges();
    expect(badges).toHaveLength(2);
    expect(badges.every((b) => b.organization_id === ORG)).toBe(true);
    await sandbox.admin.reset();
    expect(await sandbox.admin.badges()).toHaveLength(0);
  });

  it("keeps admin calls apart from the API: no token, and not in the request log", async () => {
    const badge = await issue();
    await sandbox.admin.clearRequests();
    await sandbox.admin.accept(badge.id);
    await sandbox.admin.badges();
    expect(await sandbox.admin.requests()).toEqual([]);
    expect((await fetch(`${sandbox.url}/v1/_admin/badges`)).status).toBe(404);
  });
});
