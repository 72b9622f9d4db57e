import type {
  Benefit,
  CompensationPreference,
  Degree,
  OrganizationSize,
  OrganizationType,
  Paperwork,
  PrimaryBeneficiaryAnswers,
  SlotCompensation,
  SlotStatus,
  WorkAuthorization,
  WorkMode,
} from "./schema";

// The demo marketplace: what `npm run dev` shows on a fresh database. Plain data, no database
// access and no randomness: variety comes from each entry's position, so every reseed builds
// the same rows. Dates are days relative to the seed's `now` (see db/seed.server.ts), so
// deadlines and start dates are in the future whenever the seed runs.
// Skill slugs come from the taxonomy migration (db/migrations/0003_skills_taxonomy.sql).

export type DemoMentor = { email: string; name: string };

export type DemoOrganization = {
  slug: string;
  name: string;
  type: OrganizationType;
  /** A research team's university or institute. */
  parentInstitution?: string;
  website: string;
  size: OrganizationSize;
  country: "US" | "CA";
  city: string;
  /** The street address its verification letters print (fictional, like the rest). */
  address: string;
  description: string;
  /** Emails of its mentors; the first one created the organization. */
  mentors: string[];
  verifiedDaysAgo: number;
};

export type DemoSlot = {
  organization: string;
  title: string;
  description: string;
  project: string;
  /** Named mentors (members of the organization); the first one posted the slot. */
  mentors: string[];
  mentorHoursPerWeek: number;
  compensation: SlotCompensation;
  hourlyRate?: string;
  stipendAmount?: number;
  currency?: "USD" | "CAD";
  hoursPerWeek: number;
  /** Days from `now` to the application deadline; the start date follows `startAfterDeadlineDays` later. */
  deadlineInDays: number;
  startAfterDeadlineDays: number;
  durationWeeks: number;
  seats: number;
  workMode: WorkMode;
  country: "US" | "CA";
  city: string | null;
  timezone: string;
  acceptedAuthorizations: WorkAuthorization[];
  paperwork: Paperwork[];
  offers: Benefit[];
  questions: string[];
  learningPlan?: string;
  academicProgram?: string;
  academicSchool?: string;
  /** Canada: a placement the student's program requires. */
  requiredPlacement?: boolean;
  primaryBeneficiary?: PrimaryBeneficiaryAnswers;
  status: SlotStatus;
  /** For open slots: how long ago it was published. */
  publishedDaysAgo?: number;
  /** [slug, minimum level 1–4] */
  required: [string, number][];
  niceToHave: [string, number][];
};

export type DemoStudent = {
  email: string;
  name: string;
  languages: string[];
  school: string;
  program: string;
  degree: Degree;
  /** Months from `now` to graduation. */
  graduatesInMonths: number;
  country: "US" | "CA";
  city: string;
  timezone: string;
  workAuthorization: WorkAuthorization;
  track: Track;
};

export const DEMO_PASSWORD = "steppingstone-demo";

export const DEMO_ADMIN = { email: "admin@example.org", name: "Dana Okafor" };

export const DEMO_MENTORS: DemoMentor[] = [
  { email: "mentor@example.org", name: "Priya Raman" },
  { email: "mentor2@example.org", name: "Marcus Bell" },
  { email: "mentor3@example.org", name: "Sofia Martins" },
  { email: "mentor4@example.org", name: "Amina Yusuf" },
  { email: "mentor5@example.org", name: "Tomás Herrera" },
  { email: "mentor6@example.org", name: "Camille Tremblay" },
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "brightlane-labs",
    name: "Brightlane Labs",
    type: "startup",
    website: "https://brightlane.example.com",
    size: "11-50",
    country: "US",
    city: "Seattle",
    address: "2201 Westlake Avenue, Suite 300",
    description:
      "Brightlane builds a scheduling and progress app for community tutoring programs: 40,000 students and 3,000 volunteer tutors use it each week. We are a team of 18, mostly engineers, and every intern ships to production in their first month.",
    mentors: ["mentor@example.org", "mentor2@example.org"],
    verifiedDaysAgo: 60,
  },
  {
    slug: "harbour-food-network",
    name: "Harbour Food Network",
    type: "nonprofit",
    website: "https://harbourfood.example.org",
    size: "11-50",
    country: "CA",
    city: "Toronto",
    address: "412 Dundas Street East",
    description:
      "A registered charity that connects 70 food banks and community kitchens across the Greater Toronto Area with grocers who donate surplus food. Our small tech team runs the donation site, the volunteer scheduler and the logistics tools our drivers use every day.",
    mentors: ["mentor3@example.org"],
    verifiedDaysAgo: 45,
  },
  {
    slug: "urban-air-lab",
    name: "Urban Air Quality Lab, Lakeshore State University",
    type: "research_team",
    parentInstitution: "Lakeshore State University",
    website: "https://urbanair.example.edu",
    size: "11-50",
    country: "US",
    city: "Chicago",
    address: "Hale Hall, Room 318, 1200 West Lakeshore Drive",
    description:
      "A university research group that runs a network of 300 low-cost air-quality sensors across Chicago neighbourhoods and publishes open data with community partners. Two faculty, six graduate students and a rotating group of undergraduate researchers.",
    mentors: ["mentor4@example.org", "mentor5@example.org"],
    verifiedDaysAgo: 30,
  },
  {
    slug: "maple-pine-web-studio",
    name: "Maple & Pine Web Studio",
    type: "small_business",
    website: "https://mapleandpine.example.com",
    size: "1-10",
    country: "CA",
    city: "Halifax",
    address: "1588 Barrington Street, Unit 2",
    description:
      "A five-person studio that builds and looks after websites and online shops for small businesses in Atlantic Canada: bakeries, fishing outfitters, dental clinics, a ferry company.",
    mentors: ["mentor6@example.org"],
    verifiedDaysAgo: 20,
  },
];

// Who may take a slot, by the rules in DESIGN.md. STEM OPT only where the slot is paid and the
// employer uses E-Verify and signs an I-983; post-completion OPT on unpaid work only at ≥ 20 h.
export const US_PAID_EVERIFY: WorkAuthorization[] = ["us_citizen_pr", "us_f1_cpt", "us_f1_opt_pre", "us_f1_opt_post", "us_f1_stem_opt", "us_j1_academic_training", "us_other_ead"];
export const US_PAID: WorkAuthorization[] = ["us_citizen_pr", "us_f1_cpt", "us_f1_opt_pre", "us_f1_opt_post", "us_j1_academic_training", "us_other_ead"];
export const US_UNPAID_20H: WorkAuthorization[] = ["us_citizen_pr", "us_f1_cpt", "us_f1_opt_pre", "us_f1_opt_post", "us_j1_academic_training", "us_other_ead"];
export const US_CREDIT: WorkAuthorization[] = ["us_citizen_pr", "us_f1_cpt", "us_j1_academic_training", "us_other_ead"];
export const CA_PART_TIME: WorkAuthorization[] = ["ca_citizen_pr", "ca_study_permit", "ca_coop_permit", "ca_open_work_permit"];
// Required placements: since 2026-04-01 study-permit students do them on the study permit.
export const CA_FULL_TIME: WorkAuthorization[] = ["ca_citizen_pr", "ca_study_permit", "ca_coop_permit", "ca_open_work_permit"];
export const CA_ACADEMIC: WorkAuthorization[] = ["ca_citizen_pr", "ca_study_permit", "ca_coop_permit"];

/** The state or province of each demo organization's slots: whose minimum wage applies. */
export const ORGANIZATION_REGIONS: Record<string, string> = { "brightlane-labs": "WA", "harbour-food-network": "ON", "urban-air-lab": "IL", "maple-pine-web-studio": "NS" };

export const DEMO_SLOTS: DemoSlot[] = [
  // ── Brightlane Labs (startup, Seattle) ──────────────────────────────────────────────────
  {
    organization: "brightlane-labs",
    title: "Frontend intern: make the tutor calendar fast and accessible",
    description:
      "Tutors plan their week in our calendar view, and on a school Chromebook it is slow. You will join the web team, pair with Priya twice a week, and own the calendar's performance and keyboard accessibility from profiling to release.",
    project:
      "Profile and rebuild the React calendar view: virtualise long lists, move date maths off the main thread, add full keyboard navigation and screen-reader labels, and measure the result with real-user metrics.",
    mentors: ["mentor@example.org"],
    mentorHoursPerWeek: 4,
    compensation: "paid",
    hourlyRate: "28.00",
    currency: "USD",
    hoursPerWeek: 20,
    deadlineInDays: 21,
    startAfterDeadlineDays: 21,
    durationWeeks: 12,
    seats: 2,
    workMode: "hybrid",
    country: "US",
    city: "Seattle",
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "return_offer", "portfolio_project"],
    questions: ["Tell us about a web page you made faster. What did you measure?", "Which days could you be in our Seattle office?"],
    status: "open",
    publishedDaysAgo: 3,
    required: [["react", 2], ["typescript", 2], ["css", 2]],
    niceToHave: [["web-accessibility", 1], ["web-performance", 1], ["vitest", 1]],
  },
  {
    organization: "brightlane-labs",
    title: "Backend intern: reminder and notification service",
    description:
      "Missed sessions are our tutors' biggest frustration. We want reminders by email, SMS and push that respect time zones and quiet hours. Full-time over the summer, remote anywhere in the US, with a weekly one-to-one and daily stand-up.",
    project:
      "Design and build a notification service in TypeScript on Node.js and PostgreSQL: a job queue with retries, per-user preferences, time-zone-aware scheduling and a delivery log, with tests and a dashboard.",
    mentors: ["mentor2@example.org", "mentor@example.org"],
    mentorHoursPerWeek: 5,
    compensation: "paid",
    hourlyRate: "30.00",
    currency: "USD",
    hoursPerWeek: 40,
    deadlineInDays: 28,
    startAfterDeadlineDays: 28,
    durationWeeks: 12,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "referral", "return_offer"],
    questions: ["Describe a bug you chased across more than one system.", "What would you want to learn from this internship?"],
    status: "open",
    publishedDaysAgo: 9,
    required: [["typescript", 2], ["nodejs", 2], ["postgresql", 2]],
    niceToHave: [["docker", 1], ["redis", 1], ["rest-api", 2]],
  },
  {
    organization: "brightlane-labs",
    title: "QA automation intern: end-to-end tests for sign-up and booking",
    description:
      "Our releases depend on a handful of manual checks. Help us replace them with Playwright journeys that run on every pull request. Part-time and remote, with a stipend, so it fits next to your classes.",
    project:
      "Write Playwright journeys for sign-up, booking and cancelling a session; set up test data factories; run them in GitHub Actions with traces on failure; document how the team writes new ones.",
    mentors: ["mentor2@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "stipend",
    stipendAmount: 3000,
    currency: "USD",
    hoursPerWeek: 15,
    deadlineInDays: 14,
    startAfterDeadlineDays: 14,
    durationWeeks: 10,
    seats: 2,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Have you written automated tests before? Link to some if you can."],
    status: "open",
    publishedDaysAgo: 16,
    required: [["javascript", 2], ["playwright", 1]],
    niceToHave: [["github-actions", 1], ["test-automation", 1], ["typescript", 1]],
  },
  {
    organization: "brightlane-labs",
    title: "Data analytics intern: learning-outcomes dashboard for tutoring programs",
    description:
      "Program coordinators ask us whether tutoring is working. Build the dashboard that answers them honestly, with the caveats a careful analyst would add.",
    project:
      "Model session and assessment data in SQL, build a dashboard of attendance and progress per program, and write a short methods note on what the numbers can and cannot show.",
    mentors: ["mentor@example.org"],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "26.00",
    currency: "USD",
    hoursPerWeek: 20,
    deadlineInDays: 35,
    startAfterDeadlineDays: 14,
    durationWeeks: 12,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Show us a chart you made and tell us what it does not show."],
    status: "open",
    publishedDaysAgo: 24,
    required: [["sql", 2], ["data-analysis", 2]],
    niceToHave: [["python", 1], ["data-visualization", 2], ["statistics", 1]],
  },
  {
    organization: "brightlane-labs",
    title: "Mobile intern: offline mode for the tutor app",
    description:
      "Many of our tutors meet students in library basements with no signal. Join the mobile team in our Seattle office for the summer and make the app work without a connection.",
    project:
      "Add an offline cache and a sync queue to the React Native app: attendance and notes saved locally, conflicts resolved on reconnect, and tests that simulate a flaky network.",
    mentors: ["mentor@example.org", "mentor2@example.org"],
    mentorHoursPerWeek: 4,
    compensation: "paid",
    hourlyRate: "32.00",
    currency: "USD",
    hoursPerWeek: 40,
    deadlineInDays: 30,
    startAfterDeadlineDays: 21,
    durationWeeks: 12,
    seats: 1,
    workMode: "onsite",
    country: "US",
    city: "Seattle",
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "referral", "return_offer"],
    questions: ["Which mobile app have you built or contributed to?", "Can you be in Seattle for the whole summer?"],
    status: "open",
    publishedDaysAgo: 5,
    required: [["react-native", 2], ["typescript", 2]],
    niceToHave: [["expo", 1], ["sqlite", 1], ["ios", 1], ["android", 1]],
  },

  // ── Harbour Food Network (nonprofit, Toronto) ──────────────────────────────────────────────
  {
    organization: "harbour-food-network",
    title: "Accessibility audit of our donation site",
    description:
      "Older donors and donors who use screen readers tell us our donation form is hard to use. For a student in a program that grants credit for a field placement: audit the site against WCAG 2.2 AA, fix what you can, and leave us a plan for the rest.",
    project:
      "Audit the donation site with automated tools and by hand (keyboard, NVDA, VoiceOver, zoom), test with three donors who use assistive technology, fix the most serious issues in our Next.js code, and write a prioritised report our volunteers can act on.",
    mentors: ["mentor3@example.org"],
    mentorHoursPerWeek: 3,
    compensation: "course_credit",
    hoursPerWeek: 12,
    deadlineInDays: 18,
    startAfterDeadlineDays: 24,
    durationWeeks: 12,
    seats: 2,
    workMode: "hybrid",
    country: "CA",
    city: "Toronto",
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_ACADEMIC,
    requiredPlacement: true,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "course_credit", "recommendation_letter", "portfolio_project"],
    questions: ["Which course would this placement count toward, and who is your faculty supervisor?", "Have you used a screen reader before?"],
    learningPlan:
      "Weeks 1–2: WCAG 2.2 principles, assistive-technology basics, and a guided audit of one page with Sofia. Weeks 3–6: full audit of the donation journey; weekly review of findings. Weeks 7–10: fix the highest-impact issues in code, with code review on every change. Weeks 11–12: usability sessions with donors, final report and a presentation to our board. Learning goals agreed with your faculty supervisor at the start and reviewed at week 6.",
    academicProgram: "Computer Programming and Analysis (field placement)",
    academicSchool: "George Brown College",
    primaryBeneficiary: {
      noExpectationOfPay: "The placement is unpaid and earns course credit; this is stated in the posting and in the placement agreement with your school.",
      educationalTraining: "You follow a learning plan set with your faculty supervisor: accessibility standards, testing methods and code review, taught by a mentor who does this work.",
      tiedToEducation: "It is part of your program's credit-bearing field placement; your school signs the agreement and grades the final report.",
      academicCalendar: "Twelve hours a week, scheduled around your classes, within one academic term; exam weeks are off.",
      limitedDuration: "Twelve weeks: enough to learn audit methods and apply them to one real site, no longer.",
      complementsStaff: "No staff member does accessibility work today, and no paid role is replaced; our developer reviews your changes but the audit would not otherwise happen this year.",
      noJobEntitlement: "There is no promise of a job at the end; we say so in the agreement. You keep the report for your portfolio.",
    },
    status: "open",
    publishedDaysAgo: 11,
    required: [["html", 2], ["web-accessibility", 1]],
    niceToHave: [["css", 2], ["react", 1], ["usability-testing", 1]],
  },
  {
    organization: "harbour-food-network",
    title: "Volunteer scheduling app: shift swaps in React Native",
    description:
      "Our 1,200 volunteers sort food in three warehouses. They swap shifts by text message today. Build the feature that lets them do it in our app, with a stipend and a mentor from our tech team.",
    project: "Add shift swaps to the volunteer app: request, accept, notify the shift lead, and keep a history; with an Expo build our volunteers can test.",
    mentors: ["mentor3@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "stipend",
    // CA$18.33 an hour over 15 hours × 12 weeks: above Ontario's minimum wage, so a real stipend.
    stipendAmount: 3300,
    currency: "CAD",
    hoursPerWeek: 15,
    deadlineInDays: 25,
    startAfterDeadlineDays: 20,
    durationWeeks: 12,
    seats: 1,
    workMode: "hybrid",
    country: "CA",
    city: "Toronto",
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Have you volunteered somewhere? What made scheduling easy or hard?"],
    status: "open",
    publishedDaysAgo: 20,
    required: [["react-native", 1], ["javascript", 2]],
    niceToHave: [["expo", 1], ["firebase", 1], ["ux-design", 1]],
  },
  {
    organization: "harbour-food-network",
    title: "Donor data clean-up and reporting in SQL",
    description:
      "Fifteen years of donor records in three systems, with duplicates everywhere. For a student whose program includes a placement: clean it up, carefully, and give our fundraising team reports they trust.",
    project: "De-duplicate and merge donor records with documented rules, move them into PostgreSQL, and build monthly giving reports with a data-quality check that runs every night.",
    mentors: ["mentor3@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "unpaid",
    hoursPerWeek: 10,
    deadlineInDays: 40,
    startAfterDeadlineDays: 21,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_ACADEMIC,
    requiredPlacement: true,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Which course or co-op requirement would this placement be part of?"],
    learningPlan:
      "Weeks 1–2: data protection basics for charities and a tour of our donor systems. Weeks 3–5: profiling and matching rules, reviewed with Sofia before anything is merged. Weeks 6–8: migration to PostgreSQL and tests. Weeks 9–10: reports, documentation and a hand-over session.",
    academicProgram: "Data Science and Analytics (required practicum)",
    academicSchool: "Toronto Metropolitan University",
    primaryBeneficiary: {
      noExpectationOfPay: "Unpaid, and only as part of an academic placement; both are stated up front.",
      educationalTraining: "You learn data profiling, record linkage and SQL reporting with a mentor who reviews each step.",
      tiedToEducation: "Only open to students whose program requires or credits a placement; your school signs the agreement.",
      academicCalendar: "Ten hours a week during one term, planned around your classes.",
      limitedDuration: "Ten weeks, within one term: long enough to finish the clean-up and hand it over, no longer.",
      complementsStaff: "We have no data staff; this is work that would not be done this year, and no employee's hours are reduced.",
      noJobEntitlement: "No job is promised at the end, and the agreement says so.",
    },
    status: "pending_review",
    required: [["sql", 2], ["data-cleaning", 1]],
    niceToHave: [["postgresql", 1], ["python", 1], ["excel", 2]],
  },
  {
    organization: "harbour-food-network",
    title: "Cloud cost review and infrastructure as code (co-op term)",
    description:
      "Our servers grew one click at a time. For a full-time co-op term: put them in code, cut what we do not need, and document it so the next volunteer can understand it.",
    project: "Inventory our AWS account, write the infrastructure in Terraform, set up budgets and alerts, and move two services to managed options with a tested rollback.",
    mentors: ["mentor3@example.org"],
    mentorHoursPerWeek: 4,
    compensation: "paid",
    hourlyRate: "23.00",
    currency: "CAD",
    hoursPerWeek: 35,
    deadlineInDays: 45,
    startAfterDeadlineDays: 30,
    durationWeeks: 16,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_FULL_TIME,
    requiredPlacement: true,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "referral"],
    questions: ["Which co-op term is this for (e.g. Summer, Fall)?", "Tell us about something you automated."],
    status: "open",
    publishedDaysAgo: 2,
    required: [["aws", 1], ["terraform", 1], ["linux", 2]],
    niceToHave: [["docker", 1], ["github-actions", 1], ["bash", 2]],
  },
  {
    organization: "harbour-food-network",
    title: "Grant-reporting automation",
    description: "Draft: we are still scoping this with our grants manager.",
    project: "Pull delivery numbers from our logistics database into the quarterly reports our funders ask for.",
    mentors: ["mentor3@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "stipend",
    stipendAmount: 1500,
    currency: "CAD",
    hoursPerWeek: 8,
    deadlineInDays: 60,
    startAfterDeadlineDays: 21,
    durationWeeks: 8,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "portfolio_project"],
    questions: [],
    status: "draft",
    required: [["python", 1]],
    niceToHave: [["sql", 1]],
  },

  // ── Urban Air Quality Lab (university research team, Chicago) ─────────────────────────────
  {
    organization: "urban-air-lab",
    title: "Data pipeline for a city-wide air-quality sensor network",
    description:
      "Our 300 sensors send a reading every minute, and our nightly scripts break about once a week. Join the lab as a paid research assistant and build the pipeline our papers and our community partners depend on.",
    project:
      "Replace cron scripts with an Airflow pipeline: ingest sensor readings, flag faulty sensors, calibrate against reference monitors, and publish hourly open data with tests and data-quality checks.",
    mentors: ["mentor5@example.org", "mentor4@example.org"],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "22.00",
    currency: "USD",
    hoursPerWeek: 20,
    deadlineInDays: 20,
    startAfterDeadlineDays: 25,
    durationWeeks: 16,
    seats: 2,
    workMode: "hybrid",
    country: "US",
    city: "Chicago",
    timezone: "America/Chicago",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Tell us about data you cleaned that fought back.", "Are you interested in graduate research?"],
    status: "open",
    publishedDaysAgo: 7,
    required: [["python", 2], ["sql", 2]],
    niceToHave: [["airflow", 1], ["pandas", 2], ["postgresql", 1], ["docker", 1]],
  },
  {
    organization: "urban-air-lab",
    title: "Machine-learning research: forecasting pollution episodes",
    description:
      "An independent-study project for course credit: can we warn neighbourhoods a day ahead of a bad-air day? You will work with a PhD student on a question the lab has not answered yet.",
    project:
      "Build baseline and machine-learning forecasts of PM2.5 episodes from sensor, weather and traffic data, evaluate them honestly against persistence, and write up the results as a workshop-paper draft.",
    mentors: ["mentor5@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "course_credit",
    hoursPerWeek: 10,
    deadlineInDays: 16,
    startAfterDeadlineDays: 18,
    durationWeeks: 14,
    seats: 2,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Chicago",
    acceptedAuthorizations: US_CREDIT,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "course_credit", "recommendation_letter", "portfolio_project"],
    questions: ["Which course number would this independent study count toward?", "Describe a model you trained and how you evaluated it."],
    learningPlan:
      "Weeks 1–3: reading group on air-quality forecasting and a reproducible baseline. Weeks 4–8: feature engineering and models (gradient boosting, a small sequence model), weekly meeting with Tomás. Weeks 9–12: evaluation by neighbourhood and season, error analysis. Weeks 13–14: write-up in the lab's paper template, presented at lab meeting; Dr. Yusuf reviews the draft.",
    primaryBeneficiary: {
      noExpectationOfPay: "This is an independent study for academic credit, unpaid by design, as the posting says.",
      educationalTraining: "You learn research methods — literature review, baselines, evaluation, writing — in the way a graduate course would teach them.",
      tiedToEducation: "Credit is granted by your department for a registered independent-study course; the lab's faculty member is your instructor of record or co-supervisor.",
      academicCalendar: "Ten hours a week within one semester; the deadlines follow your semester's calendar.",
      limitedDuration: "Fourteen weeks, one semester.",
      complementsStaff: "The question is exploratory and not part of any funded deliverable; no research assistant's paid work is displaced.",
      noJobEntitlement: "No position is promised; students who do well are told about paid openings like anyone else.",
    },
    status: "open",
    publishedDaysAgo: 13,
    required: [["python", 2], ["machine-learning", 1]],
    niceToHave: [["time-series", 1], ["scikit-learn", 2], ["pandas", 2], ["statistics", 2]],
  },
  {
    organization: "urban-air-lab",
    title: "Research software intern: reproducible analysis in Python",
    description:
      "Our analysis lives in notebooks that only their authors can run. Unpaid, 20 hours a week, remote, with a named mentor and a learning plan: turn them into a package other labs can use.",
    project: "Refactor the lab's calibration notebooks into a tested Python package with documentation, continuous integration and a versioned release on our open-data site.",
    mentors: ["mentor4@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "unpaid",
    hoursPerWeek: 20,
    deadlineInDays: 24,
    startAfterDeadlineDays: 21,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Chicago",
    acceptedAuthorizations: US_UNPAID_20H,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Link to Python code you are proud of.", "How does this relate to your major?"],
    learningPlan:
      "Weeks 1–2: packaging, testing and documentation practice on a toy module, reviewed by Dr. Yusuf. Weeks 3–7: refactor the calibration notebooks one at a time, each with tests and review. Weeks 8–9: CI, documentation site and a release. Week 10: present to the lab and write a short guide for future contributors.",
    primaryBeneficiary: {
      noExpectationOfPay: "Unpaid, stated in the posting; you may stop at any time.",
      educationalTraining: "You learn research software engineering (packaging, testing, CI, documentation) with weekly code review.",
      tiedToEducation: "We work with your school to count it where possible (for example as CPT with credit, or a practicum); we sign any forms your school needs.",
      academicCalendar: "Planned in a break or around your classes; we adjust weeks to your calendar.",
      limitedDuration: "Ten weeks, agreed before you start; we do not extend it into unpaid open-ended work.",
      complementsStaff: "Our graduate students keep doing the research; this is maintenance no one is paid to do and no paid role is cut.",
      noJobEntitlement: "No job is promised at the end; paid lab openings are advertised to everyone.",
    },
    status: "open",
    publishedDaysAgo: 27,
    required: [["python", 2], ["git", 2]],
    niceToHave: [["pytest", 1], ["github-actions", 1], ["reproducible-research", 1], ["jupyter", 2]],
  },
  {
    organization: "urban-air-lab",
    title: "Community survey data visualization",
    description:
      "We asked 2,000 residents how air quality affects their lives. Help us show the answers back to them in their neighbourhoods, in English and Spanish.",
    project: "Clean the survey data, build an accessible interactive site with maps and charts, and co-design it with two community organizations.",
    mentors: ["mentor4@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "stipend",
    stipendAmount: 2000,
    currency: "USD",
    hoursPerWeek: 10,
    deadlineInDays: 12,
    startAfterDeadlineDays: 16,
    durationWeeks: 10,
    seats: 1,
    workMode: "onsite",
    country: "US",
    city: "Chicago",
    timezone: "America/Chicago",
    acceptedAuthorizations: US_PAID,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Show us a visualization you made for people who are not specialists."],
    status: "open",
    publishedDaysAgo: 33,
    required: [["data-visualization", 2], ["javascript", 1]],
    niceToHave: [["d3", 1], ["survey-design", 1], ["web-accessibility", 1]],
  },
  {
    organization: "urban-air-lab",
    title: "Sensor-placement analysis with PostgreSQL and Python",
    description: "Where should the next 50 sensors go? An unpaid, credit-eligible analysis project with the lab's spatial data.",
    project: "Join sensor, census and land-use data in PostgreSQL, model coverage gaps, and recommend placements with a clear write-up of the trade-offs.",
    mentors: ["mentor5@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "unpaid",
    hoursPerWeek: 12,
    deadlineInDays: 38,
    startAfterDeadlineDays: 20,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Chicago",
    acceptedAuthorizations: US_CREDIT,
    paperwork: ["cpt_offer_letter"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["What spatial or census data have you worked with?"],
    learningPlan:
      "Weeks 1–2: the lab's data and spatial SQL basics. Weeks 3–6: coverage model with Tomás, reviewed weekly. Weeks 7–9: scenarios and sensitivity analysis. Week 10: recommendation memo and lab presentation.",
    primaryBeneficiary: {
      noExpectationOfPay: "Unpaid, as stated; we encourage you to register it for credit.",
      educationalTraining: "You learn spatial analysis and how to write a recommendation a city can act on.",
      tiedToEducation: "Open to students who can register it as an independent study or CPT with credit; we sign the forms.",
      academicCalendar: "Twelve hours a week within one term.",
      limitedDuration: "Ten weeks, one term, ending with the recommendation memo.",
      complementsStaff: "The placement decision is made by faculty; this analysis informs it and replaces no paid work.",
      noJobEntitlement: "No job or assistantship is promised, and we say so before you start.",
    },
    status: "pending_review",
    required: [["sql", 2], ["python", 2]],
    niceToHave: [["postgresql", 2], ["statistics", 1], ["data-visualization", 1]],
  },

  // ── Maple & Pine Web Studio (small business, Halifax) ──────────────────────────────────────
  {
    organization: "maple-pine-web-studio",
    title: "Junior web developer intern: faster online shops",
    description:
      "Our clients' shops load slowly on rural connections, and they lose sales. Work in our Halifax studio two days a week, remote the rest, and make them fast.",
    project: "Audit Core Web Vitals for five client shops, fix images, fonts and scripts, add performance budgets to their builds, and report the before and after to each client.",
    mentors: ["mentor6@example.org"],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "21.00",
    currency: "CAD",
    hoursPerWeek: 24,
    deadlineInDays: 15,
    startAfterDeadlineDays: 15,
    durationWeeks: 12,
    seats: 1,
    workMode: "hybrid",
    country: "CA",
    city: "Halifax",
    timezone: "America/Halifax",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "referral", "return_offer"],
    questions: ["Which site would you like to make faster, and how would you start?"],
    status: "open",
    publishedDaysAgo: 4,
    required: [["html", 2], ["css", 2], ["javascript", 2]],
    niceToHave: [["web-performance", 1], ["chrome-devtools", 1], ["responsive-design", 2]],
  },
  {
    organization: "maple-pine-web-studio",
    title: "Migrate client sites to Astro",
    description: "Move three brochure sites from an old CMS to Astro, with a content workflow the clients can use themselves. Remote within Canada.",
    project: "Rebuild three client sites in Astro with Markdown content, redirects for every old URL, accessibility checks in CI, and a one-page guide for each client.",
    mentors: ["mentor6@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "paid",
    hourlyRate: "20.00",
    currency: "CAD",
    hoursPerWeek: 20,
    deadlineInDays: 22,
    startAfterDeadlineDays: 14,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Halifax",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Have you used a static-site generator? Which one?"],
    status: "open",
    publishedDaysAgo: 18,
    required: [["html", 2], ["javascript", 1]],
    niceToHave: [["astro", 1], ["git", 2], ["technical-writing", 1]],
  },
  {
    organization: "maple-pine-web-studio",
    title: "IT support and cloud backup intern",
    description: "Help the studio and three client offices keep their laptops patched, their backups tested and their accounts safe. Onsite in Halifax.",
    project: "Set up automated, tested backups, enforce two-factor sign-in, write the studio's recovery runbook, and run a restore drill with each client.",
    mentors: ["mentor6@example.org"],
    mentorHoursPerWeek: 2,
    compensation: "paid",
    hourlyRate: "19.50",
    currency: "CAD",
    hoursPerWeek: 16,
    deadlineInDays: 26,
    startAfterDeadlineDays: 12,
    durationWeeks: 12,
    seats: 1,
    workMode: "onsite",
    country: "CA",
    city: "Halifax",
    timezone: "America/Halifax",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "referral"],
    questions: ["Tell us about a time you fixed someone's computer problem."],
    status: "open",
    publishedDaysAgo: 30,
    required: [["linux", 1], ["networking", 1]],
    niceToHave: [["powershell", 1], ["bash", 1], ["identity-access-management", 1]],
  },
];

/** The kinds of student in the demo; each picks skills, coursework and projects from here. */
export type Track = "frontend" | "backend" | "fullstack" | "data" | "ml" | "devops" | "security" | "mobile" | "qa" | "ux-research" | "web";

export const TRACKS: Record<Track, { skills: string[]; coursework: string; projects: { title: string; description: string; repo: string }[] }> = {
  frontend: {
    skills: ["javascript", "react", "typescript", "css", "html", "web-accessibility", "tailwind-css", "vitest"],
    coursework: "Web Development, Human-Computer Interaction, Data Structures, Software Engineering",
    projects: [
      { title: "Campus events finder", description: "A React app that merges club calendars; I built the filters and made it work with a keyboard and a screen reader.", repo: "campus-events" },
      { title: "Accessible recipe site", description: "Rebuilt a cooking blog's templates to pass WCAG AA; Lighthouse accessibility went from 61 to 100.", repo: "recipes-a11y" },
      { title: "Budget tracker", description: "A TypeScript single-page app with charts and offline storage, tested with Vitest.", repo: "budget-tracker" },
    ],
  },
  backend: {
    skills: ["python", "nodejs", "postgresql", "rest-api", "docker", "typescript", "redis", "unit-testing"],
    coursework: "Databases, Operating Systems, Computer Networks, Distributed Systems",
    projects: [
      { title: "Library booking API", description: "A REST API in Node.js and PostgreSQL for study-room bookings, with rate limiting and integration tests.", repo: "room-booking-api" },
      { title: "URL shortener with analytics", description: "A Flask service with Redis caching, deployed in Docker; handles 2,000 requests a second in a load test.", repo: "short-links" },
      { title: "Course waitlist notifier", description: "Polls the registrar and emails students when a seat opens; a queue with retries so no one is notified twice.", repo: "waitlist-notifier" },
    ],
  },
  fullstack: {
    skills: ["javascript", "typescript", "react", "nodejs", "postgresql", "nextjs", "git", "docker"],
    coursework: "Web Applications, Databases, Software Engineering, Algorithms",
    projects: [
      { title: "Tutoring marketplace (class project)", description: "A Next.js and PostgreSQL app where students book peer tutors; I led the team of four and did the payments flow.", repo: "peer-tutors" },
      { title: "Neighbourhood tool library", description: "A full-stack app to lend tools between neighbours, with sign-in, search and reminders.", repo: "tool-library" },
      { title: "Hackathon: bus arrival board", description: "A live arrival display for our campus shuttle from the city's open GTFS feed, built in 24 hours.", repo: "shuttle-board" },
    ],
  },
  data: {
    skills: ["python", "sql", "pandas", "data-visualization", "data-cleaning", "postgresql", "airflow", "excel"],
    coursework: "Statistics, Database Systems, Data Mining, Data Visualization",
    projects: [
      { title: "Transit ridership dashboard", description: "Cleaned five years of open transit data and built a dashboard of ridership recovery by route.", repo: "transit-ridership" },
      { title: "Food-price tracker", description: "A scheduled scraper and pipeline that tracks grocery prices and flags unusual jumps.", repo: "food-prices" },
      { title: "Survey analysis for a student union", description: "Analysed 1,400 responses on housing costs and presented the results to the university senate.", repo: "housing-survey" },
    ],
  },
  ml: {
    skills: ["python", "machine-learning", "pytorch", "scikit-learn", "numpy", "pandas", "statistics", "time-series"],
    coursework: "Machine Learning, Linear Algebra, Probability, Deep Learning",
    projects: [
      { title: "Crop disease classifier", description: "Fine-tuned a vision model on leaf images; 91% accuracy, with an error analysis by lighting condition.", repo: "leaf-disease" },
      { title: "Energy demand forecasting", description: "Compared seasonal baselines, gradient boosting and an LSTM on a city's hourly demand.", repo: "demand-forecast" },
      { title: "Course-review topic model", description: "Topic modelling of 30,000 course reviews to find what students praise and complain about.", repo: "review-topics" },
    ],
  },
  devops: {
    skills: ["linux", "docker", "aws", "terraform", "github-actions", "bash", "kubernetes", "python"],
    coursework: "Operating Systems, Cloud Computing, Computer Networks, Systems Administration",
    projects: [
      { title: "Homelab with Kubernetes", description: "A three-node k3s cluster on old laptops running my club's website, with monitoring and backups.", repo: "homelab" },
      { title: "Terraform for a student club", description: "Moved the robotics club's servers to Terraform and cut their cloud bill by 40%.", repo: "club-infra" },
      { title: "CI for a research group", description: "GitHub Actions pipelines that test and publish a lab's analysis code on every push.", repo: "lab-ci" },
    ],
  },
  security: {
    skills: ["network-security", "linux", "python", "owasp", "wireshark", "application-security", "burp-suite", "threat-modeling"],
    coursework: "Computer Security, Cryptography, Networks, Secure Software Development",
    projects: [
      { title: "Capture-the-flag team", description: "Web and forensics challenges with my university's CTF team; we placed in the top 10% at two competitions.", repo: "ctf-writeups" },
      { title: "Phishing-awareness site", description: "A small site and workshop for first-year students on spotting phishing, run with the IT department.", repo: "phish-aware" },
      { title: "Password manager audit", description: "Threat model and security review of an open-source password manager, with two reported issues fixed upstream.", repo: "pm-audit" },
    ],
  },
  mobile: {
    skills: ["react-native", "javascript", "typescript", "kotlin", "swift", "expo", "firebase", "android"],
    coursework: "Mobile Application Development, Software Engineering, Human-Computer Interaction, Databases",
    projects: [
      { title: "Study-buddy app", description: "A React Native app that matches classmates for study sessions; 300 students used it in one term.", repo: "study-buddy" },
      { title: "Offline field notes", description: "An Android app in Kotlin for ecology field notes that syncs when it finds a connection.", repo: "field-notes" },
      { title: "Bus pass wallet", description: "An Expo app that stores a transit pass and warns before it expires.", repo: "pass-wallet" },
    ],
  },
  qa: {
    skills: ["javascript", "test-automation", "playwright", "cypress", "manual-testing", "selenium", "github-actions", "jira"],
    coursework: "Software Testing, Software Engineering, Web Development, Databases",
    projects: [
      { title: "End-to-end tests for an open-source app", description: "Added 40 Playwright tests to an open-source note-taking app; two real bugs found and fixed.", repo: "e2e-contrib" },
      { title: "Test plan for a campus app", description: "Wrote and ran the test plan for the student union's app before launch; 60 issues logged and triaged.", repo: "campus-app-testplan" },
      { title: "Flaky-test detector", description: "A script that reruns a suite and reports which tests flip, used by my capstone team.", repo: "flaky-finder" },
    ],
  },
  "ux-research": {
    skills: ["user-research", "usability-testing", "figma", "survey-design", "qualitative-research", "statistics", "ux-design", "academic-writing"],
    coursework: "Human-Computer Interaction, Research Methods, Interaction Design, Statistics",
    projects: [
      { title: "Library website usability study", description: "Ran eight moderated sessions and a survey; three of my recommendations shipped.", repo: "library-ux" },
      { title: "Food bank intake redesign", description: "Interviewed volunteers and clients and prototyped a shorter intake form in Figma.", repo: "intake-redesign" },
      { title: "Accessibility of transit apps", description: "A class research paper comparing three transit apps with screen-reader users.", repo: "transit-a11y-study" },
    ],
  },
  web: {
    skills: ["html", "css", "javascript", "responsive-design", "php", "git", "web-performance", "astro"],
    coursework: "Web Design, Web Programming, Databases, Project Management",
    projects: [
      { title: "Website for a family restaurant", description: "Designed and built a fast, responsive site with online ordering links; mobile load time under 2 seconds.", repo: "restaurant-site" },
      { title: "Church community site migration", description: "Moved a volunteer-run site from a page builder to a static site and trained two volunteers to update it.", repo: "community-site" },
      { title: "Portfolio theme", description: "An accessible, fast portfolio theme used by 20 classmates.", repo: "portfolio-theme" },
    ],
  },
};

// Thirty students, across every work-authorization status (at least two each).
export const DEMO_STUDENTS: DemoStudent[] = [
  { email: "student@example.org", name: "Wei Zhang", languages: ["Mandarin", "English"], school: "University of Washington", program: "Computer Science", degree: "master", graduatesInMonths: 14, country: "US", city: "Seattle", timezone: "America/Los_Angeles", workAuthorization: "us_f1_cpt", track: "frontend" },
  { email: "aisha.bello@example.org", name: "Aisha Bello", languages: ["English", "Yoruba", "Hausa"], school: "Northeastern University", program: "Data Science", degree: "master", graduatesInMonths: -2, country: "US", city: "Boston", timezone: "America/New_York", workAuthorization: "us_f1_opt_post", track: "data" },
  { email: "rahul.menon@example.org", name: "Rahul Menon", languages: ["Malayalam", "Hindi", "English"], school: "Arizona State University", program: "Software Engineering", degree: "master", graduatesInMonths: -10, country: "US", city: "Tempe", timezone: "America/Phoenix", workAuthorization: "us_f1_stem_opt", track: "backend" },
  { email: "maria.lopez@example.org", name: "María Fernanda López", languages: ["Spanish", "English"], school: "University of Texas at Dallas", program: "Computer Science", degree: "bachelor", graduatesInMonths: 18, country: "US", city: "Richardson", timezone: "America/Chicago", workAuthorization: "us_f1_cpt", track: "fullstack" },
  { email: "mai.nguyen@example.org", name: "Nguyễn Thị Mai", languages: ["Vietnamese", "English"], school: "University of Toronto", program: "Computer Science", degree: "bachelor", graduatesInMonths: 16, country: "CA", city: "Toronto", timezone: "America/Toronto", workAuthorization: "ca_study_permit", track: "ux-research" },
  { email: "seun.adeyemi@example.org", name: "Oluwaseun Adeyemi", languages: ["English", "Yoruba"], school: "University of Waterloo", program: "Computer Science (co-op)", degree: "bachelor", graduatesInMonths: 20, country: "CA", city: "Waterloo", timezone: "America/Toronto", workAuthorization: "ca_coop_permit", track: "devops" },
  { email: "lucas.oliveira@example.org", name: "Lucas Oliveira", languages: ["Portuguese", "English", "Spanish"], school: "Lighthouse Labs", program: "Web Development Bootcamp", degree: "bootcamp", graduatesInMonths: -3, country: "CA", city: "Toronto", timezone: "America/Toronto", workAuthorization: "ca_open_work_permit", track: "fullstack" },
  { email: "fatima.elamrani@example.org", name: "Fatima Zahra El Amrani", languages: ["Arabic", "French", "English"], school: "Université de Montréal", program: "Informatique", degree: "bachelor", graduatesInMonths: 12, country: "CA", city: "Montréal", timezone: "America/Toronto", workAuthorization: "ca_study_permit", track: "ml" },
  { email: "jiwoo.park@example.org", name: "Ji-woo Park", languages: ["Korean", "English"], school: "University of Michigan (exchange)", program: "Computer Science and Engineering", degree: "bachelor", graduatesInMonths: 8, country: "US", city: "Ann Arbor", timezone: "America/Detroit", workAuthorization: "us_j1_academic_training", track: "mobile" },
  { email: "ahmed.hassan@example.org", name: "Ahmed Hassan", languages: ["Arabic", "English"], school: "Purdue University", program: "Computer Science", degree: "master", graduatesInMonths: 6, country: "US", city: "West Lafayette", timezone: "America/Indiana/Indianapolis", workAuthorization: "us_f1_opt_pre", track: "backend" },
  { email: "emily.carter@example.org", name: "Emily Carter", languages: ["English"], school: "Georgia Institute of Technology", program: "Computer Science", degree: "bachelor", graduatesInMonths: 20, country: "US", city: "Atlanta", timezone: "America/New_York", workAuthorization: "us_citizen_pr", track: "security" },
  { email: "sipho.dlamini@example.org", name: "Sipho Dlamini", languages: ["English", "Zulu", "Afrikaans"], school: "Georgia State University", program: "Information Technology", degree: "bachelor", graduatesInMonths: 10, country: "US", city: "Atlanta", timezone: "America/New_York", workAuthorization: "us_other_ead", track: "devops" },
  { email: "anna.kowalska@example.org", name: "Anna Kowalska", languages: ["Polish", "English"], school: "University of Calgary", program: "Software Engineering", degree: "bachelor", graduatesInMonths: 14, country: "CA", city: "Calgary", timezone: "America/Edmonton", workAuthorization: "ca_citizen_pr", track: "qa" },
  { email: "diego.ramirez@example.org", name: "Diego Ramírez", languages: ["Spanish", "English"], school: "Carnegie Mellon University", program: "Information Systems Management", degree: "master", graduatesInMonths: -6, country: "US", city: "Pittsburgh", timezone: "America/New_York", workAuthorization: "us_f1_stem_opt", track: "data" },
  { email: "priyanka.sharma@example.org", name: "Priyanka Sharma", languages: ["Hindi", "Punjabi", "English"], school: "Simon Fraser University", program: "Computing Science (co-op)", degree: "bachelor", graduatesInMonths: 22, country: "CA", city: "Burnaby", timezone: "America/Vancouver", workAuthorization: "ca_coop_permit", track: "frontend" },
  { email: "kofi.mensah@example.org", name: "Kofi Mensah", languages: ["English", "Twi"], school: "University of Illinois Chicago", program: "Computer Science", degree: "master", graduatesInMonths: 20, country: "US", city: "Chicago", timezone: "America/Chicago", workAuthorization: "not_authorized", track: "ml" },
  { email: "yuki.tanaka@example.org", name: "Yuki Tanaka", languages: ["Japanese", "English"], school: "UC San Diego (exchange)", program: "Cognitive Science", degree: "bachelor", graduatesInMonths: 5, country: "US", city: "San Diego", timezone: "America/Los_Angeles", workAuthorization: "us_j1_academic_training", track: "ux-research" },
  { email: "hana.novak@example.org", name: "Hana Nováková", languages: ["Czech", "English", "German"], school: "British Columbia Institute of Technology", program: "Computer Systems Technology", degree: "certificate", graduatesInMonths: -4, country: "CA", city: "Vancouver", timezone: "America/Vancouver", workAuthorization: "ca_open_work_permit", track: "web" },
  { email: "omar.farouk@example.org", name: "Omar Farouk", languages: ["Arabic", "English"], school: "NYU Tandon School of Engineering", program: "Cybersecurity", degree: "master", graduatesInMonths: -1, country: "US", city: "New York", timezone: "America/New_York", workAuthorization: "us_f1_opt_post", track: "security" },
  { email: "chloe.dubois@example.org", name: "Chloé Dubois", languages: ["French", "English"], school: "McGill University", program: "Computer Science", degree: "master", graduatesInMonths: 11, country: "CA", city: "Montréal", timezone: "America/Toronto", workAuthorization: "ca_study_permit", track: "data" },
  { email: "tariq.mahmood@example.org", name: "Tariq Mahmood", languages: ["Urdu", "Punjabi", "English"], school: "University of Texas at Arlington", program: "Computer Science", degree: "master", graduatesInMonths: 4, country: "US", city: "Arlington", timezone: "America/Chicago", workAuthorization: "us_f1_opt_pre", track: "qa" },
  { email: "sofia.castro@example.org", name: "Sofía Castro", languages: ["Spanish", "English"], school: "Miami Dade College", program: "Computer Information Technology", degree: "associate", graduatesInMonths: 9, country: "US", city: "Miami", timezone: "America/New_York", workAuthorization: "us_other_ead", track: "web" },
  { email: "daniel.kim@example.org", name: "Daniel Kim", languages: ["English", "Korean"], school: "University of British Columbia", program: "Computer Science", degree: "bachelor", graduatesInMonths: 15, country: "CA", city: "Vancouver", timezone: "America/Vancouver", workAuthorization: "ca_citizen_pr", track: "mobile" },
  { email: "leila.ahmadi@example.org", name: "Leila Ahmadi", languages: ["Persian", "English", "French"], school: "Concordia University", program: "Software Engineering", degree: "master", graduatesInMonths: 13, country: "CA", city: "Montréal", timezone: "America/Toronto", workAuthorization: "ca_study_permit", track: "backend" },
  { email: "mateo.rossi@example.org", name: "Mateo Rossi", languages: ["Italian", "English", "Spanish"], school: "Boston University", program: "Computer Science", degree: "master", graduatesInMonths: 10, country: "US", city: "Boston", timezone: "America/New_York", workAuthorization: "us_f1_cpt", track: "ml" },
  { email: "thandiwe.moyo@example.org", name: "Thandiwe Moyo", languages: ["English", "Shona", "Ndebele"], school: "Dalhousie University", program: "Computer Science (co-op)", degree: "bachelor", graduatesInMonths: 17, country: "CA", city: "Halifax", timezone: "America/Halifax", workAuthorization: "ca_coop_permit", track: "web" },
  { email: "arjun.patel@example.org", name: "Arjun Patel", languages: ["English", "Gujarati"], school: "Rutgers University", program: "Information Technology and Informatics", degree: "bachelor", graduatesInMonths: 7, country: "US", city: "New Brunswick", timezone: "America/New_York", workAuthorization: "us_citizen_pr", track: "backend" },
  { email: "meilin.chen@example.org", name: "Mei-Lin Chen", languages: ["Mandarin", "Taiwanese Hokkien", "English"], school: "Georgia Institute of Technology", program: "Computer Science", degree: "master", graduatesInMonths: -8, country: "US", city: "Atlanta", timezone: "America/New_York", workAuthorization: "us_f1_stem_opt", track: "fullstack" },
  { email: "ivan.petrov@example.org", name: "Ivan Petrov", languages: ["Bulgarian", "Russian", "English"], school: "York University", program: "Computer Science", degree: "bachelor", graduatesInMonths: 40, country: "CA", city: "Toronto", timezone: "America/Toronto", workAuthorization: "not_authorized", track: "qa" },
  { email: "zainab.okonkwo@example.org", name: "Zainab Okonkwo", languages: ["English", "Igbo"], school: "Red River College Polytechnic", program: "Business Information Technology", degree: "certificate", graduatesInMonths: -5, country: "CA", city: "Winnipeg", timezone: "America/Winnipeg", workAuthorization: "ca_open_work_permit", track: "data" },
];

/** Every student wants mentorship; the rest of their goals rotate so the matching has something to weigh (course credit is a slot's offer, not a goal). */
const GOAL_SETS: Benefit[][] = [
  ["mentorship", "recommendation_letter", "portfolio_project"],
  ["mentorship", "return_offer", "referral"],
  ["mentorship", "portfolio_project"],
  ["mentorship", "referral", "recommendation_letter"],
  ["mentorship", "recommendation_letter", "return_offer"],
];

const WORK_MODE_SETS: WorkMode[][] = [["remote", "hybrid"], ["remote"], ["remote", "hybrid", "onsite"], ["hybrid", "onsite"]];

/** What the status allows during term and breaks (DESIGN.md): 20 h for F-1 and J-1 in term, 24 h on a Canadian study permit. */
function hoursFor(status: WorkAuthorization, index: number) {
  switch (status) {
    case "us_f1_cpt":
    case "us_f1_opt_pre":
    case "us_j1_academic_training":
      return { term: 20 - (index % 3) * 5, break: 40 };
    case "ca_study_permit":
      return { term: 24 - (index % 2) * 4, break: 40 };
    case "us_f1_opt_post":
    case "us_f1_stem_opt":
      return { term: 40, break: 40 };
    case "not_authorized":
      return { term: 10, break: 20 };
    default:
      return { term: 15 + (index % 4) * 5, break: 35 + (index % 2) * 5 };
  }
}

function compensationFor(status: WorkAuthorization, index: number): CompensationPreference {
  if (status === "us_f1_stem_opt") return "paid_only";
  if (status === "not_authorized") return "any";
  return (["any", "paid_or_stipend", "any", "paid_only"] as const)[index % 4]!;
}

/** Days from `now` (negative: in the past) of the period a status is valid, where it has one. */
function validityFor(status: WorkAuthorization, index: number): { fromDays: number; untilDays: number } | null {
  switch (status) {
    case "us_f1_opt_pre":
      return { fromDays: 30, untilDays: 30 + 180 };
    case "us_f1_opt_post":
      return { fromDays: -60 - index, untilDays: 300 - index };
    case "us_f1_stem_opt":
      return { fromDays: -90 - index, untilDays: 2 * 365 - 90 };
    case "us_j1_academic_training":
      return { fromDays: 14, untilDays: 14 + 18 * 30 };
    case "ca_study_permit":
    case "ca_coop_permit":
      return { fromDays: -200 - index * 3, untilDays: 2 * 365 + index };
    case "ca_open_work_permit":
      return { fromDays: -100 - index, untilDays: 3 * 365 - 100 };
    case "us_other_ead":
      return { fromDays: -300 - index, untilDays: 400 + index };
    default:
      return null;
  }
}

const DEGREE_NAMES: Record<Degree, string> = {
  certificate: "a certificate",
  associate: "an associate degree",
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  phd: "a PhD",
  bootcamp: "a bootcamp",
  other: "a program",
};

const handle = (email: string) => email.split("@")[0]!.replace(/\./g, "-");

/** The full profile of the `index`-th demo student, derived from its entry and position only. */
export function studentProfileData(student: DemoStudent, index: number) {
  const track = TRACKS[student.track];
  // The main demo student (index 0) lists their whole track, so every page has matches to show.
  const skillCount = index === 0 ? track.skills.length : 5 + (index % 3);
  const topLevel = [3, 2, 3, 4, 2][index % 5]!;
  const skills = track.skills.slice(0, skillCount).map((slug, k) => ({ slug, level: Math.max(1, Math.min(4, topLevel - Math.floor(k / 2))) }));
  const projectCount = index % 2 === 0 ? 2 : 1;
  const projects = Array.from({ length: projectCount }, (_, k) => track.projects[(index + k) % track.projects.length]!).map((p, position) => ({
    position,
    title: p.title,
    description: p.description,
    url: `https://github.com/steppingstone-demo/${handle(student.email)}-${p.repo}`,
  }));
  const hours = hoursFor(student.workAuthorization, index);
  const degreeLabel =
    student.degree === "bootcamp" ? `the ${student.program}` : student.degree === "certificate" ? `the ${student.program} program` : `${DEGREE_NAMES[student.degree]} in ${student.program}`;
  const goals = GOAL_SETS[index % GOAL_SETS.length]!;
  return {
    profile: {
      school: student.school,
      program: student.program,
      degree: student.degree,
      graduatesInMonths: student.graduatesInMonths,
      coursework: `${student.graduatesInMonths < 0 ? "Graduated:" : "Studying:"} ${degreeLabel}. Courses: ${track.coursework}.`,
      portfolioUrl: `https://${handle(student.email)}.example.com`,
      githubUrl: `https://github.com/steppingstone-demo/${handle(student.email)}`,
      linkedinUrl: index % 3 === 1 ? null : `https://www.linkedin.com/in/steppingstone-demo-${handle(student.email)}`,
      languages: student.languages,
      country: student.country,
      city: student.city,
      timezone: student.timezone,
      // why: free soon and for long enough that most demo slots (which end 2–6 months out) fit.
      availableInDays: 7 + (index % 4) * 7,
      availableWeeks: [26, 30, 22, 34, 28][index % 5]!,
      hoursPerWeekTerm: hours.term,
      hoursPerWeekBreak: hours.break,
      workModes: WORK_MODE_SETS[index % WORK_MODE_SETS.length]!,
      workAuthorization: student.workAuthorization,
      validity: validityFor(student.workAuthorization, index),
      shareAuthorization: index % 4 === 0,
      compensation: compensationFor(student.workAuthorization, index),
      goals,
      // About two thirds take part in matching rounds.
      inMatching: index % 3 !== 2,
      visibleToMentors: index % 2 === 0,
    },
    skills,
    projects,
  };
}

// ── The mentorship after the introduction (issue 13) ─────────────────────────────────────────
// Two internships with the demo mentor (Priya Raman, mentor@example.org): one under way with the
// demo student (Wei Zhang, student@example.org), whose midpoint feedback round is open, one
// completed with Diego Ramírez (whose STEM OPT covered its dates). A third, at Harbour Food
// Network with Sofia Martins (mentor3@example.org) and Lucas Oliveira, has gone quiet: the admins'
// stalled list shows it. Days are counted
// from the slot's start date, in the slot's time zone; the seed places the start so that "today"
// (when the seed runs) falls where the story needs it. Whether a check-in was late is not written
// here: the seed works it out with app/modules/mentorship/weeks.ts, as the app does.

type Side = "student" | "mentor";

export type DemoMentorship = {
  student: string;
  mentor: string;
  status: "active" | "completed";
  /** The slot, posted by the mentor's organization; it started `startedDaysAgo` days before the seed's today. */
  slot: Omit<DemoSlot, "deadlineInDays" | "startAfterDeadlineDays" | "publishedDaysAgo" | "status" | "mentors">;
  startedDaysAgo: number;
  goals: {
    title: string;
    targetWeek: number;
    state: "not_started" | "in_progress" | "done";
    source: "learning_plan" | "student_goal" | "added";
    benefit?: Benefit;
    /** Done and confirmed by the mentor this many days after the start (a done goal without it waits for the mentor). */
    confirmedDay?: number;
    evidence?: { url: string; label: string; by: Side; day: number }[];
  }[];
  checkIns: {
    week: number;
    /** The day after the start it was written (a check-in for week n is due on day 7n − 1). */
    day: number;
    done: string;
    next: string;
    blockers?: string;
    hoursWorked: number;
    mentorHoursReceived: number;
    reply?: { text: string; mentorHoursGiven: number; day: number };
  }[];
  messages: { day: number; hour: number; by: Side; body: string }[];
  feedback: { round: "midpoint" | "final"; side: Side; shared: boolean; day: number; answers: Record<string, string | number>; comment: string }[];
  outcome?: { day: number; benefits: Partial<Record<Benefit, boolean>>; returnOffer: "yes" | "no" | "pending" };
  /** What the internship left the student (issue 14): letters from the mentor, referrals, issued documents. */
  afterwards?: DemoAfterwards;
};

/** Days here count from the slot's start date too; a day after the seed's today is not allowed. */
export type DemoAfterwards = {
  letters?: {
    purpose: "graduate_school" | "jobs" | "program";
    purposeDetail?: string;
    /** The student gave up the right to read it: a confidential letter. */
    waived: boolean;
    requestNote?: string;
    askedDay: number;
    dueDay: number;
    readyDay: number;
    writerTitle: string;
    body: string;
    deliveries: { recipientName: string; recipientEmail: string; message?: string; sentDay: number; viewedDays: number[] }[];
  }[];
  referrals?: {
    company: string;
    role: string;
    postingUrl?: string;
    note?: string;
    askedDay: number;
    method: "internal_tool" | "email_to_recruiter" | "other";
    methodNote?: string;
    referredDay: number;
    outcome?: "submitted" | "interviewing" | "offer" | "not_selected" | "no_answer";
    /** Days before the seed's today that the last update came (the nudge counts two weeks from it). */
    lastUpdateDaysAgo: number;
  }[];
  /** Verification letters and certificates the mentor signed: generated from the internship as the app does. */
  documents?: { kind: "experience_verification" | "completion_certificate"; askedDay: number; signedDay: number; signerTitle: string }[];
};

/**
 * Wei's internship, five weeks and two days into ten: week 5's check-in came a day late and waits
 * for Priya's reply, and the midpoint feedback round (day 35) opened two days ago, answered by
 * neither side yet. Wei is on F-1 CPT, so the weeks stay within the 20 hours a week of term time.
 */
export const DEMO_ACTIVE_MENTORSHIP: DemoMentorship = {
  student: "student@example.org",
  mentor: "mentor@example.org",
  status: "active",
  startedDaysAgo: 37,
  slot: {
    organization: "brightlane-labs",
    title: "Frontend intern: tutor progress reports",
    description:
      "Program coordinators read a progress report for every student each Friday, and on a school laptop it takes half a minute to open. You will join the web team in Seattle two days a week, pair with Priya, and own the reports from profiling to release.",
    project:
      "Profile the progress report page, rebuild its table with virtualised rows, add keyboard navigation and screen-reader labels, and measure the result with real-user metrics before and after.",
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "28.00",
    currency: "USD",
    hoursPerWeek: 20,
    durationWeeks: 10,
    seats: 1,
    workMode: "hybrid",
    country: "US",
    city: "Seattle",
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "return_offer", "portfolio_project"],
    questions: ["Tell us about a web page you made faster. What did you measure?"],
    learningPlan:
      "Week 1: set up the project and ship a first fix. Week 2: profile the progress report page. Weeks 3–5: rebuild the report table with virtualised rows and tests. Weeks 6–8: keyboard navigation and screen-reader labels. Weeks 9–10: measure, write up and present the work.",
    required: [["react", 2], ["typescript", 2], ["css", 2]],
    niceToHave: [["web-accessibility", 1], ["web-performance", 1]],
  },
  goals: [
    { title: "Set up the project and ship a first fix to production", targetWeek: 1, state: "done", source: "learning_plan", confirmedDay: 7 },
    {
      title: "Profile the progress report page and name its three slowest parts",
      targetWeek: 2,
      state: "done",
      source: "learning_plan",
      confirmedDay: 14,
      evidence: [{ url: "https://docs.example.com/brightlane/progress-report-profile", label: "Profiling notes", by: "student", day: 12 }],
    },
    {
      title: "Rebuild the report table with virtualised rows and tests",
      targetWeek: 5,
      state: "done",
      source: "learning_plan",
      evidence: [{ url: "https://github.com/steppingstone-demo/student-progress-reports", label: "Repository", by: "student", day: 35 }],
    },
    { title: "Keyboard navigation and screen-reader labels for the reports", targetWeek: 8, state: "in_progress", source: "learning_plan" },
    { title: "A portfolio write-up of the rebuild, with the before-and-after numbers", targetWeek: 9, state: "not_started", source: "student_goal", benefit: "portfolio_project" },
    { title: "A recommendation letter from Priya at the end of the internship", targetWeek: 10, state: "not_started", source: "student_goal", benefit: "recommendation_letter" },
  ],
  checkIns: [
    {
      week: 1,
      day: 6,
      done: "Set up the project on my laptop and the staging account, read the reports code with Priya, and shipped my first fix: the date picker on the report filter now opens on the right week.",
      next: "Profile the report page with a large program (300 students) and write down where the time goes.",
      hoursWorked: 18,
      mentorHoursReceived: 3,
      reply: { text: "A fix in production in week one — well done. For the profiling, record on the school Chromebook profile in DevTools (4× CPU slowdown), not on your laptop as it is.", mentorHoursGiven: 3, day: 7 },
    },
    {
      week: 2,
      day: 12,
      done: "Profiled the report page: rendering 300 rows takes 2.8 s, the date maths in each row another 1.1 s, and the chart re-renders on every filter change. Wrote it up with screenshots (linked on the plan).",
      next: "Start the table rebuild: try react-window on a branch and write tests for the row formatting first.",
      hoursWorked: 20,
      mentorHoursReceived: 2.5,
      reply: { text: "Clear write-up, thank you. Agreed on react-window. Keep the row formatting pure so the tests stay fast; we can look at the chart in week 4.", mentorHoursGiven: 2.5, day: 13 },
    },
    {
      week: 3,
      day: 19,
      done: "Table rebuild on a branch: virtualised rows work and the first test suite passes (24 tests). Moved the date maths into a memoised helper.",
      next: "Measure the branch against production data and open the pull request.",
      blockers: "I still have no read access to the staging database, so I can only measure with my small fixture of 40 students.",
      hoursWorked: 19.5,
      mentorHoursReceived: 1.5,
      reply: { text: "Sorry about the access — I asked Marcus and you have it now. Measure with the Lakeview program, it is the largest.", mentorHoursGiven: 2, day: 20 },
    },
    {
      week: 4,
      day: 27,
      done: "Measured with the Lakeview program: the page now opens in 0.9 s instead of 3.9 s. Opened the pull request and answered the review comments from Marcus and Priya.",
      next: "Merge and release behind the feature flag, then start on keyboard navigation.",
      hoursWorked: 20,
      mentorHoursReceived: 3,
      reply: { text: "Great numbers. Approved — release it to two programs first and watch the error rate for a day before turning it on for everyone.", mentorHoursGiven: 3, day: 29 },
    },
    {
      week: 5,
      day: 35,
      done: "Released the new table to two programs, then to everyone: no new errors in three days. Marked the rebuild done on the plan and linked the repository.",
      next: "Keyboard navigation for the report table: arrow keys between cells, and labels for the screen reader.",
      hoursWorked: 19,
      mentorHoursReceived: 2.5,
    },
  ],
  messages: [
    { day: 0, hour: 9, by: "mentor", body: "Welcome to Brightlane, Wei! We meet Tuesdays and Thursdays at 10 in the Seattle office; the rest of the week I am on chat. Your first task is on the plan." },
    { day: 8, hour: 14, by: "student", body: "Should I profile with real program data or is the test fixture enough for now?" },
    { day: 8, hour: 16, by: "mentor", body: "Use the fixture this week; I am asking for staging access for you so we can measure with a real program." },
    { day: 22, hour: 11, by: "student", body: "I have staging access now, thank you. The numbers are much better than I expected — details in my check-in." },
    { day: 33, hour: 17, by: "mentor", body: "The team loved the demo on Friday. Could you show the before-and-after at next Thursday's all-hands? Five minutes is plenty." },
  ],
  feedback: [],
};

/** Diego's internship, completed two weeks ago: every week's check-in, both rounds from both sides, and the outcome. */
export const DEMO_COMPLETED_MENTORSHIP: DemoMentorship = {
  student: "diego.ramirez@example.org",
  mentor: "mentor@example.org",
  status: "completed",
  // A ten-week slot whose last day was fifteen days ago.
  startedDaysAgo: 84,
  slot: {
    organization: "brightlane-labs",
    title: "Data intern: tutoring session analytics",
    description:
      "Which tutoring sessions help students most? Program coordinators want to know, and our session data has never been analysed. Remote, full-time over ten weeks, with a weekly one-to-one with Priya.",
    project:
      "Clean three years of session records, build a weekly attendance and progress dataset, find which session patterns go with better grades, and ship a dashboard coordinators use on Monday mornings.",
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: "30.00",
    currency: "USD",
    hoursPerWeek: 20,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "US",
    city: null,
    timezone: "America/Los_Angeles",
    acceptedAuthorizations: US_PAID_EVERIFY,
    paperwork: ["cpt_offer_letter", "everify_i983"],
    offers: ["mentorship", "recommendation_letter", "referral", "return_offer"],
    questions: ["Tell us about a dataset you cleaned. What surprised you?"],
    required: [["python", 2], ["sql", 2]],
    niceToHave: [["pandas", 2], ["data-visualization", 1]],
  },
  goals: [
    { title: "Clean three years of session records into one table", targetWeek: 2, state: "done", source: "learning_plan", confirmedDay: 14 },
    { title: "A weekly attendance and progress dataset with tests", targetWeek: 4, state: "done", source: "learning_plan", confirmedDay: 28 },
    {
      title: "Find which session patterns go with better grades",
      targetWeek: 7,
      state: "done",
      source: "learning_plan",
      confirmedDay: 49,
      evidence: [{ url: "https://github.com/steppingstone-demo/diego-ramirez-session-analysis", label: "Analysis notebooks", by: "student", day: 47 }],
    },
    {
      title: "Ship the coordinators' Monday dashboard",
      targetWeek: 9,
      state: "done",
      source: "learning_plan",
      confirmedDay: 63,
      evidence: [{ url: "https://dashboards.example.com/brightlane/sessions", label: "Dashboard", by: "mentor", day: 63 }],
    },
    { title: "Hand the dashboard over to the data team, with notes", targetWeek: 10, state: "done", source: "added", confirmedDay: 69 },
  ],
  checkIns: [
    { week: 1, day: 6, done: "Onboarding, access to the session exports, first look at the data.", next: "Start cleaning the 2023 export.", hoursWorked: 20, mentorHoursReceived: 3, reply: { text: "Good start. Ask me about any column you cannot explain.", mentorHoursGiven: 3, day: 7 } },
    { week: 2, day: 13, done: "Cleaned all three years into one table; 4% of sessions had no tutor, now flagged.", next: "Weekly dataset and its tests.", hoursWorked: 21, mentorHoursReceived: 2.5, reply: { text: "Confirmed the cleaning goal. Nice catch on the missing tutors.", mentorHoursGiven: 2.5, day: 14 } },
    { week: 3, day: 20, done: "Weekly dataset drafted; tests for the attendance counts.", next: "Join the grades export.", hoursWorked: 20, mentorHoursReceived: 2, reply: { text: "Looks right. The grades export comes from the schools, so expect gaps.", mentorHoursGiven: 2, day: 21 } },
    { week: 4, day: 27, done: "Joined grades for 11 of 14 schools; the dataset is done and tested.", next: "First analysis of session patterns.", blockers: "Three schools send grades as PDFs only.", hoursWorked: 22, mentorHoursReceived: 3, reply: { text: "Leave those three out and say so in the write-up. Confirmed the dataset goal.", mentorHoursGiven: 3, day: 28 } },
    { week: 5, day: 34, done: "First analysis: regular weekly sessions matter more than their length.", next: "Check the effect by grade level.", hoursWorked: 20, mentorHoursReceived: 2, reply: { text: "Interesting — let us show it to the coordinators on Thursday.", mentorHoursGiven: 2, day: 35 } },
    { week: 6, day: 41, done: "Checked by grade level and school; presented to two coordinators.", next: "Write up the analysis.", hoursWorked: 19, mentorHoursReceived: 3, reply: { text: "They were impressed. Keep the write-up short, with one chart per finding.", mentorHoursGiven: 3, day: 42 } },
    { week: 7, day: 48, done: "Write-up and notebooks published (linked on the plan).", next: "Dashboard prototype.", hoursWorked: 21, mentorHoursReceived: 2, reply: { text: "Confirmed. This is the part of your internship I will quote in your letter.", mentorHoursGiven: 2, day: 49 } },
    { week: 8, day: 55, done: "Dashboard prototype with the coordinators' three questions.", next: "Feedback round with coordinators, then polish.", hoursWorked: 20, mentorHoursReceived: 2.5, reply: { text: "Good. Keep the first screen to the three questions.", mentorHoursGiven: 2.5, day: 56 } },
    { week: 9, day: 62, done: "Shipped the dashboard; 12 coordinators used it on Monday.", next: "Hand-over notes and my last week.", hoursWorked: 20, mentorHoursReceived: 3, reply: { text: "Shipped and used — confirmed. Thank you.", mentorHoursGiven: 3, day: 63 } },
    { week: 10, day: 69, done: "Hand-over notes, a session with the data team, last fixes to the dashboard.", next: "Finished! Thank you for ten great weeks.", hoursWorked: 18, mentorHoursReceived: 3, reply: { text: "Thank you, Diego. Your letter is on its way, and I will refer you to our data lead as soon as the new-grad role opens next month.", mentorHoursGiven: 3, day: 70 } },
  ],
  messages: [
    { day: 0, hour: 9, by: "mentor", body: "Welcome, Diego! Our one-to-one is Wednesdays at 9 Pacific. The session exports are in the shared drive." },
    { day: 36, hour: 15, by: "student", body: "Could we move Wednesday's one-to-one to Thursday this week? I have a doctor's appointment." },
    { day: 36, hour: 17, by: "mentor", body: "Of course — Thursday at 9 then." },
  ],
  feedback: [
    {
      round: "midpoint",
      side: "student",
      shared: true,
      day: 37,
      answers: { answersQuestions: "always", helpsWhenStuck: "always", meetsAsAgreed: "usually", supportHours: 2.5, replySpeed: "same_day" },
      comment: "Priya explains the why behind every decision, and the weekly one-to-one keeps me on track.",
    },
    { round: "midpoint", side: "mentor", shared: false, day: 38, answers: { progress: "ahead", communication: "always", onTrack: "yes" }, comment: "Diego is ahead of the plan. I would like him to speak up earlier when the data has gaps." },
    {
      round: "final",
      side: "student",
      shared: false,
      day: 70,
      answers: { answersQuestions: "always", helpsWhenStuck: "usually", meetsAsAgreed: "always", supportHours: 2.5, replySpeed: "within_two_days" },
      comment: "A great internship. I wish the grades data had been ready earlier, but that was not Priya's fault.",
    },
    { round: "final", side: "mentor", shared: true, day: 71, answers: { progress: "ahead", communication: "always", onTrack: "yes" }, comment: "Diego shipped a dashboard coordinators use every week. I would hire him." },
  ],
  outcome: { day: 71, benefits: { recommendation_letter: true, referral: false, return_offer: true }, returnOffer: "pending" },
  // Diego's letter is confidential (he waived the right to read it) and went to one employer, who
  // opened it; Priya referred him to a new-grad role; his STEM OPT needs the verification letter.
  afterwards: {
    letters: [
      {
        purpose: "jobs",
        purposeDetail: "Data analyst and analytics engineer roles",
        waived: true,
        requestNote: "Could you mention the coordinators' dashboard and the data cleaning? Thank you for everything.",
        askedDay: 70,
        dueDay: 90,
        readyDay: 74,
        writerTitle: "Engineering lead",
        body:
          "I am writing to recommend Diego Ramírez, who interned with Brightlane Labs as a data intern for ten weeks this year, working twenty hours a week under my supervision.\n\n" +
          "Diego took three years of tutoring session records that nobody had analysed, cleaned them into one dataset with tests, and found which session patterns go with better grades. He then built the dashboard our program coordinators now open every Monday morning. He was ahead of the plan from the midpoint on.\n\n" +
          "He asks good questions early, writes clearly about what the data can and cannot say, and takes feedback without fuss. I would hire him, and I recommend him without reservation for data analyst and analytics engineer roles.",
        deliveries: [
          {
            recipientName: "Talent team, Cascadia Health Analytics",
            recipientEmail: "talent@cascadia-health.example",
            message: "My recommendation letter from Priya Raman, my mentor at Brightlane Labs, for the Analytics Engineer role.",
            sentDay: 75,
            viewedDays: [76],
          },
        ],
      },
    ],
    referrals: [
      {
        company: "Cascadia Health Analytics",
        role: "Analytics Engineer (new grad)",
        postingUrl: "https://jobs.cascadia-health.example/analytics-engineer",
        note: "The role asks for SQL and dashboards; my session analysis is the closest work.",
        askedDay: 72,
        method: "email_to_recruiter",
        methodNote: "Emailed their data lead, whom I worked with before.",
        referredDay: 73,
        outcome: "interviewing",
        lastUpdateDaysAgo: 4,
      },
    ],
    documents: [{ kind: "experience_verification", askedDay: 72, signedDay: 73, signerTitle: "Engineering lead" }],
  },
};

/**
 * Lucas's internship at Harbour Food Network, four weeks and three days in, gone quiet: two weeks
 * of check-ins, Sofia's replies and a few messages, then nothing for eighteen days (weeks 3 and 4
 * missing, each reminded the day after it was due). The admins' stalled list shows it.
 */
export const DEMO_STALLED_MENTORSHIP: DemoMentorship = {
  student: "lucas.oliveira@example.org",
  mentor: "mentor3@example.org",
  status: "active",
  startedDaysAgo: 31,
  slot: {
    organization: "harbour-food-network",
    title: "Donation site: grocer pickup requests",
    description:
      "Grocers offer us surplus food by phone, and our dispatcher types every offer into a spreadsheet. Build the page where a grocer posts a pickup request: paid, remote, with a mentor from our tech team.",
    project:
      "Add a pickup request form to the donation site, a dispatcher's queue that assigns a driver, and the email that confirms the pickup to the grocer; with tests and a hand-over session.",
    mentorHoursPerWeek: 2,
    compensation: "paid",
    // Above Ontario's minimum wage.
    hourlyRate: "22.00",
    currency: "CAD",
    hoursPerWeek: 15,
    durationWeeks: 10,
    seats: 1,
    workMode: "remote",
    country: "CA",
    city: null,
    timezone: "America/Toronto",
    acceptedAuthorizations: CA_PART_TIME,
    paperwork: ["coop_agreement"],
    offers: ["mentorship", "recommendation_letter", "portfolio_project"],
    questions: ["Tell us about a form you built. How did you know people could fill it in?"],
    learningPlan:
      "Weeks 1–2: the donation site's code and a first fix. Weeks 3–5: the pickup request form and its tests. Weeks 6–8: the dispatcher's queue. Weeks 9–10: the confirmation email, documentation and a hand-over session.",
    required: [["javascript", 2], ["html", 2]],
    niceToHave: [["react", 1], ["postgresql", 1]],
  },
  goals: [
    { title: "Run the donation site locally and ship a first fix", targetWeek: 2, state: "done", source: "learning_plan", confirmedDay: 14 },
    { title: "The pickup request form, with tests", targetWeek: 5, state: "in_progress", source: "learning_plan" },
    { title: "The dispatcher's queue that assigns a driver", targetWeek: 8, state: "not_started", source: "learning_plan" },
    { title: "The confirmation email to the grocer, and hand-over notes", targetWeek: 10, state: "not_started", source: "learning_plan" },
  ],
  checkIns: [
    {
      week: 1,
      day: 6,
      done: "Set up the donation site locally, read the code with Sofia, and fixed the broken postcode check on the volunteer sign-up form.",
      next: "Ship the fix and start sketching the pickup request form with the dispatcher.",
      hoursWorked: 15,
      mentorHoursReceived: 2,
      reply: { text: "Welcome aboard, Lucas — the postcode fix is live. Ask Hamid (dispatch) for thirty minutes this week; he knows every grocer.", mentorHoursGiven: 2, day: 7 },
    },
    {
      week: 2,
      day: 12,
      done: "Met the dispatcher and wrote down the fields a grocer gives by phone. First version of the form on a branch, without validation yet.",
      next: "Validation and tests for the form, then the pull request.",
      hoursWorked: 14,
      mentorHoursReceived: 1.5,
      reply: { text: "Good notes. Keep the form short: name, address, what and how much, and a pickup window. Let us review the pull request together next week.", mentorHoursGiven: 1.5, day: 13 },
    },
  ],
  messages: [
    { day: 0, hour: 9, by: "mentor", body: "Welcome, Lucas! Our check-in call is Mondays at 10 Toronto time; the rest of the week I am on chat. The repository link is on the plan." },
    { day: 9, hour: 15, by: "student", body: "Could we move Monday's call to the afternoon? I have an exam in the morning." },
    { day: 13, hour: 16, by: "mentor", body: "Of course — Monday at 14:00 then. Good luck with the exam." },
  ],
  feedback: [],
};

/** A finished internship's weeks: every check-in written on time, and replied to the next day. */
function alumniWeeks(weeks: number, hoursWorked: number, mentorHours: number, work: string[]): DemoMentorship["checkIns"] {
  return Array.from({ length: weeks }, (_, i) => ({
    week: i + 1,
    day: 7 * (i + 1) - 1,
    done: work[i % work.length]!,
    next: i + 1 === weeks ? "Hand-over notes and a last session with the team." : work[(i + 1) % work.length]!,
    hoursWorked,
    mentorHoursReceived: mentorHours,
    reply: { text: "Good week. See you at our one-to-one.", mentorHoursGiven: mentorHours, day: 7 * (i + 1) },
  }));
}

/** The slot terms Brightlane's earlier internships shared with Diego's: paid, remote, twenty hours a week. */
const BRIGHTLANE_EARLIER_SLOT = {
  organization: "brightlane-labs",
  mentorHoursPerWeek: 2,
  compensation: "paid",
  hourlyRate: "28.00",
  currency: "USD",
  hoursPerWeek: 20,
  durationWeeks: 8,
  seats: 1,
  workMode: "remote",
  country: "US",
  city: null,
  timezone: "America/Los_Angeles",
  acceptedAuthorizations: US_PAID_EVERIFY,
  paperwork: ["cpt_offer_letter", "everify_i983"],
  questions: [],
} as const satisfies Partial<DemoMentorship["slot"]>;

/**
 * Two of Brightlane's earlier internships, finished long ago, so that with Diego's the
 * organization has three complete and its slot pages show its record of promises kept. One
 * promise was not kept: Rahul's slot promised a referral, and none was made.
 */
export const DEMO_EARLIER_MENTORSHIPS: DemoMentorship[] = [
  {
    student: "aisha.bello@example.org",
    mentor: "mentor@example.org",
    status: "completed",
    startedDaysAgo: 356,
    slot: {
      ...BRIGHTLANE_EARLIER_SLOT,
      title: "Data intern: reading-level model for library books",
      description: "Which books suit which readers? Help our partner libraries tag their catalogue by reading level. Remote, twenty hours a week over eight weeks.",
      project: "Train and evaluate a reading-level model on the partner libraries' catalogue, and ship the tags to their search.",
      offers: ["mentorship", "recommendation_letter", "referral"],
      required: [["python", 2]],
      niceToHave: [["machine-learning", 1]],
    },
    goals: [],
    checkIns: alumniWeeks(8, 20, 2, ["Cleaned the catalogue export.", "Built the labelled set with two librarians.", "Trained the first model and measured it.", "Shipped the tags to the staging search."]),
    messages: [],
    feedback: [],
    outcome: { day: 57, benefits: { recommendation_letter: true, referral: true }, returnOffer: "no" },
    afterwards: {
      letters: [
        {
          purpose: "graduate_school",
          purposeDetail: "MS in Data Science",
          waived: false,
          askedDay: 50,
          dueDay: 80,
          readyDay: 60,
          writerTitle: "Engineering lead",
          body: "I recommend Aisha Bello, who built our reading-level model over eight weeks with us.\n\nShe measured it honestly, explained its limits to librarians, and shipped it.",
          deliveries: [{ recipientName: "Graduate admissions, Northeastern University", recipientEmail: "admissions@northeastern.example", sentDay: 61, viewedDays: [63] }],
        },
      ],
      referrals: [
        {
          company: "Open Shelf Foundation",
          role: "Junior data scientist",
          askedDay: 55,
          method: "internal_tool",
          referredDay: 56,
          outcome: "offer",
          lastUpdateDaysAgo: 200,
        },
      ],
    },
  },
  {
    student: "rahul.menon@example.org",
    mentor: "mentor@example.org",
    status: "completed",
    startedDaysAgo: 296,
    slot: {
      ...BRIGHTLANE_EARLIER_SLOT,
      title: "Backend intern: tutoring session booking API",
      description: "Tutors book sessions by email today. Build the booking API our scheduling page calls. Remote, twenty hours a week over eight weeks.",
      project: "Design and build a booking API with availability, confirmations and cancellations, with tests and documentation.",
      offers: ["mentorship", "recommendation_letter", "referral"],
      required: [["python", 2], ["sql", 1]],
      niceToHave: [],
    },
    goals: [],
    checkIns: alumniWeeks(8, 20, 2, ["Designed the booking endpoints.", "Availability with tests.", "Confirmations and cancellations.", "Documentation and load test."]),
    messages: [],
    feedback: [],
    outcome: { day: 57, benefits: { recommendation_letter: true, referral: false }, returnOffer: "pending" },
    afterwards: {
      letters: [
        {
          purpose: "jobs",
          waived: true,
          askedDay: 52,
          dueDay: 70,
          readyDay: 58,
          writerTitle: "Engineering lead",
          body: "I recommend Rahul Menon, who built our session booking API in eight weeks.\n\nHis API has run without an incident since.",
          deliveries: [{ recipientName: "Hiring team, Tempo Scheduling", recipientEmail: "hiring@tempo-scheduling.example", sentDay: 60, viewedDays: [] }],
        },
      ],
    },
  },
];

export const DEMO_MENTORSHIPS = [DEMO_ACTIVE_MENTORSHIP, DEMO_COMPLETED_MENTORSHIP, DEMO_STALLED_MENTORSHIP, ...DEMO_EARLIER_MENTORSHIPS];
