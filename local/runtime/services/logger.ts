import { emulate } from "../execution";
import { registerServices } from "../runtime";

type LoggerApi = Pick<GoogleAppsScript.Base.Logger, "log">;

/** Logger and console: captured per execution (the record's `logs`), never printed. */
registerServices((exec) => {
  const write = (...parts: unknown[]) => {
    exec.logs.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "));
  };
  const logger: LoggerApi = {
    log(format: unknown, ...values: unknown[]) {
      write(format, ...values);
      return logger as GoogleAppsScript.Base.Logger;
    },
  } as LoggerApi;
  return {
    Logger: emulate(exec, "Logger", logger, "NONE"),
    // console in Apps Script goes to Cloud Logging; it is not a service call, so it is not counted.
    console: { log: write, info: write, warn: write, error: write },
  };
});
