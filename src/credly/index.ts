export type {
  BadgeFilter,
  ConnectionCheck,
  CredlyClient,
  CredlyClientOptions,
  FindOptions,
  IssueOutcome,
} from "./client";
export { credlyClient } from "./client";
export type { CredlyError, CredlyErrorKind, CredlyResult } from "./errors";
export { isDuplicateMessage, isTransient } from "./errors";
export type { RetryDecision, RetryInput, RetryPolicy } from "./retry";
export { DEFAULT_RETRY_POLICY, retryDecision } from "./retry";
export type {
  Badge,
  BadgePage,
  BadgeRequest,
  BadgeState,
  BadgeTemplate,
  Envelope,
  ErrorEnvelope,
  Found,
  PageMetadata,
} from "./types";
export type { CredlyEnvironment } from "./urls";
export { credlyBaseUrl } from "./urls";
