/**
 * The local Apps Script runtime: runs the built bundle the way Apps Script does. Importing this
 * file registers every emulated service.
 */
import "./services/logger";

export type { CostTable, Limits } from "./costs";
export { DEFAULT_COSTS, limitsFor } from "./costs";
export type { AuthMode, ExecutionRecord } from "./execution";
export { Execution, ExecutionKilled, VirtualClock } from "./execution";
export type { RunOptions, RuntimeOptions } from "./runtime";
export { Runtime, registerServices, topLevelFunctions } from "./runtime";
