import { describe, expect, test } from "vitest";
import { benefitGoals, draftGoals, learningPlanGoals, MAX_DRAFTED_PLAN_LINES, MAX_GOAL_TITLE } from "./plan-draft";

describe("goals from the learning plan", () => {
  test("a week prefix sets the target week to its range's end and leaves the title", () => {
    const plan = "Weeks 1–2: set up the project and ship a first fix.\nWeek 4: write the importer\nWeeks 7 to 12 - own a feature end to end";
    expect(learningPlanGoals(plan, 12)).toEqual([
      { title: "Set up the project and ship a first fix", targetWeek: 2, source: "learning_plan", benefit: null },
      { title: "Write the importer", targetWeek: 4, source: "learning_plan", benefit: null },
      { title: "Own a feature end to end", targetWeek: 12, source: "learning_plan", benefit: null },
    ]);
  });

  test("bullets and numbering go; lines without a week are spread over the internship", () => {
    const plan = "- Learn the codebase\n\n2. Fix a bug\n* Build the map view\n• Present it to the team";
    expect(learningPlanGoals(plan, 12).map((g) => [g.title, g.targetWeek])).toEqual([
      ["Learn the codebase", 3],
      ["Fix a bug", 6],
      ["Build the map view", 9],
      ["Present it to the team", 12],
    ]);
  });

  test("a week past the internship is its last week; a heading is no goal", () => {
    expect(learningPlanGoals("Our plan:\nWeeks 9-16: ship it", 10)).toEqual([{ title: "Ship it", targetWeek: 10, source: "learning_plan", benefit: null }]);
  });

  test("a long plan gives at most 8 goals, and a long line a title of at most 200 characters", () => {
    const plan = Array.from({ length: 12 }, (_, i) => `Step ${i + 1} ${"with many words ".repeat(i === 0 ? 30 : 1)}`).join("\n");
    const goals = learningPlanGoals(plan, 12);
    expect(goals).toHaveLength(MAX_DRAFTED_PLAN_LINES);
    expect(goals[0]!.title.length).toBeLessThanOrEqual(MAX_GOAL_TITLE);
    expect(goals[0]!.title.endsWith("…")).toBe(true);
    expect(goals.every((g) => g.targetWeek >= 1 && g.targetWeek <= 12)).toBe(true);
  });

  test("no plan, no goals", () => {
    expect(learningPlanGoals(null, 12)).toEqual([]);
    expect(learningPlanGoals("  \n - \n", 12)).toEqual([]);
  });
});

describe("goals from the benefits", () => {
  test("what the slot promises and what the student wants, once each, in the last week; mentorship is not a goal", () => {
    expect(benefitGoals(["recommendation_letter", "course_credit"], ["mentorship", "recommendation_letter", "portfolio_project"], 10)).toEqual([
      { title: "Recommendation letter from your mentor", targetWeek: 10, source: "student_goal", benefit: "recommendation_letter" },
      { title: "A portfolio project to show", targetWeek: 10, source: "student_goal", benefit: "portfolio_project" },
      { title: "Course credit paperwork signed", targetWeek: 10, source: "student_goal", benefit: "course_credit" },
    ]);
  });

  test("a slot without a learning plan starts the plan with its benefits", () => {
    expect(draftGoals({ learningPlan: null, offers: ["referral"], studentGoals: ["return_offer"], durationWeeks: 8 }).map((g) => g.title)).toEqual([
      "Referral for a next role",
      "Return-offer conversation",
    ]);
  });
});
