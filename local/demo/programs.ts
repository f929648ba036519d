/** The six program areas of the agency's programs (domain.md "Who reports"). */
export const PROGRAM_AREAS = [
  "Agricultural Education",
  "Business, Marketing and IT",
  "Family and Consumer Sciences",
  "Health Careers",
  "STEM",
  "Trade and Industrial Education",
] as const;
export type ProgramArea = (typeof PROGRAM_AREAS)[number];

/** A program a site may offer, and the approved credentials its students sit for. */
export interface ProgramSpec {
  name: string;
  area: ProgramArea;
  /** Names exactly as in the catalog; only active credentials a report would accept. */
  credentials: readonly string[];
}

const AG: ProgramArea = "Agricultural Education";
const BMIT: ProgramArea = "Business, Marketing and IT";
const FCS: ProgramArea = "Family and Consumer Sciences";
const HEALTH: ProgramArea = "Health Careers";
const STEM: ProgramArea = "STEM";
const TI: ProgramArea = "Trade and Industrial Education";

const MOS_WORD = "Microsoft Office Specialist: Word";
const MOS_EXCEL = "Microsoft Office Specialist: Excel";
const MOS_PPT = "Microsoft Office Specialist: PowerPoint";
const ESB = "Entrepreneurship and Small Business";
const OSHA10 = "OSHA 10-Hour General Industry";
const NCCER_CORE = "NCCER Core Curriculum";

export const PROGRAMS: readonly ProgramSpec[] = [
  {
    name: "Agricultural Education",
    area: AG,
    credentials: [MOS_WORD, MOS_EXCEL, ESB, OSHA10, "Veterinary Assistant", "Small Gas Engine Technician"],
  },
  { name: "Horticulture", area: AG, credentials: ["Horticulture Assistant", "Florist Assistant", ESB, OSHA10] },
  { name: "Veterinary Assistant", area: AG, credentials: ["Veterinary Assistant", MOS_WORD] },
  {
    name: "Business Management and Administration",
    area: BMIT,
    credentials: [MOS_WORD, MOS_EXCEL, MOS_PPT, "QuickBooks Certified User", ESB, "IC3 Digital Literacy"],
  },
  {
    name: "Computer Repair and Networking",
    area: BMIT,
    credentials: [
      "CompTIA IT Fundamentals+ (ITF+)",
      "CompTIA A+",
      "CompTIA Network+",
      "Cisco Certified Support Technician (CCST)",
      "Google IT Support Professional Certificate",
    ],
  },
  {
    name: "Cybersecurity",
    area: BMIT,
    credentials: [
      "CompTIA Security+",
      "CompTIA Network+",
      "Cisco Certified Support Technician (CCST)",
      "AWS Certified Cloud Practitioner",
    ],
  },
  { name: "Digital Media Design", area: BMIT, credentials: ["Adobe Certified Professional", MOS_PPT] },
  { name: "Culinary Arts", area: FCS, credentials: ["ServSafe Food Handler", "ServSafe Manager", ESB] },
  { name: "Early Care and Education", area: FCS, credentials: ["Early Care and Education Assistant", MOS_WORD] },
  { name: "Family and Consumer Sciences", area: FCS, credentials: ["ServSafe Food Handler", MOS_WORD, MOS_PPT] },
  {
    name: "Health Careers Certification",
    area: HEALTH,
    credentials: [
      "NHA Certified Phlebotomy Technician (CPT)",
      "NHA Certified Clinical Medical Assistant (CCMA)",
      "NHA Certified EKG Technician (CET)",
      "IC3 Digital Literacy",
      MOS_WORD,
    ],
  },
  {
    name: "Emergency Medical Services",
    area: HEALTH,
    credentials: ["NREMT Emergency Medical Responder", "NREMT Emergency Medical Technician"],
  },
  { name: "Pharmacy Technician", area: HEALTH, credentials: ["PTCB Certified Pharmacy Technician (CPhT)", MOS_WORD] },
  {
    name: "Pre-Engineering",
    area: STEM,
    credentials: ["Autodesk Certified User", MOS_EXCEL, "CompTIA IT Fundamentals+ (ITF+)"],
  },
  {
    name: "Computer-Aided Drafting",
    area: STEM,
    credentials: ["Autodesk Certified User", "Adobe Certified Professional"],
  },
  {
    name: "Advanced Manufacturing",
    area: STEM,
    credentials: ["MSSC Certified Production Technician", "NIMS Machining Level I", OSHA10],
  },
  { name: "Welding", area: TI, credentials: [NCCER_CORE, "NCCER Welding Level 1", "Welding Technician", OSHA10] },
  {
    name: "Automotive Service Technology",
    area: TI,
    credentials: ["ASE Entry-Level Automobile Service Technology", OSHA10, "EPA Section 608 Technician"],
  },
  {
    name: "Construction Trades",
    area: TI,
    credentials: [NCCER_CORE, "NCCER Carpentry Level 1", OSHA10, "OSHA 30-Hour Construction"],
  },
  { name: "Electrical Trades", area: TI, credentials: [NCCER_CORE, "NCCER Electrical Level 1", OSHA10] },
  { name: "HVAC/R", area: TI, credentials: ["EPA Section 608 Technician", NCCER_CORE, OSHA10] },
  { name: "Precision Machining", area: TI, credentials: ["NIMS Machining Level I", OSHA10, "Autodesk Certified User"] },
  {
    name: "Small Engine Repair",
    area: TI,
    credentials: ["Small Gas Engine Technician", OSHA10, "IC3 Digital Literacy"],
  },
];

/** Programs a skills center (a correctional or juvenile facility) typically runs. */
export const SKILLS_CENTER_PROGRAMS = [
  "Welding",
  "Construction Trades",
  "Culinary Arts",
  "Small Engine Repair",
  "Business Management and Administration",
] as const;

/** Programs a comprehensive high school typically runs. */
export const HIGH_SCHOOL_PROGRAMS = [
  "Agricultural Education",
  "Business Management and Administration",
  "Family and Consumer Sciences",
  "Pre-Engineering",
  "Health Careers Certification",
  "Computer Repair and Networking",
  "Digital Media Design",
] as const;
