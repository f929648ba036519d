import { parseArgs } from "node:util";
import { FAULT_KINDS, type FaultKind, type FaultPlan } from "./faults";
import type { SandboxRules } from "./rules";
import { DEMO_SEED_FILE, readSeed } from "./seed";
import { startSandboxServer } from "./server";

/**
 * `npm run sandbox -- --port 4010 --data sandbox.json` — a Credly sandbox in its own process.
 * The first line on stdout is `credly-sandbox ready <url>`: the launcher waits for it.
 */
const USAGE = `Usage: npm run sandbox -- [options]
  --port N               port on 127.0.0.1 (default 0: a free one, printed)
  --host H               address to listen on (default 127.0.0.1)
  --data FILE            persist state to this JSON file (loaded if it exists)
  --seed FILE            seed fixture (default: the demo seed)
  --fault KIND=SHARE     share of API requests meeting a fault; KIND is one of
                         ${FAULT_KINDS.join(", ")} (repeatable)
  --fault-seed N         seed of the fault generator (default 1)
  --fault-methods LIST   only these methods meet faults, e.g. POST,PUT
  --slow-ms N            delay of a slow answer (default 2000)
  --retry-after N        Retry-After seconds on a 429 (default 1)
  --faults-json JSON     a whole fault plan (launcher use)
  --locales LIST         accepted locale values, comma-separated
  --non-json-status N    415 (default) or 422 for a POST/PUT that is not JSON
  --reject-future-issued-at   refuse an issued_at later than now
  --rules-json JSON      rule overrides (launcher use)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      seed: { type: "string" },
      fault: { type: "string", multiple: true },
      "fault-seed": { type: "string" },
      "fault-methods": { type: "string" },
      "slow-ms": { type: "string" },
      "retry-after": { type: "string" },
      "faults-json": { type: "string" },
      locales: { type: "string" },
      "non-json-status": { type: "string" },
      "reject-future-issued-at": { type: "boolean" },
      "rules-json": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const faults: FaultPlan = values["faults-json"] ? JSON.parse(values["faults-json"]) : {};
  for (const spec of values.fault ?? []) {
    const [kind, share] = spec.split("=");
    if (!FAULT_KINDS.includes(kind as FaultKind) || Number.isNaN(Number(share))) {
      throw new Error(`--fault ${spec}: expected KIND=SHARE with KIND one of ${FAULT_KINDS.join(", ")}`);
    }
    faults.rates = { ...faults.rates, [kind]: Number(share) };
  }
  if (values["fault-seed"]) faults.seed = Number(values["fault-seed"]);
  if (values["fault-methods"]) faults.methods = values["fault-methods"].split(",");
  if (values["slow-ms"]) faults.slowMs = Number(values["slow-ms"]);
  if (values["retry-after"]) faults.retryAfterSeconds = Number(values["retry-after"]);

  const rules: Partial<SandboxRules> = values["rules-json"] ? JSON.parse(values["rules-json"]) : {};
  if (values.locales) rules.locales = values.locales.split(",");
  if (values["non-json-status"]) rules.nonJsonStatus = Number(values["non-json-status"]) as 415 | 422;
  if (values["reject-future-issued-at"]) rules.allowFutureIssuedAt = false;

  const seed = readSeed(values.seed ?? DEMO_SEED_FILE);
  const sandbox = await startSandboxServer({
    seed,
    dataFile: values.data,
    faults,
    rules,
    host: values.host,
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`credly-sandbox ready ${sandbox.url}`);
  for (const org of sandbox.seed.organizations) {
    const tokens = org.tokens.map((t) => `${t.token} (${t.write ? "read/write" : "read only"})`).join(", ");
    console.log(`  ${org.name}: ${sandbox.url}/v1/organizations/${org.id}  tokens: ${tokens}`);
  }
  if (values.data) console.log(`  state persists to ${values.data}`);

  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: Error) => {
  console.error(`credly-sandbox: ${error.message}`);
  process.exit(1);
});
