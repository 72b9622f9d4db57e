import { randomBytes } from "node:crypto";
import { checkIns } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { expect, test } from "./fixtures";

// Issue 13: what waits for each side outside the tabs, on the overview of a match and on /matches,
// under production's policy.

const newYorkToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });

test("the overview and the list say what waits: the student's check-in due, the mentor's replies owed, each with a link to its tab", async ({ page, db, login, newDevice }) => {
  const tag = randomBytes(3).toString("hex");
  const today = newYorkToday();
  // Started 15 days ago in the slot's zone: this is week 3, due in 5 days; weeks 1 and 2 are written, without replies.
  const { student, mentor, match } = await makeMentorship(db, {
    startedDaysAgo: 15,
    slot: { applicationDeadline: addDays(today, -60), title: `Flood maps ${tag}` },
  });
  for (const week of [1, 2]) {
    await db.insert(checkIns).values({ matchId: match.id, week, done: "Cleaned the gauge data.", next: "The import.", hoursWorked: 20 + week, mentorHoursReceived: 2, late: false });
  }
  const due = `Week 3 check-in due ${weekday(addDays(today, 5))}`;

  // The student: the overview's card says the check-in is due and links to the check-ins tab.
  await login(student);
  await page.goto("/matches");
  await expect(page.getByRole("link", { name: new RegExp(`Flood maps ${tag}`) })).toContainText(due);
  await page.goto(`/matches/${match.id}`);
  const card = page.getByRole("region", { name: "This week" });
  await expect(card.getByText("Week 3 of 12")).toBeVisible();
  await expect(card.getByText(due)).toBeVisible();
  await expect(card.getByText("21.5 hours a week on average over 2 check-ins")).toBeVisible();
  await page.screenshot({ path: "/tmp/summary-student.png", fullPage: true });
  await card.getByRole("listitem").filter({ hasText: due }).getByRole("link", { name: "Open check-ins" }).click();
  await expect(page).toHaveURL(new RegExp(`/matches/${match.id}/check-ins$`));
  await expect(page.getByRole("link", { name: "Check-ins & hours" })).toHaveAttribute("aria-current", "page");

  // A mentor: two check-ins wait for a reply.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto("/matches");
  await expect(mentorPage.getByRole("link", { name: new RegExp(`Flood maps ${tag}`) })).toContainText("2 check-ins wait for your reply");
  await mentorPage.goto(`/matches/${match.id}`);
  const mentorCard = mentorPage.getByRole("region", { name: "This week" });
  await expect(mentorCard.getByText("2 check-ins wait for your reply")).toBeVisible();
  await expect(mentorCard.getByText(due)).toHaveCount(0);
  await mentorPage.screenshot({ path: "/tmp/summary-mentor.png", fullPage: true });
  await mentorCard.getByRole("listitem").filter({ hasText: "2 check-ins wait for your reply" }).getByRole("link", { name: "Open check-ins" }).click();
  await expect(mentorPage).toHaveURL(new RegExp(`/matches/${match.id}/check-ins$`));
});
