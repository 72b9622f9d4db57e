import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { publicPromiseRecord, tallyPromises, type CompletedInternship, type SlotOffer } from "~/modules/promises/promises";
import { AdminPromiseRecord, PromiseRecordList, PublicPromiseRecordCard } from "./promise-record";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&apos;/g, "'").replace(/\s+/g, " ");
const internship = (kept: [SlotOffer, boolean | null][]): CompletedInternship => ({
  verdicts: kept.map(([benefit, k]) => ({ benefit, kept: k })),
  mentorHoursPromised: 10,
  mentorHoursDelivered: 10,
});
// Three internships promised a referral; one of them also course credit, which its intern said never came.
const tally = tallyPromises([
  internship([["referral", true]]),
  internship([["referral", null]]),
  internship([["referral", true], ["course_credit", false]]),
]);

test("the public card counts only the kinds shown and says which count; one wording for what is not known", () => {
  const card = text(renderToStaticMarkup(<PublicPromiseRecordCard record={publicPromiseRecord(tally)} organizationName="Acme" />));
  expect(card).toContain("2 of 2 promises kept across 3 completed internships");
  expect(card).toContain("1 more promise not known yet, counted neither way.");
  expect(card).toContain("A kind of promise counts once 3 internships made it.");
  expect(card).not.toContain("Course credit");
});

test("admins read every promise, and what the slot pages show instead when a kind is left out", () => {
  const admin = text(renderToStaticMarkup(<AdminPromiseRecord tally={tally} />));
  expect(admin).toContain("2 of 3 promises kept (66%) across 3 completed internships · 1 not known yet");
  expect(admin).toContain("Course credit 0/1");
  expect(admin).toContain("Its slot pages show 2 of 2: Course credit left out, promised by fewer than 3 internships.");
  const evenly = text(renderToStaticMarkup(<AdminPromiseRecord tally={tallyPromises([1, 2, 3].map(() => internship([["referral", true]])))} />));
  expect(evenly).not.toContain("Its slot pages show");
});

test("a mentor of the organization reads a promise kept without where it came from", () => {
  const list = (side: "student" | "mentor") =>
    text(
      renderToStaticMarkup(
        <PromiseRecordList
          record={[{ benefit: "recommendation_letter", kept: true, source: side === "mentor" ? "records_or_student" : "letter" }]}
          evidence={{ letterDeliveredOn: side === "mentor" ? null : "2026-11-02", referralMadeOn: null }}
          side={side}
          studentFirstName="Amara"
        />,
      ),
    );
  expect(list("student")).toContain("A recommendation letter was delivered through Steppingstone on Nov 2, 2026.");
  expect(list("mentor")).toContain("From Steppingstone's records or Amara's answer.");
  expect(list("mentor")).not.toContain("Nov 2");
});
