import { FIRST_NAMES, LAST_NAMES, mailName, SPANISH_FIRST_NAMES, SPANISH_LAST_NAMES } from "./names";
import { HIGH_SCHOOL_PROGRAMS, PROGRAMS, type ProgramSpec, SKILLS_CENTER_PROGRAMS } from "./programs";
import { type Random, seededRandom } from "./random";

/** The three kinds of reporting site (domain.md "Who reports"). */
export type SiteKind = "Technology center" | "Comprehensive school" | "Skills center";

export interface Instructor {
  name: string;
  email: string;
}

export interface SiteProgram {
  program: ProgramSpec;
  instructor: Instructor;
}

export interface Site {
  /** As instructors write it in the Site column. */
  name: string;
  kind: SiteKind;
  /** Staff addresses. Fictitious `.example.edu` domains: no demo address can reach a real person. */
  staffDomain: string;
  studentDomain: string;
  programs: readonly SiteProgram[];
  /** Relative share of the agency's reported credentials. */
  weight: number;
}

interface SiteSpec {
  name: string;
  kind: SiteKind;
  domain: string;
  programCount: number;
  weight: number;
}

const TECH_CENTER_CAMPUSES: [district: string, domain: string, campuses: string[]][] = [
  ["Autry Technology Center", "autrytech", ["Enid"]],
  ["Canadian Valley Technology Center", "cvtech", ["El Reno", "Chickasha"]],
  ["Central Technology Center", "centraltech", ["Drumright", "Sapulpa"]],
  ["Francis Tuttle Technology Center", "francistuttle", ["Reno Campus", "Rockwell Campus"]],
  ["Great Plains Technology Center", "gptech", ["Lawton", "Frederick"]],
  ["High Plains Technology Center", "hptc", ["Woodward"]],
  ["Indian Capital Technology Center", "ictctech", ["Muskogee", "Tahlequah"]],
  ["Kiamichi Technology Centers", "ktc", ["McAlester", "Poteau"]],
  ["Meridian Technology Center", "meridiantech", ["Stillwater"]],
  ["Metro Technology Centers", "metrotech", ["Springlake Campus"]],
  ["Moore Norman Technology Center", "mntc", ["Franklin Road Campus"]],
  ["Northeast Tech", "netech", ["Pryor", "Afton"]],
  ["Tri County Technology Center", "tricountytech", ["Bartlesville"]],
  ["Tulsa Tech", "tulsatech", ["Lemley Campus", "Broken Arrow Campus"]],
  ["Wes Watkins Technology Center", "wwtech", ["Wetumka"]],
  ["Western Technology Center", "westtech", ["Burns Flat"]],
];

const HIGH_SCHOOLS: [name: string, domain: string][] = [
  ["Stillwater High School", "stillwaterschools"],
  ["Broken Arrow High School", "baschools"],
  ["Norman High School", "normanschools"],
  ["Edmond North High School", "edmondschools"],
  ["Jenks High School", "jenksps"],
  ["Ada High School", "adaschools"],
  ["Guymon High School", "guymonschools"],
];

const SKILLS_CENTERS = ["Lexington", "Granite", "Hominy", "McLoud", "Tecumseh"];

function siteSpecs(): SiteSpec[] {
  const techCenters = TECH_CENTER_CAMPUSES.flatMap(([district, domain, campuses]) =>
    campuses.map((campus) => ({
      name: `${district} — ${campus}`,
      kind: "Technology center" as const,
      domain,
      programCount: 9,
      weight: 6,
    })),
  );
  const highSchools = HIGH_SCHOOLS.map(([name, domain]) => ({
    name,
    kind: "Comprehensive school" as const,
    domain,
    programCount: 4,
    weight: 2,
  }));
  const skillsCenters = SKILLS_CENTERS.map((place) => ({
    name: `Skills Center — ${place}`,
    kind: "Skills center" as const,
    domain: "okskillscenters",
    programCount: 3,
    weight: 1,
  }));
  return [...techCenters, ...highSchools, ...skillsCenters];
}

function programsFor(kind: SiteKind): readonly ProgramSpec[] {
  if (kind === "Technology center") return PROGRAMS;
  const names: readonly string[] = kind === "Skills center" ? SKILLS_CENTER_PROGRAMS : HIGH_SCHOOL_PROGRAMS;
  return PROGRAMS.filter((p) => names.includes(p.name));
}

function instructorFor(rng: Random, domain: string, taken: Set<string>): Instructor {
  const spanish = rng.chance(0.1);
  const first = rng.pick(spanish ? SPANISH_FIRST_NAMES : FIRST_NAMES);
  const last = rng.pick(spanish ? SPANISH_LAST_NAMES : LAST_NAMES);
  let local = `${mailName(first)[0]}${mailName(last)}`;
  for (let n = 2; taken.has(local); n++) local = `${mailName(first)[0]}${mailName(last)}${n}`;
  taken.add(local);
  return { name: `${first} ${last}`, email: `${local}@${domain}` };
}

/**
 * The reporting sites: 25 technology-center campuses, 7 comprehensive high schools and 5 skills
 * centers, each with programs and an instructor per program. The same on every run: sites are
 * the stage, the seed varies the students.
 */
export function buildSites(): Site[] {
  const rng = seededRandom(2022_12);
  // Campuses of one district share a domain, so instructor addresses are kept unique per domain.
  const takenByDomain = new Map<string, Set<string>>();
  return siteSpecs().map((spec) => {
    const staffDomain = `${spec.domain}.example.edu`;
    const taken = takenByDomain.get(staffDomain) ?? new Set<string>();
    takenByDomain.set(staffDomain, taken);
    const offered = rng.shuffle(programsFor(spec.kind)).slice(0, spec.programCount);
    return {
      name: spec.name,
      kind: spec.kind,
      staffDomain,
      studentDomain: spec.kind === "Skills center" ? `learners.${staffDomain}` : `students.${staffDomain}`,
      programs: offered.map((program) => ({ program, instructor: instructorFor(rng, staffDomain, taken) })),
      weight: spec.weight,
    };
  });
}

export const SITES: readonly Site[] = buildSites();
