import { render } from "@react-email/render";
import { expect, test } from "vitest";
import ReferralAnswered, { referralAnsweredSubject, referralMentorGoneSubject } from "./referral-answered";
import ReferralNudge, { referralNudgeSubject } from "./referral-nudge";
import ReferralOutcome, { referralOutcomeSubject } from "./referral-outcome";
import ReferralRequested, { referralRequestedSubject } from "./referral-requested";
import ReferralWithdrawn, { referralWithdrawnSubject } from "./referral-withdrawn";

const text = (email: React.ReactElement) => render(email, { plainText: true });

test("the request tells the mentor who asks, for what, with the posting and the note, and where to answer", async () => {
  expect(referralRequestedSubject("Amara Okafor", "Northwind")).toBe("Amara Okafor asks you for a referral at Northwind");
  const mail = await text(<ReferralRequested {...ReferralRequested.PreviewProps} />);
  expect(mail).toContain("for the role of Junior data engineer at Northwind Analytics");
  expect(mail).toContain("https://careers.northwind.example/jobs/1234");
  expect(mail).toContain("The team there builds the same kind of importer");
  expect(mail).toContain(`paste this address into your browser: ${ReferralRequested.PreviewProps.referralUrl}`);
  expect(await text(<ReferralRequested {...ReferralRequested.PreviewProps} note={null} />)).not.toContain("importer");
});

test("the answer tells the student how and when they were referred, or the mentor's reason", async () => {
  expect(referralAnsweredSubject("Priya Raman", "Northwind", true)).toBe("Priya Raman referred you at Northwind");
  expect(referralAnsweredSubject("Priya Raman", "Northwind", false)).toBe("Priya Raman answered your referral request for Northwind");
  const yes = await text(<ReferralAnswered {...ReferralAnswered.PreviewProps} />);
  expect(yes).toContain("referred you for Junior data engineer at Northwind Analytics on Nov 3, 2026, through the company's internal referral tool.");
  expect(yes).toContain("I flagged you to the hiring manager, Sam.");
  const no = await text(<ReferralAnswered {...ReferralAnswered.PreviewProps} answer={{ accepted: false, reason: "I only know\ntheir sales team." }} />);
  expect(no).toContain("cannot refer you");
  expect(no).toMatch(/I only know\s*\n\s*their sales team\./);
  expect(no).not.toContain("internal referral tool");
});

test("the nudge asks the student what happened, or reminds the mentor of the waiting request", async () => {
  expect(referralNudgeSubject("student", "Northwind", "Priya Raman")).toBe("What happened with your referral at Northwind?");
  expect(referralNudgeSubject("mentor", "Northwind", "Amara Okafor")).toBe("Amara Okafor is waiting for your answer about a referral at Northwind");
  expect(await text(<ReferralNudge {...ReferralNudge.PreviewProps} />)).toContain("nothing has been recorded for 15 days");
  const mentor = await text(<ReferralNudge {...ReferralNudge.PreviewProps} to="mentor" otherName="Amara Okafor" days={7} />);
  expect(mentor).toContain("Amara Okafor asked you 7 days ago for a referral");
});

test("an outcome tells the other side who recorded what, with the referral's link", async () => {
  expect(referralOutcomeSubject("Amara Okafor", "Northwind", "Interviewing")).toBe("Referral at Northwind: Interviewing — from Amara Okafor");
  const toMentor = await text(<ReferralOutcome {...ReferralOutcome.PreviewProps} />);
  expect(toMentor).toContain("Amara Okafor recorded what came of the referral you made for Junior data engineer at Northwind Analytics: Interviewing.");
  expect(toMentor).toContain(`paste this address into your browser: ${ReferralOutcome.PreviewProps.referralUrl}`);
  const toStudent = await text(<ReferralOutcome {...ReferralOutcome.PreviewProps} to="student" name="Amara" byName="Priya Raman" outcome="Offer" />);
  expect(toStudent).toContain("Priya Raman recorded what came of your referral for Junior data engineer at Northwind Analytics: Offer.");
});

test("a withdrawal tells the mentor there is nothing more to do, and links nowhere", async () => {
  expect(referralWithdrawnSubject("Amara Okafor", "Northwind")).toBe("Amara Okafor withdrew their referral request for Northwind");
  const mail = await text(<ReferralWithdrawn {...ReferralWithdrawn.PreviewProps} />);
  expect(mail).toContain("Amara Okafor withdrew their request for a referral for Junior data engineer at Northwind Analytics.");
  expect(mail).not.toContain("http");
});

test("a request declined because the mentor's account was deleted does not say the mentor gave a reason", async () => {
  expect(referralMentorGoneSubject("Northwind")).toBe("Your referral request for Northwind: ask another mentor");
  const reason = "Your mentor deleted their Steppingstone account before answering this request. Ask another mentor of the internship.";
  const mail = await text(<ReferralAnswered {...ReferralAnswered.PreviewProps} answer={{ accepted: false, reason, accountDeleted: true }} />);
  expect(mail).toContain("Priya Raman can no longer answer your request for a referral for Junior data engineer at Northwind Analytics:");
  expect(mail).toContain(reason);
  expect(mail).not.toContain("Their reason");
});
