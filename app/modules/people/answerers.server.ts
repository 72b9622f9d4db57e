import { sql, type SQL } from "drizzle-orm";
import { organizationMembers, slotMentors, users } from "~db/schema";

// Who answers a slot's applicants and mentorships, as SQL for the statements that close, reopen or
// keep slots when an account is suspended, reactivated or made an admin. One rule, as the emails
// to a slot's mentors have it (slotMentorRecipients): the slot's named mentors who are members of
// its organization; when none of them is, every member.

/** `userId` answers the slot `slotId` of organization `organizationId` (references into the outer statement). */
export function answersSlot(slotId: SQL, organizationId: SQL, userId: string) {
  return sql`(exists (select 1 from ${organizationMembers} om where om.organization_id = ${organizationId} and om.user_id = ${userId})
    and (exists (select 1 from ${slotMentors} sm where sm.slot_id = ${slotId} and sm.user_id = ${userId})
      or ${noNamedMember(slotId, organizationId)}))`;
}

/** Someone besides `userId` answers that slot and can: a member with the mentor role (not an admin), not suspended. */
export function anotherAnswers(slotId: SQL, organizationId: SQL, userId: string) {
  return sql`exists (
    select 1 from ${organizationMembers} om join ${users} u on u.id = om.user_id
    where om.organization_id = ${organizationId} and om.user_id <> ${userId} and u.suspended_at is null and u.role = 'mentor'
      and (exists (select 1 from ${slotMentors} sm where sm.slot_id = ${slotId} and sm.user_id = om.user_id) or ${noNamedMember(slotId, organizationId)}))`;
}

function noNamedMember(slotId: SQL, organizationId: SQL) {
  return sql`not exists (select 1 from ${slotMentors} named join ${organizationMembers} m on m.user_id = named.user_id and m.organization_id = ${organizationId} where named.slot_id = ${slotId})`;
}
