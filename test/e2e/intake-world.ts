/**
 * The intake side of the specialist's world: a workbook set up with the demo catalog, the
 * instructor form, and instructors submitting it. Shared by intake.test.ts and report.test.ts.
 */
import { credentialsSheet, templateIdFor } from "../../local/demo";
import { formsOf, propertiesOf, type SubmitOptions, spreadsheetOf } from "../../local/runtime";
import type { World } from "./harness";

export const AGENCY_CREDENTIAL = "ServSafe Food Handler";
export const OTHER_AGENCY_CREDENTIAL = "OSHA 10-Hour General Industry";
export const VENDOR_CREDENTIAL = "CompTIA A+";

export interface Report {
  instructor?: string;
  site?: string;
  first: string;
  last: string;
  email: string;
  credential?: string;
  earned?: string;
}

/** Set up workbook, the demo catalog in Credentials, and the instructor form; returns the form id. */
export function workbookWithForm(w: World): string {
  w.run("setUpWorkbook");
  spreadsheetOf(w.runtime).setValues("Credentials", 1, 1, credentialsSheet());
  w.run("createInstructorForm");
  return settingsOf(w).formId;
}

export function settingsOf(w: World): { formId: string; formUrl: string } {
  return JSON.parse(propertiesOf(w.runtime).script.get("badgedesk.settings") ?? "{}");
}

/** An instructor submits the form for one student. */
export function submit(w: World, formId: string, report: Report, options: SubmitOptions = {}) {
  return formsOf(w.runtime).submit(
    formId,
    {
      "Instructor Name": report.instructor ?? "Dana Whitfield",
      Site: report.site ?? "Tulsa Tech",
      Program: "Culinary Arts",
      "Student First Name": report.first,
      "Student Last Name": report.last,
      "Student Email": report.email,
      Credential: report.credential ?? AGENCY_CREDENTIAL,
      "Date Earned": report.earned ?? "2026-10-01",
    },
    { respondentEmail: "d.whitfield@tulsatech.example.edu", ...options },
  );
}

export function ledgerHolds(w: World, email: string, credential: string) {
  spreadsheetOf(w.runtime).appendRow("Ledger", [
    "E-EARLIER00001",
    email,
    templateIdFor(credential),
    "badge-earlier-1",
    new Date("2026-06-03T15:00:00Z"),
    "accepted",
    "",
  ]);
}
