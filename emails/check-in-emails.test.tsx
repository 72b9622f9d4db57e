import { render } from "@react-email/render";
import { expect, test } from "vitest";
import { quoteForEmail } from "~/modules/mentorship/check-ins.server";
import CheckInReplied, { checkInRepliedSubject } from "./check-in-replied";
import CheckInWritten, { checkInWrittenSubject } from "./check-in-written";

const text = (email: React.ReactElement) => render(email, { plainText: true });

test("the check-in emails say who wrote which week, quote it, and give the page's address as plain text too", async () => {
  expect(checkInWrittenSubject("Amara Okafor", 3)).toBe("Amara Okafor wrote the check-in for week 3");
  expect(checkInRepliedSubject("Priya Raman", 3)).toBe("Priya Raman replied to your check-in for week 3");

  const written = await text(<CheckInWritten {...CheckInWritten.PreviewProps} />);
  expect(written).toContain(`If the button does not work, paste this address into your browser: ${CheckInWritten.PreviewProps.checkInsUrl}`);
  expect(written).not.toContain("after its due day");
  expect(await text(<CheckInWritten {...CheckInWritten.PreviewProps} late blockers={null} />)).toMatch(/week 3 of “[^”]+” \(after its due day\)/);

  const replied = await text(<CheckInReplied {...CheckInReplied.PreviewProps} reply={"Great progress.\n\nLet's pair on Thursday."} />);
  expect(replied).toMatch(/Great progress\.\n\s*\n\s*Let's pair on Thursday\./);
  expect(replied).toContain(`If the button does not work, paste this address into your browser: ${CheckInReplied.PreviewProps.checkInsUrl}`);
});

test("the mentor's email gives the whole check-in, each part labelled, its paragraphs kept", async () => {
  const written = await text(<CheckInWritten {...CheckInWritten.PreviewProps} />);
  // Each label, then its text; the blank line between the student's two paragraphs survives.
  expect(written).toMatch(/What they did\s+Finished the CSV importer and its tests\.\n\s*\n\s*Opened a pull request/);
  expect(written).toMatch(/What is next\s+Start on the gauge chart\./);
  expect(written).toMatch(/Blockers\s+Waiting for access to the staging database\./);
  expect(written).toContain("Hours worked: 22.5 hours");
  expect(written).toContain("Mentor time received: 2 hours");
  expect(written.indexOf("What they did")).toBeLessThan(written.indexOf("What is next"));
  const unblocked = await text(<CheckInWritten {...CheckInWritten.PreviewProps} blockers={null} mentorHoursReceived={1} />);
  expect(unblocked).not.toContain("Blockers");
  expect(unblocked).toContain("Mentor time received: 1 hour\n");
});

test("a long answer is cut at a word with an ellipsis, and at a dozen lines; a short one is quoted whole", () => {
  expect(quoteForEmail("Short.\n\nTwo paragraphs.")).toBe("Short.\n\nTwo paragraphs.");
  const long = "word ".repeat(200).trim();
  const cut = quoteForEmail(long);
  expect(cut.length).toBeLessThanOrEqual(601);
  expect(cut).toMatch(/ word…$/);
  const list = Array.from({ length: 30 }, (_, i) => `- item ${i + 1}`).join("\n");
  expect(quoteForEmail(list).split("\n")).toHaveLength(12);
  expect(quoteForEmail(list)).toMatch(/- item 12…$/);
});
