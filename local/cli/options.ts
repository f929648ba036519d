import { parseArgs } from "node:util";

/** A problem the person at the terminal can fix: printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2: a bad flag or a bad workbook (the command was wrong); 1: the run itself failed. */
    readonly exitCode: 1 | 2 = 2,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

export interface CliOptions {
  /** A workbook to run on instead of the demo one. */
  workbook?: string;
  /** The month reported, "YYYY-MM"; undefined = the demo month, or the workbook's newest month. */
  month?: string;
  dryRun: boolean;
  out: string;
  seed: number;
  students: number;
  /** Mail recipients a day; undefined = Workspace's 1,500. */
  quota?: number;
  /** Any Credly-compatible server instead of the local sandbox. */
  credly?: { url: string; organizationId: string; token: string };
  help: boolean;
}

export const DEFAULT_SEED = 1;
/** Keeps the default run well under a minute of real time on a 2-core machine (measured: see README). */
export const DEFAULT_STUDENTS = 400;
export const DEFAULT_OUT = "out";

export const USAGE = `Usage: npm start -- [options]

Runs BadgeDesk's monthly cycle in the local Apps Script runtime: the built bundle, a workbook,
and a Credly sandbox on this machine. No Google account, no internet.

Options:
  --workbook FILE.xlsx  run on a workbook downloaded from Google Sheets (File > Download > .xlsx)
                        instead of the demo workbook
  --month YYYY-MM       the month to report (default: 2026-11 for the demo; for --workbook its
                        newest report tab, else its newest entries); the run starts on the 1st
                        of the next month
  --dry-run             decide and render everything, send and issue nothing; prints what it
                        would do
  --out DIR             where the results go (default: out/)
  --seed N              the demo data's seed (default: ${DEFAULT_SEED})
  --students N          students in the demo month (default: ${DEFAULT_STUDENTS})
  --quota N             mail recipients a day (default: 1500, Google Workspace; 100 = gmail.com)
  --credly-url URL      a Credly-compatible server instead of the local sandbox, e.g.
                        https://sandbox-api.credly.com (needs --credly-org and CREDLY_TOKEN)
  --credly-org ID       the Credly organization id for --credly-url
  --help                this text

Environment:
  CREDLY_TOKEN          the organization's authorization token, with --credly-url

Results (in --out): workbook.xlsx, outbox/*.eml, credly-badges.json, log.csv, summary.html.
Exit codes: 0 done, 1 the run failed, 2 a bad flag or a bad workbook.`;

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return n;
}

function month(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})$/.exec(raw);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new CliError(`--month must look like 2026-11 (got "${raw}").`);
  }
  return raw;
}

function credly(
  url: string | undefined,
  organizationId: string | undefined,
  env: NodeJS.ProcessEnv,
): CliOptions["credly"] {
  if (url === undefined && organizationId === undefined) return undefined;
  if (url === undefined) throw new CliError("--credly-org needs --credly-url.");
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new CliError(`--credly-url must be an http(s) URL (got "${url}").`);
  if (!organizationId) throw new CliError("--credly-url needs --credly-org (the organization id).");
  const token = env.CREDLY_TOKEN ?? "";
  if (!token)
    throw new CliError("--credly-url needs the organization's token in the CREDLY_TOKEN environment variable.");
  return { url: url.replace(/\/+$/, ""), organizationId, token };
}

/** Reads the command line (strictly: an unknown flag is an error, not ignored). */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        workbook: { type: "string" },
        month: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        out: { type: "string" },
        seed: { type: "string" },
        students: { type: "string" },
        quota: { type: "string" },
        "credly-url": { type: "string" },
        "credly-org": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    // parseArgs' messages name the flag ("Unknown option '--x'"); the code is node's, not ours.
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliError(message, 2, true);
  }
  const text = (name: string) => values[name] as string | undefined;
  const workbook = text("workbook");
  if (workbook !== undefined && !/\.xlsx$/i.test(workbook)) {
    throw new CliError(
      `--workbook must be an .xlsx file (got "${workbook}"). In Google Sheets: File > Download > .xlsx.`,
    );
  }
  return {
    workbook,
    month: month(text("month")),
    dryRun: values["dry-run"] === true,
    out: text("out") ?? DEFAULT_OUT,
    seed: whole("seed", text("seed"), DEFAULT_SEED, 0, 2 ** 31 - 1),
    students: whole("students", text("students"), DEFAULT_STUDENTS, 1, 20_000),
    quota: text("quota") === undefined ? undefined : whole("quota", text("quota"), 0, 1, 1_000_000),
    credly: credly(text("credly-url"), text("credly-org"), env),
    help: values.help === true,
  };
}
