/**
 * The local Apps Script runtime: runs the built bundle the way Apps Script does. Importing this
 * file registers every emulated service.
 */
import "./services/logger";
import "./spreadsheet";
import "./services/url-fetch";
import "./services/mail";
import "./services/gmail";
import "./services/html";
import "./services/forms";
import "./services/properties";
import "./services/cache";
import "./services/lock";
import "./services/utilities";
import "./services/session";
import "./services/trigger-model";
import "./services/script-app";

export { serveHtml } from "./bridge";
export type { CostTable, Limits } from "./costs";
export { DEFAULT_COSTS, limitsFor } from "./costs";
export type { AuthMode, ExecutionRecord } from "./execution";
export { Execution, ExecutionKilled, VirtualClock } from "./execution";
export { formsOf, type SubmitOptions } from "./forms/host";
export { type HtmlPage, pageOf } from "./html/output";
export { outboxOf, type SentMessage } from "./mail/outbox";
export { quotaDay } from "./quota";
export type { RunOptions, RuntimeOptions } from "./runtime";
export { Runtime, registerServices, topLevelFunctions } from "./runtime";
export type { EventFireOptions, RunUntilOptions } from "./scheduler";
export { clockEvent, fireEventTriggers, fireFormSubmit, runUntil, triggersOf } from "./scheduler";
export { scriptCacheValue } from "./services/cache";
export type { LockScope } from "./services/lock";
export { holdLock, LOCK_TIMEOUT, lockHolder } from "./services/lock";
export type { HostPropertyStore } from "./services/properties";
export { propertiesOf } from "./services/properties";
export { TOO_MANY_TRIGGERS } from "./services/script-app";
export { allowUrlPrefix, type FetchLogEntry, urlFetchOf } from "./services/url-fetch";
export { seedUuids } from "./services/utilities";
export * from "./spreadsheet";
export { loadWorkbook, saveWorkbook } from "./xlsx";
