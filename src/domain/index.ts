/** The domain: pure logic, no Apps Script globals. */

export * from "./badge-request";
export * from "./catalog";
export * from "./dates";
export * from "./decide";
export * from "./earner-id";
export * from "./email";
export * from "./entry";
export * from "./merge";
export * from "./month";
export * from "./notice-templates";
export * from "./notices";
export * from "./report";
export * from "./summary";
export * from "./validate";
export * from "./words";
