/** A small Credentials list and entry builder shared by the domain tests. */

import { type Catalog, type Credential, catalogOf } from "../../../src/domain/catalog";
import { type Entry, type RawEntry, readEntry } from "../../../src/domain/entry";
import { at, CHICAGO, formatDate } from "./format-date";

export const CREDENTIALS: Credential[] = [
  { name: "Welding Technician", vendor: "CareerTech", issuer: "Agency", templateId: "tpl-weld", active: true },
  { name: "Veterinary Assistant", vendor: "CareerTech", issuer: "Agency", templateId: "", active: true },
  { name: "Florist Assistant", vendor: "CareerTech", issuer: "Agency", templateId: "tpl-flor", active: false },
  { name: "Small Gas Engine Technician", vendor: "CareerTech", issuer: null, templateId: "tpl-gas", active: true },
  { name: "CompTIA A+", vendor: "CompTIA", issuer: "Vendor", templateId: "", active: true },
  { name: "OSHA 10", vendor: "OSHA", issuer: "Agency", templateId: "tpl-osha10", active: true },
];

export const catalog: Catalog = catalogOf(CREDENTIALS);

/** "Now" in the tests: noon on Dec 1, 2026 in Chicago (CST, -06:00). */
export const NOW = at("2026-12-01T12:00", -6);
export const TODAY = "2026-12-01";

export function raw(overrides: Partial<RawEntry> = {}): RawEntry {
  return {
    entryId: "E-1",
    enteredAt: at("2026-11-03T09:41", -6),
    firstName: "Jane",
    lastName: "Doe",
    email: "jane@school.org",
    credential: "Welding Technician",
    dateEarned: "2026-11-02",
    program: "Welding",
    site: "Tulsa Tech",
    instructorName: "Pat Lee",
    instructorEmail: "pat@tulsatech.edu",
    source: "Form",
    language: "",
    ...overrides,
  };
}

export function entry(overrides: Partial<RawEntry> = {}): Entry {
  return readEntry(raw(overrides), CHICAGO, formatDate);
}
