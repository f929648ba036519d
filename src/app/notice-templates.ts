/**
 * The Templates sheet: the notice texts the specialist edits (Key | Language | Subject |
 * HTML Body | Text Body), one row per kind of message and language. It starts filled with the
 * defaults; a missing row or a blank cell falls back to the default, so clearing a cell is how a
 * specialist gets the shipped text back.
 */

import type { Language } from "../domain/entry";
import { composeMessage, MERGE_FIELDS, type NoticeTemplate } from "../domain/merge";
import { DEFAULT_NOTICE_TEMPLATES, DEFAULT_VENDOR_NOTE_TEMPLATES } from "../domain/notice-templates";
import { cellText } from "../domain/text";
import { toCellText } from "../workbook/cell-text";
import { allHeaders, type TableSchema } from "../workbook/schemas";
import { readTable } from "../workbook/table";
import type { Cell, WorkbookPort } from "./ports";

export const TEMPLATES = {
  sheet: "Templates",
  headers: ["Key", "Language", "Subject", "HTML Body", "Text Body"],
  optional: [],
} as const satisfies TableSchema;

/** The kinds of message, as the Key column names them. */
export const TEMPLATE_KEYS = { notice: "notice", vendorNote: "vendor note" } as const;
export type TemplateKind = keyof typeof TEMPLATE_KEYS;

const DEFAULTS: Record<TemplateKind, Readonly<Record<Language, NoticeTemplate>>> = {
  notice: DEFAULT_NOTICE_TEMPLATES,
  vendorNote: DEFAULT_VENDOR_NOTE_TEMPLATES,
};
const KINDS = Object.keys(TEMPLATE_KEYS) as TemplateKind[];
const LANGUAGES: Language[] = ["en", "es"];
const PARTS = [
  ["subject", "Subject"],
  ["html", "HTML Body"],
  ["text", "Text Body"],
] as const;

export type NoticeTemplates = Record<TemplateKind, Record<Language, NoticeTemplate>>;

/** Where each template came from, so a problem can name the sheet row to fix. */
export interface LoadedTemplates {
  templates: NoticeTemplates;
  /** "notice|es" → sheet row number; absent when the default is used whole. */
  rows: Map<string, number>;
}

function defaultRows(): Cell[][] {
  return KINDS.flatMap((kind) =>
    LANGUAGES.map((language) => {
      const t = DEFAULTS[kind][language];
      return [TEMPLATE_KEYS[kind], language, t.subject, t.html, t.text].map((v) => toCellText(v));
    }),
  );
}

/** Adds the Templates sheet with the default texts when it is not there (two writes, once). */
export function ensureTemplatesSheet(workbook: WorkbookPort): void {
  if (workbook.sheet(TEMPLATES.sheet)) return;
  const sheet = workbook.insertSheet(TEMPLATES.sheet);
  sheet.write(1, 1, [allHeaders(TEMPLATES), ...defaultRows()]);
  sheet.setFrozenRows(1);
  sheet.setBold(1, 1, 1, allHeaders(TEMPLATES).length);
}

function kindOf(key: string): TemplateKind | null {
  const wanted = key.trim().toLowerCase();
  return KINDS.find((kind) => TEMPLATE_KEYS[kind] === wanted) ?? null;
}

function languageOf(text: string): Language | null {
  const wanted = text.trim().toLowerCase();
  return wanted === "en" || wanted === "es" ? wanted : null;
}

/** The templates in use: the sheet's cells over the defaults (the defaults alone without the sheet). */
export function loadTemplates(workbook: WorkbookPort): LoadedTemplates {
  const templates: NoticeTemplates = {
    notice: { ...DEFAULTS.notice },
    vendorNote: { ...DEFAULTS.vendorNote },
  };
  const rows = new Map<string, number>();
  const sheet = workbook.sheet(TEMPLATES.sheet);
  if (!sheet) return { templates, rows };
  for (const row of readTable(sheet, TEMPLATES).rows) {
    const kind = kindOf(cellText(row.get("Key")));
    const language = languageOf(cellText(row.get("Language")));
    if (!kind || !language || rows.has(`${kind}|${language}`)) continue;
    rows.set(`${kind}|${language}`, row.rowNumber);
    const template = { ...DEFAULTS[kind][language] };
    for (const [part, header] of PARTS) {
      const text = cellText(row.get(header));
      if (text.trim() !== "") template[part] = text;
    }
    templates[kind][language] = template;
  }
  return { templates, rows };
}

const SAMPLE = {
  firstName: "Sample",
  lastName: "Student",
  credentials: ["Sample credential"],
  site: "Sample site",
  agencyName: "Sample agency",
  month: "Sample month",
  senderName: "Sample sender",
};

/**
 * Problems a template has whatever the student: a merge field BadgeDesk does not know. Checked
 * before anything is sent, so a typo like {{fistName}} stops the run instead of reaching students.
 */
export function templateProblems(loaded: LoadedTemplates, kinds: readonly TemplateKind[]): string[] {
  const problems: string[] = [];
  for (const kind of kinds) {
    for (const language of LANGUAGES) {
      const composed = composeMessage(loaded.templates[kind][language], SAMPLE);
      if (composed.ok) continue;
      const row = loaded.rows.get(`${kind}|${language}`);
      const where = row
        ? `${TEMPLATES.sheet} row ${row} (${TEMPLATE_KEYS[kind]}, ${language})`
        : `The default ${TEMPLATE_KEYS[kind]} (${language})`;
      for (const error of composed.errors) problems.push(`${where}: ${error}.`);
    }
  }
  if (problems.length > 0) {
    problems.push(`Merge fields BadgeDesk knows: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(", ")}.`);
  }
  return problems;
}
