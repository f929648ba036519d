import type { SeedTemplate } from "../credly-sandbox/seed";
import type { CredentialRow } from "./headers";
import { stableUuid } from "./random";

/** A credential on the approved list, with what the generator needs to hand it out plausibly. */
export interface CatalogCredential {
  credential: string;
  vendor: string;
  /** Who issues the digital badge: domain.md "Which vendors already issue a badge". */
  badgeIssuer: "Agency" | "Vendor";
  /** Blank for vendor-badged credentials, and for the one agency credential still waiting for a template. */
  templateId: string;
  active: boolean;
  /** How often it is earned, relative to the others a program offers. */
  weight: number;
}

type Spec = [credential: string, vendor: string, weight: number, options?: SpecOptions];
interface SpecOptions {
  active?: false;
  /** The realistic gap: an agency credential added to the list before its Credly template exists. */
  noTemplate?: true;
}

/** Vendors that issue their own Credly badge (H/M in domain.md): the agency never badges these. */
const VENDOR_BADGED: Spec[] = [
  ["CompTIA IT Fundamentals+ (ITF+)", "CompTIA", 6],
  ["CompTIA A+", "CompTIA", 5],
  ["CompTIA Network+", "CompTIA", 2],
  ["CompTIA Security+", "CompTIA", 2],
  // Retired by CompTIA in favour of ITF+; kept on the list, marked inactive, as agencies do.
  ["CompTIA Strata IT Fundamentals", "CompTIA", 1, { active: false }],
  ["Microsoft Office Specialist: Word", "Certiport (Microsoft)", 8],
  ["Microsoft Office Specialist: Excel", "Certiport (Microsoft)", 7],
  ["Microsoft Office Specialist: PowerPoint", "Certiport (Microsoft)", 5],
  ["IC3 Digital Literacy", "Certiport", 4],
  ["QuickBooks Certified User", "Certiport (Intuit)", 3],
  ["Entrepreneurship and Small Business", "Certiport", 4],
  ["Adobe Certified Professional", "Adobe (Certiport)", 3],
  ["Autodesk Certified User", "Autodesk (Certiport)", 4],
  ["Cisco Certified Support Technician (CCST)", "Cisco", 2],
  ["AWS Certified Cloud Practitioner", "Amazon Web Services", 1],
  ["Google IT Support Professional Certificate", "Google", 1],
  ["PTCB Certified Pharmacy Technician (CPhT)", "PTCB", 4],
];

/** No outside digital badge found (M/L in domain.md), or the agency's own assessments: the agency badges these. */
const AGENCY_BADGED: Spec[] = [
  ["NCCER Core Curriculum", "NCCER", 6],
  ["NCCER Carpentry Level 1", "NCCER", 3],
  ["NCCER Electrical Level 1", "NCCER", 3],
  ["NCCER Welding Level 1", "NCCER", 3],
  ["OSHA 10-Hour General Industry", "OSHA Outreach Training", 7],
  ["OSHA 30-Hour Construction", "OSHA Outreach Training", 2],
  ["EPA Section 608 Technician", "EPA-approved certifying body", 3],
  ["ServSafe Food Handler", "National Restaurant Association", 6],
  ["ServSafe Manager", "National Restaurant Association", 3],
  ["NHA Certified Phlebotomy Technician (CPT)", "National Healthcareer Association", 4],
  ["NHA Certified Clinical Medical Assistant (CCMA)", "National Healthcareer Association", 3],
  ["NHA Certified EKG Technician (CET)", "National Healthcareer Association", 3],
  ["ASE Entry-Level Automobile Service Technology", "ASE Education Foundation", 4],
  ["NIMS Machining Level I", "NIMS", 2],
  ["MSSC Certified Production Technician", "MSSC", 2],
  ["NREMT Emergency Medical Responder", "NREMT", 2],
  ["NREMT Emergency Medical Technician", "NREMT", 2],
  ["Welding Technician", "Oklahoma CareerTech Testing Center", 3],
  ["Veterinary Assistant", "Oklahoma CareerTech Testing Center", 4],
  ["Florist Assistant", "Oklahoma CareerTech Testing Center", 3],
  ["Small Gas Engine Technician", "Oklahoma CareerTech Testing Center", 3],
  ["Horticulture Assistant", "Oklahoma CareerTech Testing Center", 3],
  ["Early Care and Education Assistant", "Oklahoma CareerTech Testing Center", 4],
  ["Agricultural Mechanics Technician", "Oklahoma CareerTech Testing Center", 2, { noTemplate: true }],
  // A retired assessment: its Credly template was archived when it was withdrawn.
  ["Custodial Technician", "Oklahoma CareerTech Testing Center", 1, { active: false }],
];

function toCatalog(specs: Spec[], badgeIssuer: "Agency" | "Vendor"): CatalogCredential[] {
  return specs.map(([credential, vendor, weight, options]) => ({
    credential,
    vendor,
    badgeIssuer,
    templateId: badgeIssuer === "Agency" && !options?.noTemplate ? templateIdFor(credential) : "",
    active: options?.active !== false,
    weight,
  }));
}

/** The template id a credential's Credly badge template has in the demo: the same on every run. */
export function templateIdFor(credential: string): string {
  return stableUuid(`credly-template:${credential}`);
}

/** The approved-credential list (42 credentials; the same for every seed). */
export const CATALOG: readonly CatalogCredential[] = [
  ...toCatalog(VENDOR_BADGED, "Vendor"),
  ...toCatalog(AGENCY_BADGED, "Agency"),
];

/** The catalog as rows of the Credentials sheet. */
export function credentialRows(catalog: readonly CatalogCredential[] = CATALOG): CredentialRow[] {
  return catalog.map((c) => ({
    Credential: c.credential,
    Vendor: c.vendor,
    "Badge Issuer": c.badgeIssuer,
    "Credly Template ID": c.templateId,
    Active: c.active ? "Yes" : "No",
  }));
}

/**
 * The organization's Credly badge templates for the sandbox: one per agency credential that has a
 * template id, active unless the credential was retired (then archived, as Credly keeps retired
 * templates rather than deleting them).
 */
export function credlyTemplates(
  organizationId: string,
  catalog: readonly CatalogCredential[] = CATALOG,
): SeedTemplate[] {
  return catalog
    .filter((c) => c.templateId !== "")
    .map((c) => ({
      id: c.templateId,
      organization_id: organizationId,
      name: c.credential,
      state: c.active ? "active" : "archived",
      allow_duplicate_badges: false,
      description: `Awarded by Oklahoma CareerTech to students who earned ${c.credential} (${c.vendor}).`,
      vanity_slug: slug(c.credential),
      level: null,
      image_url: null,
    }));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
