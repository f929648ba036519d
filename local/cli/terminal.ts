import type { Progress } from "../../src/app/progress";

/** Where the CLI speaks: stdout, redrawn in place on a terminal, plain lines otherwise (CI, a pipe). */
export interface Terminal {
  /** A line of its own (clears an unfinished bar first). */
  say(line: string): void;
  /** The current progress; on a terminal it replaces the bar, elsewhere it prints when it moved on. */
  progress(progress: Progress | null, virtualNow: Date, timeZone: string): void;
  /** Ends the bar's line. */
  done(): void;
}

const BAR_WIDTH = 24;

function day(at: Date, timeZone: string): string {
  return at.toLocaleString("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

export function progressLine(progress: Progress, virtualNow: Date, timeZone: string): string {
  const counts = progress.total > 0 ? ` ${progress.done}/${progress.total}` : "";
  const quota = progress.quotaLeft === null ? "" : ` · mail quota left ${progress.quotaLeft}`;
  const slice = progress.slice > 0 ? ` · slice ${progress.slice}` : "";
  return `${day(virtualNow, timeZone)}  ${progress.phase} ${bar(progress.done, progress.total)}${counts}${slice}${quota}`;
}

export function terminal(stream: NodeJS.WriteStream = process.stdout): Terminal {
  const live = stream.isTTY === true;
  let open = false;
  let last = "";
  const clear = () => {
    if (open) stream.write("\r\x1b[2K");
    open = false;
  };
  return {
    say(line) {
      clear();
      stream.write(`${line}\n`);
    },
    progress(progress, virtualNow, timeZone) {
      if (!progress) return;
      const line = progressLine(progress, virtualNow, timeZone);
      // Without a terminal, a line per phase and per quarter of it keeps a CI log readable.
      const quarter =
        progress.total > 0 ? Math.floor((4 * Math.min(progress.done, progress.total)) / progress.total) : 0;
      const key = `${progress.phase}|${quarter}|${progress.slice}`;
      if (live) {
        clear();
        stream.write(line.slice(0, (stream.columns ?? 120) - 1));
        open = true;
      } else if (key !== last) stream.write(`${line}\n`);
      last = key;
    },
    done: clear,
  };
}
