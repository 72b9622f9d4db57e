import type { FOLLOW_UP_ANSWERS, RETURN_OFFER_ANSWERS } from "~/domain/vocabulary";
import type { OrganizationSize, OrganizationType, WorkAuthorization } from "./schema";
import { CA_ACADEMIC, CA_PART_TIME, US_CREDIT, US_PAID_EVERIFY, US_UNPAID_20H, type DemoSlot, type DemoStudent, type Track } from "./seed-data";

// The earlier cohort: a program term that ended months ago, so the admins' view of the program
// (/admin/insights) has a funnel, outcomes and follow-ups to show on a fresh database. Sixty-four
// students signed up 300–330 days before the seed's `now`; the internships ran from 280 days
// before it, for ten weeks, and the 3- and 6-month follow-ups have been answered (or not).
//
// Nobody here appears where the demo's own people look: the students are out of matching rounds
// and hidden from mentors, their slots are filled or closed (two open ones, of cohort
// organizations, start in six days, before any student could start), and no match or application
// touches a demo person or slot. Addresses are cohort-…@example.org. Plain data, no randomness.

/** The organizations the cohort interned at, one of each kind, with their own mentors. */
export type CohortOrganization = {
  slug: string;
  name: string;
  type: OrganizationType;
  parentInstitution?: string;
  website: string;
  size: OrganizationSize;
  country: "US" | "CA";
  region: string;
  city: string;
  address: string;
  description: string;
  mentors: { email: string; name: string; title: string }[];
};

export const COHORT_ORGANIZATIONS: CohortOrganization[] = [
  {
    slug: "tidewater-analytics",
    name: "Tidewater Analytics",
    type: "startup",
    website: "https://tidewater.example.com",
    size: "11-50",
    country: "US",
    region: "TX",
    city: "Austin",
    address: "501 Congress Avenue, Suite 210",
    description:
      "Tidewater tracks freight for 400 small shippers across the Gulf Coast: where each load is, when it will arrive, and what it cost. A team of 24; interns work on the data platform and the shippers' dashboard.",
    mentors: [
      { email: "cohort-rachel.goldberg@example.org", name: "Rachel Goldberg", title: "Head of data" },
      { email: "cohort-kenneth.achebe@example.org", name: "Kenneth Achebe", title: "Senior frontend engineer" },
    ],
  },
  {
    slug: "prairie-literacy-collective",
    name: "Prairie Literacy Collective",
    type: "nonprofit",
    website: "https://prairieliteracy.example.org",
    size: "11-50",
    country: "CA",
    region: "MB",
    city: "Winnipeg",
    address: "283 Portage Avenue, 4th floor",
    description:
      "A charity that runs after-school reading clubs in 60 Manitoba schools with 900 volunteer readers. Our two-person tech team looks after the club sign-up site, the volunteer schedule and the reading-progress survey.",
    mentors: [{ email: "cohort-marie-claude.fontaine@example.org", name: "Marie-Claude Fontaine", title: "Technology coordinator" }],
  },
  {
    slug: "coastal-ecology-computing",
    name: "Coastal Ecology Computing Group, Cascadia Institute of Technology",
    type: "research_team",
    parentInstitution: "Cascadia Institute of Technology",
    website: "https://coastal-ecology.example.edu",
    size: "11-50",
    country: "US",
    region: "OR",
    city: "Portland",
    address: "Marsh Hall, Room 204, 1900 SW Harbor Way",
    description:
      "A research group that studies Oregon's estuaries with tide gauges, water-quality sondes and drone surveys, and publishes the data openly. Two faculty, five graduate students and undergraduate researchers each term.",
    mentors: [
      { email: "cohort-alicia.navarro@example.org", name: "Alicia Navarro", title: "Associate professor" },
      { email: "cohort-ben.whitehorse@example.org", name: "Ben Whitehorse", title: "Research software engineer" },
    ],
  },
  {
    slug: "blue-heron-bookkeeping",
    name: "Blue Heron Bookkeeping",
    type: "small_business",
    website: "https://blueheronbooks.example.ca",
    size: "1-10",
    country: "CA",
    region: "BC",
    city: "Victoria",
    address: "740 Fort Street, Unit 3",
    description:
      "Seven bookkeepers who keep the accounts of 150 small businesses on Vancouver Island: cafés, boat charters, a brewery, two dental offices. We automate what we can so the bookkeepers can talk to clients.",
    mentors: [{ email: "cohort-wendy.liu@example.org", name: "Wendy Liu", title: "Owner" }],
  },
];

export const COHORT_MENTORS = COHORT_ORGANIZATIONS.flatMap((o) => o.mentors.map((m) => ({ ...m, organization: o.slug })));

const mentorOf = (slug: string, i = 0) => COHORT_ORGANIZATIONS.find((o) => o.slug === slug)!.mentors[i]!.email;

/** Where every filled cohort slot's term falls: days from the seed's `now`. */
export const COHORT_TERM = { publishedDay: -335, deadlineDay: -294, startDay: -280, durationWeeks: 10 };

/** A cohort slot: a demo slot's terms, with its place in the term or, open ones, its own days. */
export type CohortSlot = DemoSlot & { key: string };

const PB_RESEARCH = {
  noExpectationOfPay: "The position is unpaid, as the posting and the agreement with your school say, and earns academic credit or experience only.",
  educationalTraining: "You follow a written learning plan taught by the group's research software engineer: data pipelines, testing, and open-data publishing.",
  tiedToEducation: "It is tied to your program: your faculty adviser approves the plan, and the work becomes a report or a course project.",
  academicCalendar: "Scheduled around your classes within one academic term, with exam weeks off.",
  limitedDuration: "Ten weeks: long enough to learn the methods and finish one piece of work, no longer.",
  complementsStaff: "No staff member is displaced; graduate students review your work, and the task would otherwise wait a year.",
  noJobEntitlement: "There is no promise of a job or a paid position afterwards; the agreement says so.",
};

const PB_SMALL_BUSINESS = {
  noExpectationOfPay: "The placement is unpaid and part of your program's required work term, as the posting and your school's agreement say.",
  educationalTraining: "You learn bookkeeping automation from the owner: how the books work, scripting exports, testing what you automate with real data.",
  tiedToEducation: "Your school's placement office approves it, your instructor sets the learning outcomes, and you are graded on a final report.",
  academicCalendar: "It runs within one term, fitted around your classes and exams.",
  limitedDuration: "Ten weeks, as the program's placement requires, and no longer.",
  complementsStaff: "No bookkeeper's work is replaced; you build tools the team reviews, which would not otherwise be built.",
  noJobEntitlement: "There is no promise of a job afterwards; we say so in the placement agreement.",
};

const PAST = { deadlineInDays: COHORT_TERM.deadlineDay, startAfterDeadlineDays: COHORT_TERM.startDay - COHORT_TERM.deadlineDay, durationWeeks: COHORT_TERM.durationWeeks } as const;

export const COHORT_SLOTS: CohortSlot[] = [
  {
    key: "A",
    organization: "tidewater-analytics",
    title: "Data engineering intern: freight event pipeline",
    description: "Every truck reports its position every five minutes. Help us turn those events into arrival estimates shippers can trust. Remote, twenty hours a week.",
    project: "Build a tested pipeline from raw GPS events to arrival estimates in PostgreSQL, with a data-quality report that runs every night.",
    mentors: [mentorOf("tidewater-analytics", 0)],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "27.00",
    currency: "USD",
    hoursPerWeek: 20,
    ...PAST,
    seats: 4,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Chicago",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "referral", "return_offer"],
    questions: ["Tell us about data you cleaned. What did you find?"],
    status: "filled",
    required: [["python", 2], ["sql", 2]],
    niceToHave: [["pandas", 1], ["postgresql", 1]],
  },
  {
    key: "B",
    organization: "tidewater-analytics",
    title: "Frontend intern: the shippers' delivery dashboard",
    description: "Shippers open our dashboard every morning to see what is late. Make it faster and clearer. Hybrid in Austin, twenty hours a week.",
    project: "Rebuild the late-loads view in React and TypeScript with filters, keyboard navigation and tests, and measure how long it takes a shipper to find a late load.",
    mentors: [mentorOf("tidewater-analytics", 1)],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "25.00",
    currency: "USD",
    hoursPerWeek: 20,
    ...PAST,
    seats: 3,
    workMode: "hybrid",
    country: "US",
    city: "Austin",
    timezone: "America/Chicago",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project", "return_offer"],
    questions: ["Link a web page you built."],
    status: "filled",
    required: [["react", 2], ["typescript", 1]],
    niceToHave: [["css", 2], ["web-accessibility", 1]],
  },
  {
    key: "C",
    organization: "prairie-literacy-collective",
    title: "Reading-club sign-up site: accessible forms and reminders",
    description: "Parents sign their children up for reading clubs on our site, often on a phone. Make the forms easy and send the reminders. Remote, fifteen hours a week, with a stipend.",
    project: "Rework the sign-up forms for phones and screen readers, add email reminders before each club, and write a guide our volunteers can follow.",
    mentors: [mentorOf("prairie-literacy-collective")],
    mentorHoursPerWeek: 2,
    compensation: "stipend",
    // CA$20 an hour over 15 hours × 10 weeks: above Manitoba's minimum wage, so a real stipend.
    stipendAmount: 3000,
    currency: "CAD",
    hoursPerWeek: 15,
    ...PAST,
    seats: 5,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Winnipeg",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "referral", "portfolio_project"],
    questions: ["Tell us about a form you made easier to fill in."],
    status: "filled",
    required: [["html", 2], ["javascript", 1]],
    niceToHave: [["web-accessibility", 1], ["css", 1]],
  },
  {
    key: "D",
    organization: "coastal-ecology-computing",
    title: "Research assistant for credit: tide gauge data quality",
    description: "Our tide gauges drift, and the drift hides in years of data. For a student earning course credit: find it, correct it, and document how. Remote, twelve hours a week.",
    project: "Write tested Python checks for sensor drift and gaps, correct three years of tide-gauge records, and publish the method with the open data.",
    mentors: [mentorOf("coastal-ecology-computing", 0), mentorOf("coastal-ecology-computing", 1)],
    mentorHoursPerWeek: 2,
    compensation: "course_credit",
    hoursPerWeek: 12,
    ...PAST,
    seats: 3,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_CREDIT,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "course_credit", "recommendation_letter", "portfolio_project"],
    questions: ["Which course would this count toward?"],
    learningPlan:
      "Weeks 1–2: the gauges, the data and the group's code, with a guided first check. Weeks 3–6: drift and gap checks in Python, each reviewed. Weeks 7–9: correct three years of records and compare with the reference station. Week 10: write up the method and present it at the group meeting.",
    primaryBeneficiary: PB_RESEARCH,
    status: "filled",
    required: [["python", 2], ["data-cleaning", 1]],
    niceToHave: [["statistics", 1], ["pandas", 1]],
  },
  {
    key: "E",
    organization: "coastal-ecology-computing",
    title: "Unpaid research internship: drone survey maps",
    description: "Each month a drone photographs the marsh. Turn the photographs into maps the ecologists can compare. Remote, twenty hours a week, unpaid, with a learning plan.",
    project: "Build the pipeline from drone photographs to comparable monthly maps, with documentation and a notebook the ecologists can rerun.",
    mentors: [mentorOf("coastal-ecology-computing", 1)],
    mentorHoursPerWeek: 3,
    compensation: "unpaid",
    hoursPerWeek: 20,
    ...PAST,
    seats: 2,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_UNPAID_20H,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "recommendation_letter", "referral", "portfolio_project"],
    questions: ["Have you worked with images or maps in code?"],
    learningPlan:
      "Weeks 1–2: how the surveys are flown and stored, and a first map by hand. Weeks 3–6: the processing pipeline in Python, reviewed weekly. Weeks 7–9: compare months and check against field plots. Week 10: documentation, a rerunnable notebook and a talk to the group.",
    primaryBeneficiary: PB_RESEARCH,
    status: "filled",
    required: [["python", 2]],
    niceToHave: [["numpy", 1], ["data-visualization", 1]],
  },
  {
    key: "F",
    organization: "blue-heron-bookkeeping",
    title: "Work-term placement: automating month-end reports",
    description: "Each month our bookkeepers copy numbers from three systems into a report by hand. For a student on a required work term: automate it. On site in Victoria, sixteen hours a week.",
    project: "Script the month-end exports, build the report in a spreadsheet template, and test it against last year's reports with the bookkeepers.",
    mentors: [mentorOf("blue-heron-bookkeeping")],
    mentorHoursPerWeek: 2,
    compensation: "unpaid",
    hoursPerWeek: 16,
    ...PAST,
    seats: 3,
    workMode: "onsite",
    country: "CA",
    city: "Victoria",
    timezone: "America/Vancouver",
    acceptedAuthorizations: CA_ACADEMIC,
    requiredPlacement: true,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Which program's work term is this for?"],
    learningPlan:
      "Weeks 1–2: how small-business books work and where the numbers come from. Weeks 3–6: scripts for each export, reviewed by the owner. Weeks 7–9: the report template and tests against last year's reports. Week 10: hand-over to the bookkeepers and a final report for your school.",
    academicProgram: "Information and Computer Systems (work term)",
    academicSchool: "Camosun College",
    primaryBeneficiary: PB_SMALL_BUSINESS,
    status: "filled",
    required: [["excel", 2], ["python", 1]],
    niceToHave: [["sql", 1]],
  },
  {
    key: "G",
    organization: "blue-heron-bookkeeping",
    title: "Co-op for credit: client intake form",
    description: "New clients send us their documents by email, in every format. For a co-op student earning credit: build the intake form that asks for the right ones. Remote, twelve hours a week.",
    project: "Design and build a client intake form with uploads and a checklist per kind of business, tested with three clients.",
    mentors: [mentorOf("blue-heron-bookkeeping")],
    mentorHoursPerWeek: 2,
    compensation: "course_credit",
    hoursPerWeek: 12,
    ...PAST,
    seats: 2,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Vancouver",
    acceptedAuthorizations: CA_ACADEMIC,
    requiredPlacement: true,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "course_credit", "recommendation_letter"],
    questions: ["Who is your co-op coordinator?"],
    learningPlan:
      "Weeks 1–2: what new clients send and what the bookkeepers need. Weeks 3–5: the form's design, tested on paper with the team. Weeks 6–9: build it, with uploads and checklists, reviewed weekly. Week 10: test with three clients and hand it over.",
    academicProgram: "Computer Science co-op",
    academicSchool: "University of Victoria",
    primaryBeneficiary: PB_SMALL_BUSINESS,
    status: "filled",
    required: [["html", 2], ["javascript", 1]],
    niceToHave: [["ux-design", 1]],
  },
  {
    key: "I",
    organization: "prairie-literacy-collective",
    title: "Reading-progress survey: clean-up and charts",
    description: "Three years of the reading-progress survey, in three spreadsheets. Clean it and chart it for our board. Remote, ten hours a week, with a stipend.",
    project: "Merge and clean the survey data, chart progress by club, and write a one-page summary for the board.",
    mentors: [mentorOf("prairie-literacy-collective")],
    mentorHoursPerWeek: 1,
    compensation: "stipend",
    stipendAmount: 2000,
    currency: "CAD",
    hoursPerWeek: 10,
    ...PAST,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Winnipeg",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "portfolio_project"],
    questions: [],
    // Nobody was chosen: the board postponed the report.
    status: "closed",
    required: [["excel", 2]],
    niceToHave: [["data-visualization", 1]],
  },
  // Open now. Both start six days after the seed's `now`, before any student is free to start,
  // so neither is proposed in a round nor recommended to anyone.
  {
    key: "H",
    organization: "tidewater-analytics",
    title: "Support tooling intern: carrier onboarding checklist",
    description: "New carriers join us by phone and email, and steps get missed. Build the checklist tool our support team follows. Remote, twenty hours a week, eight weeks.",
    project: "A checklist tool for onboarding a carrier: steps, owners, reminders and a report of what is stuck, built in TypeScript with tests.",
    mentors: [mentorOf("tidewater-analytics", 1)],
    mentorHoursPerWeek: 2,
    compensation: "paid",
    hourlyRate: "24.00",
    currency: "USD",
    hoursPerWeek: 20,
    deadlineInDays: 5,
    startAfterDeadlineDays: 1,
    durationWeeks: 8,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Chicago",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter"],
    questions: [],
    status: "open",
    publishedDaysAgo: 12,
    required: [["typescript", 2]],
    niceToHave: [["nodejs", 1]],
  },
  {
    key: "W",
    organization: "prairie-literacy-collective",
    title: "Volunteer schedule: swap requests by text message",
    description: "Volunteer readers swap club days by phoning us. Let them do it by text message. Remote, ten hours a week for six weeks, with a stipend.",
    project: "Add swap requests by text message to the volunteer schedule, with a confirmation to both volunteers and the club lead.",
    mentors: [mentorOf("prairie-literacy-collective")],
    mentorHoursPerWeek: 1,
    compensation: "stipend",
    stipendAmount: 1500,
    currency: "CAD",
    hoursPerWeek: 10,
    deadlineInDays: 3,
    startAfterDeadlineDays: 3,
    durationWeeks: 6,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Winnipeg",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "portfolio_project"],
    questions: [],
    status: "open",
    publishedDaysAgo: 20,
    required: [["javascript", 2]],
    niceToHave: [["nodejs", 1]],
  },
];

type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];
type ReturnOfferAnswer = (typeof RETURN_OFFER_ANSWERS)[number];

/** How far a student got. Each step includes the ones before it. */
export type CohortStage = "account" | "partial_profile" | "profile" | "applied" | "proposed" | "introduced" | "confirmed" | "started" | "completed";

/** What a completed internship left: promises kept (the student's answers), letter, referral, follow-ups. */
export type CohortAfter = {
  /** A ready letter sent to an employer or school through Steppingstone. */
  letter?: { purpose: "jobs" | "graduate_school"; recipientName: string; recipientEmail: string };
  /** A referral the mentor made, and how it ended. */
  referral?: { company: string; role: string; outcome: "offer" | "not_selected" | "no_answer" };
  /** The student's answer per promised benefit (what the outcome page records). */
  kept: Partial<Record<"recommendation_letter" | "referral" | "portfolio_project" | "course_credit", boolean>>;
  returnOffer: ReturnOfferAnswer;
  /** Answers at 3 and 6 months; null: sent, never answered. */
  at3: FollowUpAnswer | null;
  at6: FollowUpAnswer | null;
  /** The organization named with a paid answer. */
  where?: string;
};

export type CohortStudent = DemoStudent & { stage: CohortStage; slot?: string; after?: CohortAfter };

type Row = [name: string, auth: WorkAuthorization | null, languages: string[], track: Track, stage: CohortStage, slot?: string, after?: CohortAfter];

const US_SCHOOLS = [
  ["University of Texas at Austin", "Austin", "America/Chicago"],
  ["Portland State University", "Portland", "America/Los_Angeles"],
  ["University of Minnesota", "Minneapolis", "America/Chicago"],
  ["University of Colorado Boulder", "Boulder", "America/Denver"],
  ["University of Maryland", "College Park", "America/New_York"],
  ["San José State University", "San José", "America/Los_Angeles"],
  ["Texas A&M University", "College Station", "America/Chicago"],
] as const;
const CA_SCHOOLS = [
  ["University of Manitoba", "Winnipeg", "America/Winnipeg"],
  ["University of Victoria", "Victoria", "America/Vancouver"],
  ["Camosun College", "Victoria", "America/Vancouver"],
  ["University of Ottawa", "Ottawa", "America/Toronto"],
  ["University of Alberta", "Edmonton", "America/Edmonton"],
  ["Toronto Metropolitan University", "Toronto", "America/Toronto"],
] as const;
const PROGRAMS: Record<Track, string> = {
  frontend: "Computer Science",
  backend: "Software Engineering",
  fullstack: "Computer Science",
  data: "Data Science",
  ml: "Computer Science",
  devops: "Information Technology",
  security: "Cybersecurity",
  mobile: "Computer Science",
  qa: "Software Engineering",
  "ux-research": "Human-Computer Interaction",
  web: "Web Development",
};

const letterTo = (recipientName: string, recipientEmail: string, purpose: "jobs" | "graduate_school" = "jobs") => ({ purpose, recipientName, recipientEmail });

// US students: the slots A, B (paid), D (course credit), E (unpaid) are theirs.
const US_ROWS: Row[] = [
  ["Jordan Ellis", "us_citizen_pr", ["English"], "data", "completed", "A", { letter: letterTo("Hiring team, Lonestar Freight", "hiring@lonestar-freight.example"), referral: { company: "Lonestar Freight", role: "Data engineer (new grad)", outcome: "offer" }, kept: { recommendation_letter: true, referral: true }, returnOffer: "yes", at3: "full_time_offer", at6: "full_time_offer", where: "Lonestar Freight" }],
  ["Hyun-woo Lee", "us_f1_stem_opt", ["Korean", "English"], "data", "completed", "A", { letter: letterTo("Talent team, Gulfport Logistics", "talent@gulfport-logistics.example"), kept: { recommendation_letter: true, referral: false }, returnOffer: "no", at3: "still_searching", at6: "full_time_offer", where: "Gulfport Logistics" }],
  ["Kwame Asante", "us_f1_opt_post", ["English", "Twi"], "backend", "completed", "A", { kept: { recommendation_letter: false, referral: false }, returnOffer: "pending", at3: "still_searching", at6: null }],
  ["Dmitri Volkov", "us_f1_stem_opt", ["Russian", "English"], "data", "completed", "A", { letter: letterTo("Graduate admissions, Rice University", "admissions@rice.example", "graduate_school"), referral: { company: "Bayou Energy Data", role: "Data engineering intern", outcome: "not_selected" }, kept: { recommendation_letter: true, referral: true }, returnOffer: "no", at3: "paid_internship", at6: "studying", where: "Harris County Flood Control" }],
  ["Valentina Ruiz", "us_f1_cpt", ["Spanish", "English"], "frontend", "completed", "B", { letter: letterTo("Recruiting, Hill Country Health", "recruiting@hillcountry-health.example"), kept: { recommendation_letter: true, portfolio_project: true }, returnOffer: "yes", at3: "full_time_offer", at6: "full_time_offer", where: "Tidewater Analytics" }],
  ["Ravi Krishnan", "us_f1_opt_pre", ["Tamil", "English"], "frontend", "completed", "B", { kept: { recommendation_letter: true, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: "studying" }],
  ["Bilal Qureshi", "us_f1_stem_opt", ["Urdu", "English"], "fullstack", "completed", "B", { referral: { company: "Riverbend Software", role: "Frontend engineering intern", outcome: "offer" }, kept: { recommendation_letter: false, portfolio_project: true }, returnOffer: "pending", at3: "still_searching", at6: "paid_internship", where: "Riverbend Software" }],
  ["Tenzin Dorje", "us_j1_academic_training", ["Tibetan", "Nepali", "English"], "data", "completed", "D", { letter: letterTo("Graduate admissions, Oregon State University", "gradadmissions@oregonstate.example", "graduate_school"), kept: { course_credit: true, recommendation_letter: true, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: null }],
  ["Lucía Morales", "us_other_ead", ["Spanish", "English"], "data", "completed", "D", { kept: { course_credit: true, recommendation_letter: false, portfolio_project: true }, returnOffer: "no", at3: "paid_internship", at6: "paid_internship", where: "Columbia Riverkeeper" }],
  ["Samantha Brooks", "us_citizen_pr", ["English", "American Sign Language"], "ml", "completed", "D", { letter: letterTo("Talent team, Pacific Coast Weather", "talent@pacific-weather.example"), kept: { course_credit: true, recommendation_letter: true, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: "paid_internship", where: "Pacific Coast Weather" }],
  ["Nadia Rahimi", "us_f1_cpt", ["Dari", "Persian", "English"], "ml", "completed", "E", { letter: letterTo("Hiring team, Skyline Survey", "hiring@skyline-survey.example"), referral: { company: "Skyline Survey", role: "Geospatial analyst", outcome: "offer" }, kept: { recommendation_letter: true, referral: true, portfolio_project: true }, returnOffer: "no", at3: "full_time_offer", at6: "full_time_offer", where: "Skyline Survey" }],
  ["Ifeoma Nwosu", "us_f1_opt_post", ["English", "Igbo"], "data", "completed", "E", { kept: { recommendation_letter: false, referral: false, portfolio_project: false }, returnOffer: "no", at3: "still_searching", at6: "still_searching" }],
  ["Andre Williams", "us_citizen_pr", ["English"], "backend", "started", "A"],
  ["Elijah Thompson", "us_citizen_pr", ["English"], "frontend", "confirmed", "B"],
  ["Haruto Sato", "us_j1_academic_training", ["Japanese", "English"], "data", "introduced", "D"],
  ["Priscila Santos", "us_other_ead", ["Portuguese", "English"], "ml", "introduced", "E"],
  ["Grace O'Connor", "us_citizen_pr", ["English", "Irish"], "data", "introduced", "A"],
  ["Carlos Mendoza", "us_f1_cpt", ["Spanish", "English"], "frontend", "proposed", "B"],
  ["Aaliyah Johnson", "us_citizen_pr", ["English"], "data", "proposed", "D"],
  ["Simran Kaur", "us_f1_opt_pre", ["Punjabi", "Hindi", "English"], "backend", "proposed", "A"],
  ["Mohammed Al-Sayed", "us_f1_cpt", ["Arabic", "English"], "data", "applied", "A"],
  ["Laura Nguyen", "us_citizen_pr", ["English", "Vietnamese"], "frontend", "applied", "B"],
  ["Isabella Costa", "us_j1_academic_training", ["Portuguese", "English", "Spanish"], "data", "applied", "D"],
  ["Tyler Harris", "us_citizen_pr", ["English"], "backend", "applied", "A"],
  ["Esperanza Flores", "us_other_ead", ["Spanish", "English"], "ml", "applied", "E"],
  ["Jamal Robinson", "us_citizen_pr", ["English"], "web", "profile"],
  ["Ngozi Eze", "us_f1_opt_post", ["English", "Igbo"], "data", "profile"],
  ["Viktor Horváth", "not_authorized", ["Hungarian", "English"], "security", "profile"],
  ["Aditi Rao", "us_f1_cpt", ["Kannada", "Hindi", "English"], "fullstack", "profile"],
  ["Min-jun Choi", null, ["Korean", "English"], "mobile", "partial_profile"],
  ["Rebecca Stein", null, ["English", "Hebrew"], "ux-research", "partial_profile"],
  ["Tomasz Nowak", null, ["Polish", "English"], "devops", "account"],
  ["Fatou Diallo", null, ["French", "Wolof", "English"], "data", "account"],
  ["Kenji Watanabe", null, ["Japanese", "English"], "qa", "account"],
];

// Canadian students: the slots C (stipend), F (unpaid work term), G (course credit), I (closed) and W (open).
const CA_ROWS: Row[] = [
  ["Olivia Gagnon", "ca_citizen_pr", ["French", "English"], "web", "completed", "C", { letter: letterTo("Hiring, Red River Web Co.", "hiring@redriverweb.example"), kept: { recommendation_letter: true, referral: false, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: "studying" }],
  ["Arash Karimi", "ca_study_permit", ["Persian", "English"], "frontend", "completed", "C", { letter: letterTo("Talent team, Northern Lights Software", "talent@northernlights.example"), referral: { company: "Northern Lights Software", role: "Junior frontend developer", outcome: "no_answer" }, kept: { recommendation_letter: true, referral: true, portfolio_project: true }, returnOffer: "no", at3: "still_searching", at6: "paid_internship", where: "Assiniboine Credit Union" }],
  ["Chiamaka Obi", "ca_open_work_permit", ["English", "Igbo"], "web", "completed", "C", { kept: { recommendation_letter: true, referral: true, portfolio_project: true }, returnOffer: "no", at3: "still_searching", at6: null }],
  ["Amara Osei", "ca_open_work_permit", ["English", "Twi", "French"], "frontend", "completed", "C", { kept: { recommendation_letter: false, referral: false, portfolio_project: true }, returnOffer: "no", at3: null, at6: "still_searching" }],
  ["Yara Haddad", "ca_study_permit", ["Arabic", "French", "English"], "web", "completed", "C", { letter: letterTo("Co-op office, University of Manitoba", "coop@umanitoba.example", "graduate_school"), kept: { recommendation_letter: true, referral: false, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: "still_searching" }],
  ["Ayesha Siddiqui", "ca_coop_permit", ["Urdu", "English"], "data", "completed", "F", { kept: { recommendation_letter: true, portfolio_project: true }, returnOffer: "no", at3: "studying", at6: "studying" }],
  ["Noah Bergeron", "ca_coop_permit", ["French", "English"], "data", "completed", "F", { kept: { recommendation_letter: false, portfolio_project: true }, returnOffer: "no", at3: "still_searching", at6: "still_searching" }],
  ["Gabriela Pereira", "ca_study_permit", ["Portuguese", "English"], "data", "completed", "F", { kept: { recommendation_letter: false, portfolio_project: false }, returnOffer: "no", at3: "studying", at6: null }],
  ["Liam MacDonald", "ca_citizen_pr", ["English", "Scottish Gaelic"], "web", "completed", "G", { letter: letterTo("Graduate admissions, Dalhousie University", "admissions@dal.example", "graduate_school"), kept: { course_credit: true, recommendation_letter: true }, returnOffer: "no", at3: "studying", at6: "studying" }],
  ["Julia Kowalczyk", "ca_coop_permit", ["Polish", "English"], "frontend", "completed", "G", { kept: { course_credit: true, recommendation_letter: false }, returnOffer: "no", at3: null, at6: "still_searching" }],
  ["Oksana Shevchenko", "ca_open_work_permit", ["Ukrainian", "English"], "web", "started", "C"],
  ["Harpreet Gill", "ca_citizen_pr", ["Punjabi", "English"], "data", "confirmed", "F"],
  ["Sebastián Vargas", "ca_study_permit", ["Spanish", "English"], "web", "introduced", "C"],
  ["Connor Fraser", "ca_citizen_pr", ["English"], "frontend", "introduced", "G"],
  ["Riya Desai", "ca_study_permit", ["Gujarati", "Hindi", "English"], "data", "proposed", "F"],
  ["Maya Cardinal", "ca_citizen_pr", ["English", "Cree"], "web", "proposed", "C"],
  ["Emre Yılmaz", "ca_study_permit", ["Turkish", "English"], "fullstack", "applied", "W"],
  ["Sarah Nakamura", "ca_citizen_pr", ["English", "Japanese"], "frontend", "applied", "C"],
  ["Kavya Reddy", "ca_coop_permit", ["Telugu", "English"], "data", "applied", "F"],
  ["Jean-Philippe Côté", "ca_citizen_pr", ["French", "English"], "data", "applied", "I"],
  ["Nomvula Khumalo", "ca_open_work_permit", ["English", "Zulu"], "web", "applied", "C"],
  ["Andrés Gutiérrez", "ca_study_permit", ["Spanish", "English"], "backend", "profile"],
  ["Zoe Papadopoulos", "ca_citizen_pr", ["Greek", "English"], "ux-research", "profile"],
  ["Farid Hosseini", "not_authorized", ["Persian", "English"], "ml", "profile"],
  ["Elena Popescu", "ca_coop_permit", ["Romanian", "English"], "qa", "profile"],
  ["Lan Pham", null, ["Vietnamese", "English"], "data", "partial_profile"],
  ["Owen Campbell", null, ["English"], "devops", "partial_profile"],
  ["Mathieu Lavoie", null, ["French", "English"], "web", "partial_profile"],
  ["Salma Benali", null, ["Arabic", "French", "English"], "fullstack", "account"],
  ["Ethan Wong", null, ["English", "Cantonese"], "mobile", "account"],
];

/** "Grace O'Connor" → "cohort-grace.oconnor@example.org" (letters without accents, no punctuation). */
export function cohortEmail(name: string) {
  const plain = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z -]/g, "")
    .trim()
    .split(/\s+/)
    .join(".");
  return `cohort-${plain}@example.org`;
}

const POST_COMPLETION: WorkAuthorization[] = ["us_f1_opt_post", "us_f1_stem_opt"];

function toStudent([name, auth, languages, track, stage, slot, after]: Row, index: number, country: "US" | "CA"): CohortStudent {
  const schools = country === "US" ? US_SCHOOLS : CA_SCHOOLS;
  const [school, city, timezone] = schools[index % schools.length]!;
  const graduated = auth !== null && POST_COMPLETION.includes(auth);
  return {
    email: cohortEmail(name),
    name,
    languages,
    school,
    program: PROGRAMS[track],
    degree: graduated || index % 3 === 2 ? "master" : "bachelor",
    graduatesInMonths: graduated ? -(3 + (index % 6)) : 2 + ((index * 5) % 18),
    country,
    city,
    timezone,
    // why: DemoStudent needs a status; the rows without one (no profile, or a profile started
    // but not finished) never write it (see seed-cohort.server.ts).
    workAuthorization: auth ?? (country === "US" ? "us_citizen_pr" : "ca_citizen_pr"),
    track,
    stage,
    ...(slot ? { slot } : {}),
    ...(after ? { after } : {}),
  };
}

export const COHORT_STUDENTS: CohortStudent[] = [...US_ROWS.map((r, i) => toStudent(r, i, "US")), ...CA_ROWS.map((r, i) => toStudent(r, i, "CA"))];

/** The funnel as seeded: students who reached each stage (whatever happened after). */
export const COHORT_STAGES: CohortStage[] = ["account", "partial_profile", "profile", "applied", "proposed", "introduced", "confirmed", "started", "completed"];
export const reached = (student: CohortStudent, stage: CohortStage) => COHORT_STAGES.indexOf(student.stage) >= COHORT_STAGES.indexOf(stage);

/** Why the pairs that stopped did, as the match's closing reason. */
export const COHORT_CLOSING_REASONS: Partial<Record<CohortStage, string[]>> = {
  proposed: ["The slot's mentor had already chosen a student with more SQL.", "The hours did not fit the student's term timetable.", "A closer fit was proposed for the same seat."],
  introduced: ["The student took another offer before the interview.", "The mentor and the student agreed the project did not fit.", "The student's school did not approve the placement in time."],
  confirmed: ["The student's start date moved after a family emergency; they will apply again next term."],
  started: ["The student left after three weeks for a full-time role closer to home."],
};
