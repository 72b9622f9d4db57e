import { render } from "@react-email/render";
import { expect, test } from "vitest";
import CheckInReplied, { checkInRepliedSubject } from "./check-in-replied";
import CheckInWritten, { checkInWrittenSubject } from "./check-in-written";

const text = (email: React.ReactElement) => render(email, { plainText: true });

test("the check-in emails say who wrote which week, quote it, and give the page's address as plain text too", async () => {
  expect(checkInWrittenSubject("Amara Okafor", 3)).toBe("Amara Okafor wrote the check-in for week 3");
  expect(checkInRepliedSubject("Priya Raman", 3)).toBe("Priya Raman replied to your check-in for week 3");

  const written = await text(<CheckInWritten {...CheckInWritten.PreviewProps} />);
  expect(written).toContain(CheckInWritten.PreviewProps.done);
  expect(written).toContain(`Blocked by: ${CheckInWritten.PreviewProps.blockers}`);
  expect(written).toContain(`If the button does not work, paste this address into your browser: ${CheckInWritten.PreviewProps.checkInsUrl}`);
  expect(written).not.toContain("after its due day");
  expect(await text(<CheckInWritten {...CheckInWritten.PreviewProps} late blockers={null} />)).toMatch(/week 3 of “[^”]+” \(after its due day\)/);

  const replied = await text(<CheckInReplied {...CheckInReplied.PreviewProps} />);
  expect(replied).toContain(CheckInReplied.PreviewProps.reply);
  expect(replied).toContain(`If the button does not work, paste this address into your browser: ${CheckInReplied.PreviewProps.checkInsUrl}`);
});
