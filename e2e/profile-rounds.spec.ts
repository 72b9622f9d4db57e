import { eq } from "drizzle-orm";
import { studentProfiles, studentProjects } from "~db/schema";
import { makeMatchableStudent } from "~db/test/match-factories";
import { expect, test } from "./fixtures";

// Issue 12, item 5: a complete profile asks whether to join the matching rounds, in words that say
// what that means, and does not claim the engine has everything while the student is outside them.

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a complete profile outside the rounds asks to join them, says what that means, and joins on yes", async ({ page, db, login }) => {
      const student = await makeMatchableStudent(db, {
        name: "Noor Haddad",
        skills: [["python", 3]],
        githubUrl: "https://github.com/noor",
        languages: ["English"],
        inMatching: false,
      });
      await db.insert(studentProjects).values({ userId: student.id, title: "Bus arrival predictor", description: "Predicts late buses from open data." });

      await login(student);
      await page.goto("/profile");
      await expect(page.getByRole("heading", { name: "Your profile is complete" })).toBeVisible();
      await expect(page.getByText(/matching engine ha(s|ve) everything/)).toHaveCount(0);
      const question = page.getByRole("region", { name: "You are not in the matching rounds. Should we include you?" });
      await expect(question).toContainText("An admin reviews every suggestion");
      await expect(question).toContainText("Outside the rounds, you are considered only for the slots you apply to.");
      // The setting itself says the same.
      await expect(page.getByRole("checkbox", { name: "Include me in matching rounds" })).not.toBeChecked();
      await expect(page.locator("#privacy")).toContainText("Outside the rounds, you are considered only for the slots you apply to.");

      await question.getByRole("button", { name: "Yes, include me in matching rounds" }).click();
      await expect(page.getByText("You are in the matching rounds. An admin reviews every match suggested for you")).toBeVisible();
      await expect(page.getByText("Mentors and the matching engine have everything they need, and you are in the matching rounds.")).toBeVisible();
      await expect(page.getByRole("region", { name: "You are not in the matching rounds. Should we include you?" })).toHaveCount(0);
      await expect(page.getByRole("checkbox", { name: "Include me in matching rounds" })).toBeChecked();
      const [profile] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id));
      expect(profile).toMatchObject({ inMatching: true, school: "Test University" });
    });
  });
}
