/**
 * `npm start`: BadgeDesk's monthly cycle on this machine — the built bundle in the local Apps Script
 * runtime, a workbook (the demo's, or a downloaded .xlsx), and a Credly sandbox — with no Google
 * account and no internet. `npm start -- --help` lists the flags.
 */
import { CliError, parseOptions, USAGE } from "./cli/options";
import { succeeded, summaryLines } from "./cli/report";
import { run } from "./cli/run";
import { terminal } from "./cli/terminal";

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const term = terminal();
  const result = await run(options, term);
  const lines = summaryLines(result);
  for (const line of lines) term.say(line);
  if (succeeded(result)) return 0;
  term.say("The month is not finished: the Log and the report tab say where it stopped.");
  return 1;
}

// Should the event loop drain before main settles, that is a failure, not a silent success.
process.exitCode = 1;
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`npm start: ${error.message}\n`);
      if (error.showUsage) process.stderr.write(`\n${USAGE}\n`);
      process.exit(error.exitCode);
    }
    // Not the person's mistake: one line still, the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`npm start stopped: ${message}\n`);
    if (process.env.BADGEDESK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
