import { expect, test } from "vitest";
import { unprintableCharacters, compensationLine, documentHours, documentPeriod, draftDuties, dutyLines, hoursFigures, hoursStatement, openingSentence, organizationAddressLine, parseContent, serializeContent } from "./content";
import { SAMPLE_CONTENT } from "~documents/experience-parts";

const dates = { startDate: "2026-06-01", durationWeeks: 12 };
const checkIn = (week: number, hoursWorked: number) => ({ week, hoursWorked, mentorHoursReceived: 1, mentorHoursGiven: null });

test("the hours state the total, the average over the weeks with a check-in and how many, and name the weeks without one", () => {
  const hours = documentHours(dates, [checkIn(1, 22), checkIn(2, 21.5), checkIn(4, 18), checkIn(5, 20)], 5, 20);
  expect(hours.weeks.map((w) => w.hours)).toEqual([22, 21.5, null, 18, 20]);
  expect(hours.weeks[2]).toMatchObject({ week: 3, first: "2026-06-15", last: "2026-06-21" });
  expect(hoursFigures(hours)).toMatchObject({ periodWeeks: 5, reportedWeeks: 4, totalHours: 81.5, averageWeekly: 20.4, weeksAtFloor: 3, fewest: 18, most: 22, missingWeeks: [3] });
  const lines = hoursStatement(hours, "Amara Okafor");
  expect(lines[0]).toBe(
    "Amara Okafor recorded the hours worked each week in weekly check-ins. Over the 4 weeks with hours recorded, Amara Okafor worked 81.5 hours in total: an average of 20.4 hours a week.",
  );
  expect(lines[1]).toBe("3 of those 4 weeks were at 20 hours or more; the fewest hours in a week were 18 and the most 22.");
  expect(lines[2]).toBe("No hours were recorded for 1 of the 5 weeks of the period (week 3); it counts in neither the total nor the average.");
  expect(lines[3]).toBe("The position was scheduled for 20 hours a week.");
});

test("every week recorded says so; no week recorded states no hours rather than zero", () => {
  const all = documentHours(dates, [checkIn(1, 20), checkIn(2, 20)], 2, 20);
  expect(hoursStatement(all, "Lan")).toContain("Hours were recorded for every week of the period (2 weeks).");
  expect(hoursStatement(all, "Lan")[1]).toBe("2 of those 2 weeks were at 20 hours or more; every one was 20 hours.");
  const none = documentHours(dates, [], 3, 20);
  expect(hoursStatement(none, "Lan")).toEqual(["No hours were recorded for the 3 weeks of this period, so this document states no hours worked. The position was scheduled for 20 hours a week."]);
  expect(hoursStatement(documentHours(dates, [], 0, 20), "Lan")[0]).toMatch(/^No week of the internship had ended/);
  const missing = documentHours(dates, [checkIn(2, 25)], 4, 20);
  expect(hoursStatement(missing, "Lan")[2]).toBe("No hours were recorded for 3 of the 4 weeks of the period (weeks 1, 3 and 4); they count in neither the total nor the average.");
});

test("the period: to the completion day (never past the slot's last day), or to the present counting only weeks that have ended", () => {
  // Completed early, in week 6: six weeks, ending that day.
  expect(documentPeriod(dates, { status: "completed", today: "2026-09-01", completedDay: "2026-07-08", lastWrittenWeek: 5 })).toEqual({ endDate: "2026-07-08", weeks: 6 });
  // Marked completed a month after the last day: the letter ends on the last day.
  expect(documentPeriod(dates, { status: "completed", today: "2026-10-01", completedDay: "2026-09-20", lastWrittenWeek: 12 })).toEqual({ endDate: "2026-08-23", weeks: 12 });
  // Active on day 3 of week 3: weeks 1 and 2 have ended; week 3 counts once written.
  expect(documentPeriod(dates, { status: "active", today: "2026-06-17", completedDay: null, lastWrittenWeek: 2 })).toEqual({ endDate: null, weeks: 2 });
  expect(documentPeriod(dates, { status: "active", today: "2026-06-17", completedDay: null, lastWrittenWeek: 3 })).toEqual({ endDate: null, weeks: 3 });
  // Week 3's last day has passed.
  expect(documentPeriod(dates, { status: "active", today: "2026-06-22", completedDay: null, lastWrittenWeek: 0 })).toEqual({ endDate: null, weeks: 3 });
  expect(documentPeriod(dates, { status: "active", today: "2026-05-30", completedDay: null, lastWrittenWeek: 0 })).toEqual({ endDate: null, weeks: 0 });
});

test("duties are drafted from the project, each line of the learning plan, and the goals a mentor confirmed", () => {
  const duties = draftDuties({ project: "Build the\n  import pipeline.", learningPlan: "- Weeks 1–2: set up\n\n* Weeks 3–6: tests\n3. Present it", goalsDone: ["Ship the importer"] });
  expect(dutyLines(duties)).toEqual(["Build the import pipeline.", "Weeks 1–2: set up", "Weeks 3–6: tests", "Present it", "Completed: Ship the importer"]);
  expect(draftDuties({ project: null, learningPlan: null, goalsDone: [] })).toBe("");
});

test("while the internship is under way, the plan's weeks that have not begun are not duties yet", () => {
  const learningPlan = "Weeks 1–2: set up\nWeeks 3–6: tests\nWeeks 7–8: present it\nWrite the hand-over notes";
  expect(dutyLines(draftDuties({ project: null, learningPlan, goalsDone: [], throughWeek: 6 }))).toEqual(["Weeks 1–2: set up", "Weeks 3–6: tests", "Write the hand-over notes"]);
  expect(dutyLines(draftDuties({ project: null, learningPlan, goalsDone: [], throughWeek: 2 }))).toEqual(["Weeks 1–2: set up", "Write the hand-over notes"]);
  expect(dutyLines(draftDuties({ project: null, learningPlan, goalsDone: [], throughWeek: null }))).toHaveLength(4);
});

test("the address line is the street address, the city and the country, or the place alone", () => {
  expect(organizationAddressLine(SAMPLE_CONTENT.organization)).toBe("66 Chancellors Circle, Winnipeg, Canada");
  expect(organizationAddressLine({ address: null, place: "Canada" })).toBe("Canada");
});

test("pay is said as paid, a stipend, unpaid, or unpaid for course credit with the program", () => {
  expect(compensationLine({ compensation: "paid", academic: null })).toBe("Paid (hourly wage)");
  expect(compensationLine({ compensation: "unpaid", academic: null })).toBe("Unpaid");
  expect(compensationLine({ compensation: "course_credit", academic: { program: "Co-op", school: "University of Manitoba" } })).toBe(
    "Unpaid, for academic course credit (Co-op, University of Manitoba)",
  );
});

test("the opening sentence is in the past once ended and in the present while under way; a certificate certifies", () => {
  expect(openingSentence(SAMPLE_CONTENT, "Priya Raman, Research engineer")).toBe(
    "This letter confirms that Nguyễn Thị Lan worked with Riverbend Watershed Lab as Data pipeline intern: river sensor readings from May 4, 2026 to July 26, 2026, under the supervision of Priya Raman, Research engineer.",
  );
  expect(openingSentence({ ...SAMPLE_CONTENT, endDate: null }, null)).toMatch(/has worked with Riverbend Watershed Lab as .* since May 4, 2026, and still does\.$/);
  expect(openingSentence({ ...SAMPLE_CONTENT, kind: "completion_certificate" }, null)).toMatch(/^This certifies that Nguyễn Thị Lan completed an internship as /);
});

test("stored content is read back only when it is well formed", () => {
  expect(parseContent(serializeContent(SAMPLE_CONTENT))).toEqual(SAMPLE_CONTENT);
  expect(parseContent("not json")).toBeNull();
  expect(parseContent(JSON.stringify({ ...SAMPLE_CONTENT, version: 2 }))).toBeNull();
  // Stored before organizations had a street address: it reads, with none.
  const { address: _address, ...withoutAddress } = SAMPLE_CONTENT.organization;
  expect(parseContent(JSON.stringify({ ...SAMPLE_CONTENT, organization: withoutAddress }))?.organization).toEqual({ ...withoutAddress, address: null });
});

test("characters the documents' font cannot print are found, so the page can say so before a letter prints blanks", () => {
  expect(unprintableCharacters("Nguyễn Thị Łucja Дмитрий Ελένη Şahin")).toEqual([]);
  expect(unprintableCharacters("李明 (Ming Li)")).toEqual(["李", "明"]);
  expect(unprintableCharacters("김민 أحمد")).toEqual(["김", "민", "أ", "ح", "م", "د"]);
});
