import { readFileSync } from "node:fs";
import { checkSeed, DEMO_SEED_FILE } from "../../../local/credly-sandbox/seed";
import {
  CATALOG,
  CREDENTIALS_HEADERS,
  credentialRows,
  credentialsSheet,
  credlyTemplates,
  demoSandboxSeed,
  demoSeed,
  PROGRAMS,
  SITES,
  toRows,
} from "../../../local/demo";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the demo credential catalog", () => {
  const rows = credentialRows();
  const byName = new Map(rows.map((r) => [r.Credential, r]));

  it("lists about forty credentials, each once", () => {
    expect(rows.length).toBeGreaterThanOrEqual(38);
    expect(rows.length).toBeLessThanOrEqual(45);
    expect(new Set(rows.map((r) => r.Credential.toLowerCase())).size).toBe(rows.length);
  });

  it("leaves credentials whose vendor issues its own badge to the vendor, with no template id", () => {
    for (const name of [
      "CompTIA A+",
      "Microsoft Office Specialist: Excel",
      "QuickBooks Certified User",
      "AWS Certified Cloud Practitioner",
      "PTCB Certified Pharmacy Technician (CPhT)",
    ]) {
      expect(byName.get(name)).toMatchObject({ "Badge Issuer": "Vendor", "Credly Template ID": "" });
    }
  });

  it("gives every active agency-badged credential a template id except one realistic gap", () => {
    const agency = rows.filter((r) => r["Badge Issuer"] === "Agency" && r.Active === "Yes");
    const missing = agency.filter((r) => r["Credly Template ID"] === "");
    expect(missing.map((r) => r.Credential)).toEqual(["Agricultural Mechanics Technician"]);
    const ids = agency.filter((r) => r["Credly Template ID"] !== "").map((r) => r["Credly Template ID"]);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byName.get("OSHA 10-Hour General Industry")?.["Badge Issuer"]).toBe("Agency");
    expect(byName.get("Welding Technician")?.["Badge Issuer"]).toBe("Agency");
  });

  it("marks one or two credentials inactive", () => {
    const inactive = rows.filter((r) => r.Active === "No");
    expect(inactive.length).toBeGreaterThanOrEqual(1);
    expect(inactive.length).toBeLessThanOrEqual(2);
  });

  it("writes the Credentials sheet with the exact headers first", () => {
    expect(credentialsSheet()[0]).toEqual(["Credential", "Vendor", "Badge Issuer", "Credly Template ID", "Active"]);
    expect(credentialsSheet()).toHaveLength(rows.length + 1);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...CREDENTIALS_HEADERS].sort());
  });
});

describe("the Credly templates for the sandbox", () => {
  const templates = credlyTemplates("org-1");

  it("has one template per template id in the catalog, same id and name, duplicates not allowed", () => {
    const withIds = CATALOG.filter((c) => c.templateId !== "");
    expect(templates.map((t) => [t.id, t.name])).toEqual(withIds.map((c) => [c.templateId, c.credential]));
    for (const t of templates) expect(t).toMatchObject({ organization_id: "org-1", allow_duplicate_badges: false });
  });

  it("is active except one archived template, the retired credential's", () => {
    const archived = templates.filter((t) => t.state === "archived");
    expect(archived.map((t) => t.name)).toEqual(["Custodial Technician"]);
    expect(templates.filter((t) => t.state === "active")).toHaveLength(templates.length - 1);
  });
});

describe("demoSandboxSeed", () => {
  const seed = demoSandboxSeed(11);

  it("is a seed the sandbox accepts, for the organization and tokens of its own demo seed", () => {
    expect(() => checkSeed(seed)).not.toThrow();
    const own = JSON.parse(readFileSync(DEMO_SEED_FILE, "utf8"));
    expect(seed.organizations).toEqual([
      expect.objectContaining({ name: "Oklahoma CareerTech", id: own.organizations[0].id }),
    ]);
    expect(seed.organizations[0].tokens).toEqual(
      expect.arrayContaining([
        { token: "demo-write-token", write: true },
        { token: "demo-read-token", write: false },
      ]),
    );
  });

  it("holds earlier badges for the students the demo reports again (the Already badged path)", () => {
    const demo = demoSeed(11);
    expect(seed.badges).toEqual(demo.sandbox.badges);
    const again = demo.entries.filter((_, i) => demo.intents[i].kind === "already-badged-in-credly");
    expect(again.length).toBeGreaterThan(0);
    for (const entry of again) {
      const template = CATALOG.find((c) => c.credential === entry.Credential)?.templateId;
      const badge = seed.badges?.find((b) => b.recipient_email === entry["Student Email"]);
      expect(badge).toMatchObject({ badge_template_id: template });
      expect(new Date(badge!.issued_at).getTime()).toBeLessThan(entry["Entered At"].getTime());
    }
  });
});

describe("the demo sites", () => {
  it("has about thirty sites of all three kinds", () => {
    expect(SITES.length).toBeGreaterThanOrEqual(28);
    expect(SITES.length).toBeLessThanOrEqual(40);
    expect(new Set(SITES.map((s) => s.kind))).toEqual(
      new Set(["Technology center", "Comprehensive school", "Skills center"]),
    );
    expect(SITES.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Stillwater High School", "Skills Center — Lexington", "Autry Technology Center — Enid"]),
    );
  });

  it("gives instructors distinct addresses at fictitious school domains", () => {
    const emails = SITES.flatMap((s) => s.programs.map((p) => p.instructor.email));
    for (const email of emails) expect(email).toMatch(/^[a-z0-9]+@[a-z]+\.example\.edu$/);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("offers programs whose credentials are all active and issuable as listed", () => {
    const byName = new Map(CATALOG.map((c) => [c.credential, c]));
    for (const program of PROGRAMS) {
      for (const name of program.credentials) {
        const c = byName.get(name);
        expect(c?.active).toBe(true);
        expect(c?.badgeIssuer === "Vendor" || c?.templateId !== "").toBe(true);
      }
    }
  });
});

describe("toRows", () => {
  it("puts the headers first and each object's values in header order, blank where missing", () => {
    expect(toRows(["B", "A"] as const, [{ A: 1, B: "x" }, { A: 2 }])).toEqual([
      ["B", "A"],
      ["x", 1],
      ["", 2],
    ]);
  });
});
