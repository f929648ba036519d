import { readFileSync } from "node:fs";
import path from "node:path";

/** CI copies shared/ beside the clone, so this path holds there as it does here. */
const RECORDED_DIR = path.resolve(__dirname, "../../../../shared/fixtures/credly-recorded");

export type RecordedFile =
  | "issue_badge_success.json"
  | "issue_badge_failure.json"
  | "issued_badges.json"
  | "issued_badges_empty.json"
  | "badge_templates.json";

/** The exact text Credly sent, as recorded. */
export function recorded(file: RecordedFile): string {
  return readFileSync(path.join(RECORDED_DIR, file), "utf8");
}

/** Facts of the recordings the tests lean on. */
export const RECORDED = {
  organizationId: "e52b9e79-9ddb-4110-9883-ae2c44a7440e",
  organizationName: "STEM Learning",
  issued: {
    badgeId: "3d566829-ce3c-4719-9588-a89fb8646742",
    recipientEmail: "web@teachcomputing.org",
    templateId: "00cd7d3b-baca-442b-bce5-f20666ed591b",
    issuerEarnerId: "59493a41-b7de-43ec-802c-8bdeeb329037",
  },
  found: {
    badgeId: "34549beb-7c3e-4a39-9915-fbda411c5c71",
    issuerEarnerId: "some long guid from dynamics 789",
  },
  templates: { totalCount: 653, totalPages: 14, per: 50 },
} as const;
