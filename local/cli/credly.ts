import type { Settings } from "../../src/app/settings";
import { type Sandbox, startSandbox } from "../credly-sandbox/launcher";
import type { SandboxSeed } from "../credly-sandbox/seed";
import { demoOrganization } from "../demo";
import { propertiesOf, type Runtime, urlFetchOf } from "../runtime";
import type { CliOptions } from "./options";

/** The specialist the run acts as: the settings' owner, the token's keeper, the summary's reader. */
export const SPECIALIST = "specialist@agency.example";

export interface CredlyConnection {
  url: string;
  organizationId: string;
  /** The local sandbox, when the run started one. */
  sandbox?: Sandbox;
}

/**
 * The Credly the run talks to: the server given by --credly-url, or a local sandbox seeded with the
 * demo organization, its templates and the badges some students already hold.
 */
export async function connectCredly(options: CliOptions, seed: () => SandboxSeed): Promise<CredlyConnection> {
  if (options.credly) return { url: options.credly.url, organizationId: options.credly.organizationId };
  const sandbox = await startSandbox({ seed: seed() });
  return { url: sandbox.url, organizationId: demoOrganization().id, sandbox };
}

function writeToken(): string {
  const token = demoOrganization().tokens?.find((t) => t.write)?.token;
  return token ?? "demo-write-token";
}

/**
 * Saves what the settings page would: the Credly server and organization (script properties, one
 * JSON value) and the token (the specialist's user properties, never a cell).
 */
export function saveSettings(runtime: Runtime, credly: CredlyConnection, options: CliOptions): void {
  urlFetchOf(runtime).allowUrlPrefix(credly.url);
  const store = propertiesOf(runtime).script;
  const current = JSON.parse(store.get("badgedesk.settings") ?? "{}") as Partial<Settings>;
  const change: Partial<Settings> = {
    credlyEnvironment: "custom",
    credlyCustomUrl: credly.url,
    credlyOrganizationId: credly.organizationId,
    noticeDelayDays: current.noticeDelayDays ?? 2,
    specialistEmail: current.specialistEmail || SPECIALIST,
  };
  store.set("badgedesk.settings", JSON.stringify({ ...current, ...change }));
  propertiesOf(runtime)
    .user(SPECIALIST)
    .set("badgedesk.credlyToken", options.credly?.token ?? writeToken());
}
