import type { BadgeState } from "./seed";

/**
 * The Credly behaviours the reference marks L (inferred, not documented): kept here, each
 * changeable from the CLI or the launcher, so a test can follow Credly if it turns out otherwise.
 */
export interface SandboxRules {
  /** `locale` values accepted on issue (L: Credly documents `en`, `es-US`, "..."). */
  locales: string[];
  /** Status for a POST/PUT whose Content-Type is not JSON (L: Credly's is undocumented). */
  nonJsonStatus: 415 | 422;
  /** Whether an `issued_at` later than the sandbox's clock is accepted (L). Default true: the
   * local runtime's virtual clock may run ahead of the real one. */
  allowFutureIssuedAt: boolean;
  /** Badges in these states block a duplicate (L: a revoked badge is taken not to block). */
  duplicateBlockingStates: BadgeState[];
  /** Page size of list answers (H: 50). */
  perPage: number;
}

export const DEFAULT_RULES: SandboxRules = {
  locales: [
    "en",
    "en-US",
    "en-GB",
    "es",
    "es-US",
    "es-ES",
    "es-MX",
    "es-419",
    "fr",
    "fr-CA",
    "de",
    "it",
    "pt",
    "pt-BR",
    "nl",
    "pl",
    "ja",
    "ko",
    "zh-CN",
    "zh-TW",
    "ar",
    "tr",
    "vi",
  ],
  nonJsonStatus: 415,
  allowFutureIssuedAt: true,
  duplicateBlockingStates: ["pending", "accepted", "rejected"],
  perPage: 50,
};

export function rulesWith(overrides: Partial<SandboxRules> = {}): SandboxRules {
  return { ...DEFAULT_RULES, ...overrides };
}
