import { existsSync } from "node:fs";
import { DEMO_SEED_FILE, readSeed, type SeedOrganization } from "../credly-sandbox/seed";

/** Used when the sandbox's own demo seed file is absent. */
const FALLBACK: SeedOrganization = {
  id: "5f3c9a2e-0c1b-4e7a-9d3e-2a6b8c4d1e00",
  name: "Oklahoma CareerTech",
  vanity_slug: "oklahoma-careertech",
  tokens: [
    { token: "demo-write-token", write: true },
    { token: "demo-read-token", write: false },
  ],
};

/**
 * The agency's Credly organization for the demo: taken from the sandbox's default demo seed, so
 * `npm start`, the sandbox and the demo data agree on the organization id and tokens.
 */
export function demoOrganization(): SeedOrganization {
  if (!existsSync(DEMO_SEED_FILE)) return FALLBACK;
  const seeded = readSeed(DEMO_SEED_FILE).organizations.find((o) => o.name === FALLBACK.name);
  return seeded ?? FALLBACK;
}
