// The program the insights benchmark reads (bench/insights.ts), written by PostgreSQL with
// INSERT … SELECT generate_series: 50,000 students signed up over a year, 10,000 slots of 1,000
// organizations of every type, compensation and country, 100,000 applications, and the matches,
// completion records, follow-ups, letters, referrals, check-ins and emails they lead to.
import { sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { WORK_AUTHORIZATIONS } from "~/engine/work-authorization";

const STUDENTS = 50_000;
const ORGANIZATIONS = 1_000;
const MENTORS = 2_000;
const SLOTS = 10_000;
const APPLICATIONS = 100_000;

/** The program, written by PostgreSQL. Ids are md5 of a letter and the row's number, so rows find each other without lookups. */
export async function loadProgram(db: Db, NOW: Date) {
  const now = NOW.toISOString();
  const statuses = sql.raw(`array[${WORK_AUTHORIZATIONS.map((s) => `'${s}'`).join(", ")}]::work_authorization[]`);
  const steps: [string, ReturnType<typeof sql>][] = [
    [
      "students",
      sql`insert into users (id, email, name, role, password_hash, email_verified_at, created_at)
        select md5('s' || g)::uuid, 'bench-student-' || g || '@example.org', 'Student ' || g, 'student', 'x', ${now}::timestamptz,
          ${now}::timestamptz - interval '365 days' + (g % 365) * interval '1 day' + (g * 7919 % 86400) * interval '1 second'
        from generate_series(1, ${STUDENTS}) g`,
    ],
    [
      "profiles",
      // Four in five ready for matching; statuses in turn, one in nine not stated.
      sql`insert into student_profiles (user_id, school, country, city, timezone, available_from, available_weeks, hours_per_week_term, hours_per_week_break, work_modes, work_authorization, compensation, goals, in_matching)
        select md5('s' || g)::uuid, 'University ' || (g % 300), case when g % 3 = 0 then 'CA' else 'US' end, 'City', case when g % 3 = 0 then 'America/Toronto' else 'America/New_York' end,
          case when g % 5 <> 0 then date '2027-05-01' end, 12, 20, 40, '{remote}',
          case when g % 9 = 0 then null else (${statuses})[1 + g % ${WORK_AUTHORIZATIONS.length}] end,
          (array['paid_only', 'paid_or_stipend', 'any']::compensation_preference[])[1 + g % 3], '{mentorship,referral}', g % 5 <> 0
        from generate_series(1, ${STUDENTS}) g`,
    ],
    [
      "mentors",
      sql`insert into users (id, email, name, role, password_hash, email_verified_at, created_at)
        select md5('m' || g)::uuid, 'bench-mentor-' || g || '@example.org', 'Mentor ' || g, 'mentor', 'x', ${now}::timestamptz, ${now}::timestamptz - interval '400 days'
        from generate_series(1, ${MENTORS}) g`,
    ],
    [
      "organizations",
      sql`insert into organizations (id, name, slug, type, size, country, description, verified_at)
        select md5('o' || g)::uuid, 'Organization ' || g, 'bench-org-' || g,
          (array['startup', 'nonprofit', 'research_team', 'small_business', 'company', 'university']::organization_type[])[1 + g % 6],
          '11-50', case when g % 5 < 2 then 'CA' else 'US' end, 'A benchmark organization.', ${now}::timestamptz
        from generate_series(1, ${ORGANIZATIONS}) g`,
    ],
    [
      "members",
      sql`insert into organization_members (organization_id, user_id) select md5('o' || (1 + (g - 1) % ${ORGANIZATIONS}))::uuid, md5('m' || g)::uuid from generate_series(1, ${MENTORS}) g`,
    ],
    [
      "slots",
      // Organization g % 1000 (its country; a tenth of slots elsewhere in North America's other
      // country), compensation in turn; 60 % closed, 10 % filled, 30 % open with deadlines over
      // the next 60 days.
      sql`insert into slots (id, organization_id, title, description, project, mentor_hours_per_week, compensation, hourly_rate, stipend_amount, currency,
          hours_per_week, start_date, duration_weeks, application_deadline, seats, work_mode, country, timezone, accepted_authorizations,
          learning_plan, primary_beneficiary, status, published_at, created_at)
        select md5('t' || g)::uuid, md5('o' || (1 + g % ${ORGANIZATIONS}))::uuid, 'Slot ' || g, 'A benchmark slot.', 'A project.', 2,
          c.comp, case when c.comp = 'paid' then 25 end, case when c.comp = 'stipend' then 3000 end, case when c.comp in ('paid', 'stipend') then 'USD' end,
          20, d.deadline + 14, 12, d.deadline, 1 + g % 3, 'remote',
          case when (1 + g % ${ORGANIZATIONS}) % 5 < 2 then (case when g % 10 = 0 then 'US' else 'CA' end) else (case when g % 10 = 0 then 'CA' else 'US' end) end,
          'America/New_York', '{us_citizen_pr,us_f1_cpt,ca_citizen_pr,ca_coop_permit}',
          case when c.comp in ('unpaid', 'course_credit') then 'A plan.' end,
          case when c.comp in ('unpaid', 'course_credit') then '{"noExpectationOfPay":"a","educationalTraining":"b","tiedToEducation":"c","academicCalendar":"d","limitedDuration":"e","complementsStaff":"f","noJobEntitlement":"g"}'::jsonb end,
          (case when g % 10 < 6 then 'closed' when g % 10 = 6 then 'filled' else 'open' end)::slot_status,
          ${now}::timestamptz - interval '200 days', ${now}::timestamptz - interval '220 days'
        from generate_series(1, ${SLOTS}) g
          cross join lateral (select (array['paid', 'stipend', 'unpaid', 'course_credit']::slot_compensation[])[1 + (g / 7) % 4] as comp) c
          cross join lateral (select case when g % 10 >= 7 then ${now}::date + (g % 60) else ${now}::date - 30 - (g % 300) end as deadline) d`,
    ],
    [
      "slot mentors",
      sql`insert into slot_mentors (slot_id, user_id)
        select md5('t' || g)::uuid, md5('m' || (1 + g % ${MENTORS}))::uuid from generate_series(1, ${SLOTS}) g
        union all select md5('t' || g)::uuid, md5('m' || (1 + (g + 1000) % ${MENTORS}))::uuid from generate_series(1, ${SLOTS}, 5) g`,
    ],
    [
      "applications",
      // 40,000 students apply, two or three times each, to distinct slots.
      sql`insert into applications (id, slot_id, student_id, statement, status, submitted_at)
        select md5('a' || g)::uuid, md5('t' || (1 + (g * 7919 + ((g - 1) / 40000) * 3) % ${SLOTS}))::uuid, md5('s' || (1 + (g - 1) % 40000))::uuid, 'I would like to.',
          (array['submitted', 'submitted', 'shortlisted', 'match_proposed', 'introduced', 'introduced', 'not_selected', 'not_selected', 'not_selected', 'withdrawn']::application_status[])[1 + g % 10],
          ${now}::timestamptz - (g % 330) * interval '1 day' - (g % 24) * interval '1 hour'
        from generate_series(1, ${APPLICATIONS}) g`,
    ],
    [
      "matches",
      // From the applications proposed or introduced (30,000), and 10,000 round proposals for students who never applied.
      sql`insert into matches (id, slot_id, student_id, source, application_id, score, reasons, status, closing_reason, introduced_at, confirmed_at, started_at, completed_at, created_at, updated_at)
        select id, slot_id, student_id, source::match_source, application_id, 50 + k % 45, '[]'::jsonb, st::match_status,
          case when st in ('rejected', 'not_proceeding') then 'Benchmark.' end,
          case when st not in ('proposed', 'rejected') then at + interval '5 days' end,
          case when st in ('confirmed', 'active', 'completed') then at + interval '12 days' end,
          case when st in ('active', 'completed') then at + interval '30 days' end,
          case when st = 'completed' then at + interval '110 days' end,
          at, at + interval '5 days'
        from (
          select md5('x' || a.id)::uuid as id, a.slot_id, a.student_id, 'application' as source, a.id as application_id, a.submitted_at - interval '120 days' as at,
            (array['proposed', 'rejected', 'introduced', 'interviewing', 'confirmed', 'active', 'active', 'completed', 'completed', 'completed', 'completed', 'not_proceeding'])[1 + abs(hashtext(a.id::text)) % 12] as st,
            abs(hashtext(a.id::text)) as k
          from applications a where a.status in ('match_proposed', 'introduced')
          union all
          select md5('r' || g)::uuid, md5('t' || (1 + g * 31 % ${SLOTS}))::uuid, md5('s' || (40000 + g))::uuid, 'round', null, ${now}::timestamptz - (g % 300) * interval '1 day' - interval '120 days',
            (array['proposed', 'rejected', 'introduced', 'confirmed', 'active', 'completed', 'completed', 'not_proceeding'])[1 + g % 8], g
          from generate_series(1, 10000) g
        ) m`,
    ],
    [
      "completion records",
      sql`insert into match_outcomes (match_id, benefits, return_offer)
        select id, (array['{"mentorship":true,"referral":true}', '{"mentorship":true,"referral":false}', '{"mentorship":false,"referral":false}', '{}', '{"recommendation_letter":true}'])[1 + abs(hashtext(id::text)) % 5]::jsonb,
          (array['yes', 'no', 'no', 'pending']::return_offer_answer[])[1 + abs(hashtext(id::text)) % 4]
        from matches where status = 'completed' and abs(hashtext(id::text)) % 5 <> 0`,
    ],
    [
      "follow-ups",
      sql`insert into outcome_follow_ups (match_id, months, sent_at, answer, answered_at)
        select id, m, completed_at + m * interval '30 days',
          case when abs(hashtext(id::text || m)) % 10 < 6 then (array['paid_internship', 'full_time_offer', 'still_searching', 'studying']::follow_up_answer[])[1 + abs(hashtext(id::text)) % 4] end,
          case when abs(hashtext(id::text || m)) % 10 < 6 then completed_at + m * interval '31 days' end
        from matches cross join (values (3), (6)) v(m) where status = 'completed'`,
    ],
    [
      "letters",
      sql`insert into recommendation_letters (id, match_id, purpose, due_date, waived, state, format, body, verification_code, ready_at)
        select md5('l' || id)::uuid, id, 'jobs', ${now}::date, false, st::letter_state, case when st = 'ready' then 'written'::letter_format end, 'Recommended.',
          case when st = 'ready' then upper(substr(md5('l' || id), 1, 16)) end, case when st = 'ready' then ${now}::timestamptz end
        from (select id, (array['ready', 'ready', 'ready', 'writing', 'requested'])[1 + abs(hashtext(id::text)) % 5] as st from matches
          where (status = 'completed' and abs(hashtext(id::text || 'l')) % 10 < 4) or (status = 'active' and abs(hashtext(id::text || 'l')) % 10 = 0)) l`,
    ],
    [
      "deliveries",
      sql`insert into letter_deliveries (letter_id, recipient_name, recipient_email, token_id, secret_hash, expires_at)
        select id, 'Admissions', 'admissions@example.org', md5('d' || id), 'x', ${now}::timestamptz + interval '30 days'
        from recommendation_letters where state = 'ready' and abs(hashtext(id::text)) % 10 < 6`,
    ],
    [
      "referrals",
      sql`insert into referrals (match_id, company, role, state, method, referred_on, decline_reason)
        select id, 'Company', 'Engineer', st::referral_state, case when st = 'accepted' then 'internal_tool'::referral_method end,
          case when st = 'accepted' then ${now}::date end, case when st = 'declined' then 'Not now.' end
        from (select id, (array['accepted', 'accepted', 'accepted', 'requested', 'declined'])[1 + abs(hashtext(id::text || 'r')) % 5] as st from matches
          where status = 'completed' and abs(hashtext(id::text || 'q')) % 4 = 0) r`,
    ],
    [
      "check-ins",
      // Running internships: a check-in for most weeks, some left silent for weeks (stalled).
      sql`insert into check_ins (match_id, week, done, next, hours_worked, mentor_hours_received, late, submitted_at)
        select id, w, 'Work.', 'More.', 20, 1, false, started_at + w * interval '7 days'
        from matches cross join generate_series(1, 6) w
        where status = 'active' and started_at + w * interval '7 days' < ${now}::timestamptz - (abs(hashtext(id::text)) % 4) * interval '10 days'`,
    ],
    [
      "emails",
      sql`insert into emails (template, "to", subject, status, attempts, last_error, created_at, sent_at)
        select 'bench', array['someone-' || g || '@example.org'], 'Email ' || g,
          (case when g % 100 < 2 then 'failed' when g % 500 = 7 then 'queued' else 'sent' end)::email_status, 1,
          case when g % 100 < 2 then 'Mailbox unavailable' end,
          ${now}::timestamptz - (g % 43200) * interval '1 minute', case when g % 100 >= 2 then ${now}::timestamptz end
        from generate_series(1, 60000) g`,
    ],
  ];
  const counts: string[] = [];
  for (const [name, statement] of steps) {
    const result = await db.execute(statement);
    counts.push(`${name} ${result.count.toLocaleString("en-US")}`);
  }
  await db.execute(sql`vacuum analyze`);
  return counts;
}

