import type { SeedBadge, SeedTemplate } from "../credly-sandbox/seed";
import { CATALOG, type CatalogCredential, credentialRows, credlyTemplates } from "./catalog";
import type { CredentialRow, EntryRow, EntrySource } from "./headers";
import {
  applyMistake,
  type Decision,
  intendedDecision,
  MISTAKE_KINDS,
  type MistakeKind,
  NEEDS_AGENCY_BADGE,
} from "./mistakes";
import { FIRST_NAMES, LAST_NAMES, mailName, SPANISH_FIRST_NAMES, SPANISH_LAST_NAMES } from "./names";
import { demoOrganization } from "./organization";
import type { ProgramSpec } from "./programs";
import { hashText, type Random, scramble32, seededRandom, weightedPicker } from "./random";
import { SITES, type Site, type SiteProgram } from "./sites";
import {
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  type LocalDate,
  parseMonth,
  zonedInstant,
  zoneOffsetMs,
} from "./zone";

// Looked up once: in a vm context (jest, the local runtime) every global lookup in a hot loop is slow.
const { floor, min } = Math;

export interface GenerateOptions {
  seed: number;
  /** The month the entries are entered in, "YYYY-MM". */
  month: string;
  /** The spreadsheet's time zone (default America/Chicago). */
  timeZone?: string;
  /** Exactly this many students in the month (default 400 when `entries` is not given either). */
  students?: number;
  /** Exactly this many entries in the month instead (bench sizes); students follow at ~1.5 each. */
  entries?: number;
  /** How many awkward entries (default 6% of the month's entries; every kind once from 18 up). */
  badEntries?: number;
  /** Earlier months of the same size before `month`, for backlog and benchmark runs. */
  historicalMonths?: number;
}

/** Whether an entry is clean, and what the report should decide for it. */
export interface Intent {
  kind: "clean" | MistakeKind;
  decision: Decision;
}

/** Counts a test can check for one month. */
export interface MonthExpectation {
  month: string;
  entries: number;
  /** Distinct people (a mistyped address still belongs to its student). */
  students: number;
  byDecision: Record<Decision, number>;
  byKind: Record<"clean" | MistakeKind, number>;
  /** Entered on the month's last evening (after 23:00 local) and just after midnight on the 1st. */
  lastEvening: number;
  justAfterMidnight: number;
}

export interface DemoExpectation extends MonthExpectation {
  /** The earlier months, oldest first. */
  history: MonthExpectation[];
  /** Entries over every month generated. */
  totalEntries: number;
}

export interface DemoMonth {
  month: string;
  timeZone: string;
  /** Every generated entry, oldest first, as the Entries sheet would hold them. */
  entries: EntryRow[];
  credentials: CredentialRow[];
  /** The organization's Credly badge templates for the sandbox. */
  templates: SeedTemplate[];
  /** Badges Credly already holds for some of these students (the "Already badged" path). */
  credlyBadges: SeedBadge[];
  /** `intents[i]` is what `entries[i]` is meant to be and to get. */
  intents: Intent[];
  expected: DemoExpectation;
}

const DECISIONS: Decision[] = ["Badge", "Vendor badge", "Needs fix", "Already badged"];
const SOURCES: EntrySource[] = ["Form", "Typed", "Import"];
const pickSource = weightedPicker(SOURCES, [70, 20, 10]);
// ~1.5 credentials per student (the brief's figure; nothing published).
const pickCredentialCount = weightedPicker([1, 2, 3], [60, 30, 10]);
const DEFAULT_STUDENTS = 400;
const DEFAULT_MISTAKE_SHARE = 0.06;

interface Student {
  first: string;
  last: string;
  email: string;
  language: "en" | "es";
  site: Site;
  place: SiteProgram;
}

interface Draft {
  row: EntryRow;
  credential: CatalogCredential;
  /** Entered At in milliseconds, for sorting. */
  at: number;
  kind?: MistakeKind;
  /** Placed on a month boundary: kept clean so the boundary tests stay about time only. */
  boundary?: "lastEvening" | "justAfterMidnight";
  /** The local calendar date of Entered At. */
  enteredDay: number;
}

/**
 * A month of demo entries with everything around them: the credential catalog, the Credly
 * templates and pre-existing badges for the sandbox, and the counts a test can expect.
 * Deterministic: the same options give the same data.
 */
export function generateMonth(options: GenerateOptions): DemoMonth {
  const timeZone = options.timeZone ?? "America/Chicago";
  parseMonth(options.month);
  if (options.students !== undefined && options.entries !== undefined) {
    throw new Error("generateMonth: give students or entries, not both.");
  }
  const organizationId = demoOrganization().id;
  const months: string[] = [];
  for (let back = options.historicalMonths ?? 0; back >= 0; back--) months.push(addMonths(options.month, -back));

  const ctx: GenerationContext = {
    timeZone,
    organizationId,
    nextStudentNumber: 1001,
    midnights: new Map(),
    intents: [],
    credlyBadges: [],
  };
  const perMonth = months.map((month) => generateOne(ctx, month, options));
  const entries = perMonth.flatMap((m) => m.entries);
  const target = perMonth[perMonth.length - 1].expected;
  return {
    month: options.month,
    timeZone,
    entries,
    credentials: credentialRows(CATALOG),
    templates: credlyTemplates(organizationId, CATALOG),
    credlyBadges: ctx.credlyBadges,
    intents: ctx.intents,
    expected: {
      ...target,
      history: perMonth.slice(0, -1).map((m) => m.expected),
      totalEntries: entries.length,
    },
  };
}

interface GenerationContext {
  timeZone: string;
  organizationId: string;
  nextStudentNumber: number;
  /** Local midnight instants by day number: Date Earned values. */
  midnights: Map<number, number>;
  intents: Intent[];
  credlyBadges: SeedBadge[];
}

function generateOne(
  ctx: GenerationContext,
  month: string,
  options: GenerateOptions,
): { entries: EntryRow[]; expected: MonthExpectation } {
  const rng = seededRandom(hashText(`${options.seed}:${month}`));
  const clock = new MonthClock(ctx, month);
  const exactEntries = options.entries;
  const planned = exactEntries ?? Math.round((options.students ?? DEFAULT_STUDENTS) * 1.5);
  const mistakes = options.badEntries ?? Math.round(planned * DEFAULT_MISTAKE_SHARE);
  const kinds = Array.from({ length: mistakes }, (_, i) => MISTAKE_KINDS[i % MISTAKE_KINDS.length]);
  const duplicates = kinds.filter((k) => k === "duplicate-entry").length;

  const students: Student[] = [];
  const drafts: Draft[] = [];
  const baseTarget = exactEntries === undefined ? Number.POSITIVE_INFINITY : exactEntries - duplicates;
  const studentTarget = exactEntries === undefined ? (options.students ?? DEFAULT_STUDENTS) : Number.POSITIVE_INFINITY;
  while (students.length < studentTarget && drafts.length < baseTarget) {
    const student = newStudent(ctx, rng);
    students.push(student);
    const count = min(pickCredentialCount(rng), baseTarget - drafts.length);
    for (const credential of pickCredentials(rng, student.place, count)) {
      drafts.push(clock.draft(rng, student, credential));
    }
  }

  placeOnBoundaries(rng, clock, drafts);
  const duplicateRows = makeMistakes(ctx, rng, clock, drafts, kinds);
  const all = drafts.concat(duplicateRows);
  const ordered = oldestFirst(all);

  const { year, month: mo } = parseMonth(month);
  const monthSlot = ((year * 12 + mo) % 4096) << 20;
  const idMix = hashText(`entry-ids:${options.seed}`);
  const expected = emptyExpectation(month, students.length);
  ordered.forEach((draft, i) => {
    draft.row["Entry ID"] = entryId(scramble32((monthSlot | i) ^ idMix));
    const intent = intentFor(draft.kind ?? "clean", intendedDecision(draft.kind, draft.credential));
    ctx.intents.push(intent);
    expected.byDecision[intent.decision]++;
    expected.byKind[intent.kind]++;
    if (draft.boundary) expected[draft.boundary]++;
  });
  expected.entries = ordered.length;
  return { entries: ordered.map((d) => d.row), expected };
}

/**
 * Sorts by Entered At (whole seconds), ties in generation order. A typed-array sort of packed
 * keys: 100,000 entries must generate in well under two seconds on a busy machine.
 */
function oldestFirst(drafts: Draft[]): Draft[] {
  if (drafts.length >= 1_048_576) throw new Error("generateMonth: at most 1,048,575 entries a month.");
  const keys = new Float64Array(drafts.length);
  // Seconds (< 2^33 until the year 2242) times 2^20 plus an index below 2^20 stays under 2^53.
  drafts.forEach((d, i) => {
    keys[i] = floor(d.at / 1000) * 1_048_576 + i;
  });
  keys.sort();
  return Array.from(keys, (key) => drafts[key % 1_048_576]);
}

const INTENTS = new Map<Intent["kind"], Map<Decision, Intent>>();

/** One shared, frozen object per kind and decision: a hundred thousand entries share a few dozen. */
function intentFor(kind: Intent["kind"], decision: Decision): Intent {
  let byDecision = INTENTS.get(kind);
  if (!byDecision) {
    byDecision = new Map();
    INTENTS.set(kind, byDecision);
  }
  let intent = byDecision.get(decision);
  if (!intent) {
    intent = Object.freeze({ kind, decision });
    byDecision.set(decision, intent);
  }
  return intent;
}

// Crockford's base 32: no I, L, O or U, so an id read aloud or retyped is not misread.
const ID_DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "E-" and seven base-32 digits of a 32-bit number (32^7 > 2^32, so distinct numbers stay distinct). */
function entryId(n: number): string {
  let id = "";
  for (let k = 0; k < 7; k++) {
    id = ID_DIGITS[n % 32] + id;
    n = (n - (n % 32)) / 32;
  }
  return `E-${id}`;
}

function emptyExpectation(month: string, students: number): MonthExpectation {
  const byKind = { clean: 0 } as Record<"clean" | MistakeKind, number>;
  for (const k of MISTAKE_KINDS) byKind[k] = 0;
  const byDecision = {} as Record<Decision, number>;
  for (const d of DECISIONS) byDecision[d] = 0;
  return { month, entries: 0, students, byDecision, byKind, lastEvening: 0, justAfterMidnight: 0 };
}

const pickSite = weightedPicker(
  SITES,
  SITES.map((s) => s.weight),
);
const mailNames = new Map<string, string>();
const cachedMailName = (name: string): string => {
  let m = mailNames.get(name);
  if (m === undefined) {
    m = mailName(name);
    mailNames.set(name, m);
  }
  return m;
};

function newStudent(ctx: GenerationContext, rng: Random): Student {
  const site = pickSite(rng);
  const place = rng.pick(site.programs);
  const spanish = rng.chance(0.15);
  const first = rng.pick(spanish ? SPANISH_FIRST_NAMES : FIRST_NAMES);
  const last = rng.pick(spanish ? SPANISH_LAST_NAMES : LAST_NAMES);
  // A running number keeps every student's address distinct, as a school's student id does.
  const number = ctx.nextStudentNumber++;
  const local =
    site.kind === "Technology center"
      ? `${cachedMailName(first)}.${cachedMailName(last)}${number}`
      : `${cachedMailName(first)[0]}${cachedMailName(last)}${number}`;
  return {
    first,
    last,
    email: `${local}@${site.studentDomain}`,
    language: spanish && rng.chance(0.6) ? "es" : "en",
    site,
    place,
  };
}

const BY_NAME = new Map(CATALOG.map((c) => [c.credential, c]));
const POOLS = new Map<ProgramSpec, { pool: CatalogCredential[]; first: (rng: Random) => CatalogCredential }>();

function poolFor(program: ProgramSpec) {
  let found = POOLS.get(program);
  if (!found) {
    const pool = program.credentials.map((name) => {
      const c = BY_NAME.get(name);
      if (!c) throw new Error(`Program ${program.name} names "${name}", which is not in the catalog.`);
      return c;
    });
    found = {
      pool,
      first: weightedPicker(
        pool,
        pool.map((c) => c.weight),
      ),
    };
    POOLS.set(program, found);
  }
  return found;
}

/** Distinct credentials from the student's program, the popular ones more often. */
function pickCredentials(rng: Random, place: SiteProgram, count: number): CatalogCredential[] {
  const { pool, first } = poolFor(place.program);
  const picked = [first(rng)];
  while (picked.length < min(count, pool.length)) {
    picked.push(
      rng.weighted(
        pool,
        pool.map((p) => (picked.includes(p) ? 0 : p.weight)),
      ),
    );
  }
  return picked;
}

/** Local times within one month, computed without a formatter call per entry. */
class MonthClock {
  readonly year: number;
  readonly month: number;
  readonly days: LocalDate[];
  /** The zone's UTC offset at local noon of each day: right for any time after the 02:00 DST switch. */
  private readonly dayStarts: number[];
  private readonly dayNumbers: number[];
  private readonly pickDay: (rng: Random) => number;
  readonly end: number;

  constructor(
    private readonly ctx: GenerationContext,
    month: string,
  ) {
    const { year, month: mo } = parseMonth(month);
    this.year = year;
    this.month = mo;
    this.days = Array.from({ length: daysInMonth(year, mo) }, (_, i) => ({ year, month: mo, day: i + 1 }));
    // Local midnight from the offset at noon: right for any time after a 02:00 DST switch.
    this.dayStarts = this.days.map(
      (d) =>
        Date.UTC(d.year, d.month - 1, d.day) - zoneOffsetMs(zonedInstant(d, 12 * 3600, ctx.timeZone), ctx.timeZone),
    );
    this.dayNumbers = this.days.map(dayNumber);
    // Instructors report on school days; a few do it at the weekend.
    this.pickDay = weightedPicker(
      this.days.map((_, i) => i),
      this.days.map((d) => {
        const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
        return weekday === 0 || weekday === 6 ? 1 : 10;
      }),
    );
    const next = parseMonth(addMonths(month, 1));
    this.end = zonedInstant({ year: next.year, month: next.month, day: 1 }, 0, ctx.timeZone);
  }

  /** A clean entry at a working-hours moment of the month. */
  draft(rng: Random, student: Student, credential: CatalogCredential): Draft {
    const dayIndex = this.pickDay(rng);
    // Mostly school hours (07:30–17:30); one in ten in the evening, up to 22:00.
    const seconds = rng.chance(0.9) ? rng.int(27_000, 63_000) : rng.int(63_000, 79_200);
    const at = this.dayStarts[dayIndex] + seconds * 1000;
    const enteredDay = this.dayNumbers[dayIndex];
    const row: EntryRow = {
      "Entry ID": "",
      "Entered At": new Date(at),
      "Student First Name": student.first,
      "Student Last Name": student.last,
      "Student Email": student.email,
      Credential: credential.credential,
      "Date Earned": this.earnedBefore(rng, enteredDay),
      Program: student.place.program.name,
      Site: student.site.name,
      "Instructor Name": student.place.instructor.name,
      "Instructor Email": student.place.instructor.email,
      Source: pickSource(rng),
      Language: student.language,
    };
    return { row, credential, at, enteredDay };
  }

  /** Moves an entry to an exact local time on a given day of the month (boundary cases). */
  moveTo(rng: Random, draft: Draft, day: number, seconds: number): void {
    const date = this.days[day - 1];
    draft.at = zonedInstant(date, seconds, this.ctx.timeZone);
    draft.row["Entered At"] = new Date(draft.at);
    draft.enteredDay = dayNumber(date);
    draft.row["Date Earned"] = this.earnedBefore(rng, draft.enteredDay);
  }

  /** Usually a few days before entry; now and then the same day. */
  earnedBefore(rng: Random, enteredDay: number): Date {
    return this.midnight(enteredDay - (rng.chance(0.1) ? 0 : rng.int(1, 10)));
  }

  midnight(day: number): Date {
    let instant = this.ctx.midnights.get(day);
    if (instant === undefined) {
      instant = zonedInstant(fromDayNumber(day), 0, this.ctx.timeZone);
      this.ctx.midnights.set(day, instant);
    }
    return new Date(instant);
  }
}

/**
 * A few entries land on the month's edges: the last evening (23:00–23:59:59) and the first
 * minutes after midnight on the 1st, where a month window computed in the wrong zone goes wrong.
 */
function placeOnBoundaries(rng: Random, clock: MonthClock, drafts: Draft[]): void {
  const each = min(3, floor(drafts.length / 8));
  const chosen = new Set<Draft>();
  while (chosen.size < each * 2) chosen.add(drafts[rng.int(0, drafts.length - 1)]);
  [...chosen].forEach((draft, i) => {
    if (i < each) {
      clock.moveTo(rng, draft, clock.days.length, rng.int(82_800, 86_399));
      draft.boundary = "lastEvening";
    } else {
      clock.moveTo(rng, draft, 1, rng.int(0, 1_200));
      draft.boundary = "justAfterMidnight";
    }
  });
}

/**
 * Turns clean entries into the kinds of mistake in `kinds`, in place; returns the extra rows that
 * the duplicate kind adds. An entry carries at most one mistake, and the duplicate paths work on
 * clean agency-badged entries only.
 */
function makeMistakes(
  ctx: GenerationContext,
  rng: Random,
  clock: MonthClock,
  drafts: Draft[],
  kinds: MistakeKind[],
): Draft[] {
  const order = rng.shuffle(drafts.filter((d) => !d.boundary));
  const taken = new Set<Draft>();
  // One cursor per test, so handing out thousands of mistakes stays linear.
  const cursors = new Map<(d: Draft) => boolean, number>();
  const take = (fits: (d: Draft) => boolean, kind: MistakeKind): Draft => {
    let i = cursors.get(fits) ?? 0;
    while (i < order.length && (taken.has(order[i]) || !fits(order[i]))) i++;
    cursors.set(fits, i + 1);
    if (i >= order.length)
      throw new Error(`generateMonth: too few entries for ${kinds.length} bad entries (at ${kind}).`);
    taken.add(order[i]);
    return order[i];
  };
  const anyEntry = () => true;
  const agencyBadged = (d: Draft) => d.credential.badgeIssuer === "Agency" && d.credential.templateId !== "";
  const extra: Draft[] = [];
  for (const kind of kinds) {
    if (!NEEDS_AGENCY_BADGE.has(kind)) {
      const draft = take(anyEntry, kind);
      draft.kind = kind;
      applyMistake(kind, draft.row, {
        rng,
        catalog: CATALOG,
        earnedDaysAfterEntry: (days) => clock.midnight(draft.enteredDay + days),
      });
      continue;
    }
    const original = take(agencyBadged, kind);
    if (kind === "already-badged-in-credly") {
      original.kind = kind;
      ctx.credlyBadges.push(earlierBadge(rng, ctx.organizationId, original));
      continue;
    }
    // The same student and credential reported again, later in the month (often typed after the form).
    const at = min(original.at + rng.int(3_600, 259_200) * 1000, clock.end - 60_000);
    const again: Draft = {
      ...original,
      at,
      row: { ...original.row, "Entered At": new Date(at), Source: rng.pick(SOURCES) },
      kind,
    };
    extra.push(again);
  }
  return extra;
}

/** A badge Credly issued to this student for this credential some months before the entry. */
function earlierBadge(rng: Random, organizationId: string, draft: Draft): SeedBadge {
  const issuedAt = new Date(draft.row["Entered At"].getTime() - rng.int(30, 400) * 86_400_000);
  return {
    id: rng.uuid(),
    organization_id: organizationId,
    badge_template_id: draft.credential.templateId,
    recipient_email: draft.row["Student Email"],
    issued_to_first_name: draft.row["Student First Name"],
    issued_to_last_name: draft.row["Student Last Name"],
    issued_at: issuedAt.toISOString(),
    state: rng.pick(["pending", "accepted", "accepted"] as const),
    locale: draft.row.Language === "es" ? "es-US" : "en",
  };
}
