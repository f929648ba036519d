/**
 * The words the report's status columns use (DESIGN.md "Sheets"). People filter and colour the
 * sheet by them, so they are a contract: spell them only through these constants.
 */

export const DECISION = {
  badge: "Badge",
  vendorBadge: "Vendor badge",
  needsFix: "Needs fix",
  alreadyBadged: "Already badged",
} as const;
export type DecisionWord = (typeof DECISION)[keyof typeof DECISION];

export const NOTICE_STATUS = {
  none: "",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  notNeeded: "Not needed",
} as const;
export type NoticeStatus = (typeof NOTICE_STATUS)[keyof typeof NOTICE_STATUS];

export const BADGE_STATUS = {
  none: "",
  issuing: "Issuing",
  issued: "Issued",
  failed: "Failed",
} as const;
export type BadgeStatus = (typeof BADGE_STATUS)[keyof typeof BADGE_STATUS];

/** Credly's badge states, as Credly spells them. */
export const CLAIM_STATE = {
  pending: "pending",
  accepted: "accepted",
  rejected: "rejected",
  revoked: "revoked",
} as const;
export type ClaimState = (typeof CLAIM_STATE)[keyof typeof CLAIM_STATE];

export const DECISIONS: readonly DecisionWord[] = [
  DECISION.badge,
  DECISION.vendorBadge,
  DECISION.needsFix,
  DECISION.alreadyBadged,
];
export const NOTICE_STATUSES: readonly NoticeStatus[] = Object.values(NOTICE_STATUS);
export const BADGE_STATUSES: readonly BadgeStatus[] = Object.values(BADGE_STATUS);
export const CLAIM_STATES: readonly ClaimState[] = Object.values(CLAIM_STATE);
