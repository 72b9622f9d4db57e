-- Hand-edited. drizzle-kit generated only the type change of "warnings", which fails on existing
-- rows (text[] has no cast to jsonb) and would leave the old sentences in place.
--
-- Up to 0005 the matching engine stored English on each match: "warnings" was a text[] of
-- sentences and each component of "reasons" carried a "label" and a "reason" sentence. It now
-- stores codes with params (app/matching/explanations.ts), worded per audience by app/messages.
-- This migration is the one place that reads the old English: the functions below parse every
-- sentence the engine could write at 0005 (app/matching/work-authorization.ts, score.ts and
-- words.ts as of that commit) back into its code. Nothing in the app reads sentences any more.
-- The functions exist only while this migration runs; the last statement drops them.
--
-- Sentences the engine never wrote (there should be none) are dropped, warnings and score
-- components alike: no code would tell the truth about them. The match's score stays.

-- "a, b and c" (listWords at 0005) → {a,b,c}. Items are skill slugs or goal names, neither of
-- which contains ", " or " and ". NULL when the words are not such a list.
CREATE FUNCTION steppingstone_0006_list(words text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  parts text[];
BEGIN
  IF words IS NULL OR words = '' THEN
    RETURN '{}';
  END IF;
  parts := string_to_array(words, ' and ');
  IF cardinality(parts) > 2 THEN
    RETURN NULL;
  END IF;
  RETURN string_to_array(parts[1], ', ') || parts[2:2];
END
$$;
--> statement-breakpoint
-- Goal names as the 0005 sentences said them (GOAL_NAMES) → goal ids. NULL on an unknown name.
CREATE FUNCTION steppingstone_0006_goals(words text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  ids constant jsonb := '{
    "mentorship": "mentorship",
    "a recommendation letter": "recommendation_letter",
    "a referral": "referral",
    "return-offer consideration": "return_offer",
    "a portfolio project": "portfolio_project",
    "course credit": "course_credit"
  }';
  names text[] := steppingstone_0006_list(words);
  goals jsonb;
BEGIN
  IF names IS NULL OR NOT ids ?& names THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(jsonb_agg(ids -> n.name ORDER BY n.position), '[]') INTO goals
  FROM unnest(names) WITH ORDINALITY AS n(name, position);
  RETURN goals;
END
$$;
--> statement-breakpoint
-- One 0005 warning sentence (authorizationFit's warnings) → { code, params }; NULL if unknown.
CREATE FUNCTION steppingstone_0006_warning(sentence text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  hours constant text := '([0-9]+(?:\.[0-9]+)?)';
  day constant text := '([0-9]{4}-[0-9]{2}-[0-9]{2})';
  m text[];
BEGIN
  CASE sentence
    WHEN 'Your DSO must authorize CPT for this employer and these dates before your first day.' THEN
      RETURN '{"code": "cpt_dso_authorization", "params": {}}';
    WHEN 'The organization has not said it can give the offer letter CPT needs; ask before you apply.' THEN
      RETURN '{"code": "cpt_offer_letter", "params": {}}';
    WHEN 'You need your EAD card before the first day.' THEN
      RETURN '{"code": "opt_pre_ead", "params": {}}';
    WHEN 'The work must relate to your major.' THEN
      RETURN '{"code": "opt_post_major", "params": {}}';
    WHEN 'Your Responsible Officer must approve this position in writing before you start.' THEN
      RETURN '{"code": "j1_officer_approval", "params": {}}';
    WHEN 'A co-op permit covers placements that are part of your program; check with your school that this one can be.' THEN
      RETURN '{"code": "coop_permit_placement", "params": {}}';
    WHEN 'STEM OPT needs an employer in E-Verify that signs Form I-983; confirm the organization can.' THEN
      RETURN '{"code": "stem_opt_everify_unknown", "params": {}}';
    ELSE
      NULL;
  END CASE;

  m := regexp_match(sentence, '^CPT is limited to 20 hours a week during term; this slot is ' || hours || ' — fine only in a break\.$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'cpt_term_hours', 'params', jsonb_build_object('hours', m[1]::numeric));
  END IF;
  m := regexp_match(sentence, '^Pre-completion OPT is limited to 20 hours a week during term; this slot is ' || hours || ' — fine only in a break\.$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'opt_pre_term_hours', 'params', jsonb_build_object('hours', m[1]::numeric));
  END IF;
  m := regexp_match(sentence, '^A study permit allows 24 hours a week during academic sessions; this slot is ' || hours || ' — fine only in a scheduled break\.$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'study_permit_hours', 'params', jsonb_build_object('hours', m[1]::numeric));
  END IF;
  m := regexp_match(sentence, '^Your authorization starts on ' || day || ', after this slot starts \(' || day || '\)\.$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'auth_starts_after', 'params', jsonb_build_object('validFrom', m[1], 'startDate', m[2]));
  END IF;
  m := regexp_match(sentence, '^Your authorization ends on ' || day || ', before this slot ends \(' || day || '\)\.$');
  IF m IS NOT NULL THEN
    RETURN jsonb_build_object('code', 'auth_ends_before', 'params', jsonb_build_object('validUntil', m[1], 'endDate', m[2]));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A 0005 warnings array → the jsonb array of codes, in the same order; unknown sentences dropped.
CREATE FUNCTION steppingstone_0006_warnings(sentences text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(c.warning ORDER BY s.position) FILTER (WHERE c.warning IS NOT NULL), '[]'::jsonb)
  FROM unnest(sentences) WITH ORDINALITY AS s(sentence, position)
  CROSS JOIN LATERAL (SELECT steppingstone_0006_warning(s.sentence) AS warning) AS c
$$;
--> statement-breakpoint
-- The 0005 sentence of one score component (scorePair's components) → { code, params }; NULL if
-- the sentence is not one its key could have had.
CREATE FUNCTION steppingstone_0006_reason(key text, sentence text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  num constant text := '([0-9]+(?:\.[0-9]+)?)';
  -- a listWords list of slugs: no spaces but the separators, so it cannot run into ". Missing"
  slugs constant text := '((?:[^ ]|, | and )+)';
  m text[];
  covered text[];
  below text[];
  missing text[];
  met jsonb;
  unmet jsonb;
  split integer;
BEGIN
  CASE key
    WHEN 'required_skills' THEN
      IF sentence = 'The slot requires no particular skill.' THEN
        RETURN '{"code": "required_none", "params": {}}';
      END IF;
      -- "Covers 1 of 3 required skills at the level asked (python). Below the level asked in sql. Missing c++ and node.js."
      m := regexp_match(sentence, '^Covers [0-9]+ of ([0-9]+) required skills at the level asked(?: \(([^()]+)\))?\.'
        || '(?: Below the level asked in ' || slugs || '\.)?(?: Missing ' || slugs || '\.)?$');
      covered := steppingstone_0006_list(m[2]);
      below := steppingstone_0006_list(m[3]);
      missing := steppingstone_0006_list(m[4]);
      IF m IS NOT NULL AND covered IS NOT NULL AND below IS NOT NULL AND missing IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'required_skills', 'params',
          jsonb_build_object('total', m[1]::integer, 'covered', to_jsonb(covered), 'below', to_jsonb(below), 'missing', to_jsonb(missing)));
      END IF;

    WHEN 'nice_skills' THEN
      IF sentence = 'The slot lists no nice-to-have skills.' THEN
        RETURN '{"code": "nice_none", "params": {}}';
      END IF;
      m := regexp_match(sentence, '^Has [0-9]+ of ([0-9]+) nice-to-have skills \(([^()]+)\)\.$');
      covered := steppingstone_0006_list(m[2]);
      IF m IS NOT NULL AND covered IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'nice_skills', 'params', jsonb_build_object('total', m[1]::integer, 'has', to_jsonb(covered)));
      END IF;
      m := regexp_match(sentence, '^Has none of the ([0-9]+) nice-to-have skills\.$');
      IF m IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'nice_skills', 'params', jsonb_build_object('total', m[1]::integer, 'has', '[]'::jsonb));
      END IF;

    WHEN 'goals' THEN
      IF sentence = 'No particular goals were given.' THEN
        RETURN '{"code": "goals_none", "params": {}}';
      END IF;
      -- "Can give A, B and C, not D and E." / "Can give A." / "Cannot give D and E."
      m := regexp_match(sentence, '^Can give (.+)\.$');
      IF m IS NOT NULL THEN
        split := strpos(m[1], ', not ');
        IF split = 0 THEN
          met := steppingstone_0006_goals(m[1]);
          unmet := '[]';
        ELSE
          met := steppingstone_0006_goals(left(m[1], split - 1));
          unmet := steppingstone_0006_goals(substr(m[1], split + length(', not ')));
        END IF;
      END IF;
      m := regexp_match(sentence, '^Cannot give (.+)\.$');
      IF m IS NOT NULL THEN
        met := '[]';
        unmet := steppingstone_0006_goals(m[1]);
      END IF;
      IF met IS NOT NULL AND unmet IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'goals', 'params', jsonb_build_object('met', met, 'unmet', unmet));
      END IF;

    WHEN 'time_zone' THEN
      IF sentence = 'In person: you work the team''s hours.' THEN
        RETURN '{"code": "time_zone_in_person", "params": {}}';
      END IF;
      IF sentence = 'Same working hours as the team.' THEN
        RETURN '{"code": "time_zone_same", "params": {}}';
      END IF;
      m := regexp_match(sentence, '^' || num || ' of 8 working hours overlap with the team''s \((.+)\)\.$');
      IF m IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'time_zone_overlap', 'params', jsonb_build_object('hours', m[1]::numeric, 'zone', m[2]));
      END IF;
      m := regexp_match(sentence, '^No working hours overlap with the team''s \((.+)\)\.$');
      IF m IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'time_zone_none', 'params', jsonb_build_object('zone', m[1]));
      END IF;

    WHEN 'dates_and_hours' THEN
      -- "Starts soon after you are free; …" is a wait of at most four weeks, stored as 0.
      m := regexp_match(sentence, '^Starts (?:soon|([0-9]+) weeks) after you are free; ' || num || ' of your ' || num || ' hours a week\.$');
      IF m IS NOT NULL THEN
        RETURN jsonb_build_object('code', 'dates_and_hours', 'params',
          jsonb_build_object('weeksAfterFree', coalesce(m[1]::integer, 0), 'hours', m[2]::numeric, 'studentHours', m[3]::numeric));
      END IF;

    ELSE
      NULL;
  END CASE;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A 0005 "reasons" array → the new one, in the same order: { key, points, max, reason: { code,
-- params }, neutral? }. "label" goes (the catalogue names components now); "neutral" is kept only
-- when true. A reason that is already an object was written by the new engine and is kept.
CREATE FUNCTION steppingstone_0006_reasons(components jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c jsonb;
  reason jsonb;
  result jsonb := '[]';
BEGIN
  IF jsonb_typeof(components) IS DISTINCT FROM 'array' THEN
    RETURN components;
  END IF;
  FOR c IN SELECT e.value FROM jsonb_array_elements(components) WITH ORDINALITY AS e(value, position) ORDER BY e.position LOOP
    IF jsonb_typeof(c -> 'reason') = 'object' THEN
      reason := c -> 'reason';
    ELSE
      -- A sentence the 0005 engine never wrote (or an unknown key) has no code that would tell the
      -- truth about it, so its component is dropped: pages show the others; the score stays.
      reason := steppingstone_0006_reason(c ->> 'key', c ->> 'reason');
    END IF;
    CONTINUE WHEN reason IS NULL;
    result := result || jsonb_build_array(
      jsonb_build_object('key', c -> 'key', 'points', c -> 'points', 'max', c -> 'max', 'reason', reason)
      || CASE WHEN c -> 'neutral' = 'true'::jsonb THEN '{"neutral": true}'::jsonb ELSE '{}'::jsonb END);
  END LOOP;
  RETURN result;
END
$$;
--> statement-breakpoint
-- The old default ('{}'::text[]) cannot be converted with the column, so it goes first.
ALTER TABLE "matches" ALTER COLUMN "warnings" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "matches" ALTER COLUMN "warnings" SET DATA TYPE jsonb USING steppingstone_0006_warnings("warnings");--> statement-breakpoint
ALTER TABLE "matches" ALTER COLUMN "warnings" SET DEFAULT '[]'::jsonb;--> statement-breakpoint
UPDATE "matches" SET "reasons" = steppingstone_0006_reasons("reasons");--> statement-breakpoint
DROP FUNCTION steppingstone_0006_reasons(jsonb), steppingstone_0006_reason(text, text), steppingstone_0006_warnings(text[]),
  steppingstone_0006_warning(text), steppingstone_0006_goals(text), steppingstone_0006_list(text);
