-- The instant a slot stops taking applications: the start of the day after its deadline, in the
-- slot's own zone. Declared immutable so a stored generated column may call it; it reads only its
-- arguments and the server's zone rules. why: if those rules change (a tzdata update moving a
-- zone's offset), rows keep the instant computed before until the slot is next written — the same
-- as any stored value, and far rarer than the per-row conversion this replaces was slow.
CREATE FUNCTION slot_accepts_until(deadline date, zone text) RETURNS timestamp with time zone
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ select ((deadline + 1)::timestamp at time zone zone) $$;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "accepts_until" timestamp with time zone GENERATED ALWAYS AS (slot_accepts_until(application_deadline, timezone)) STORED;--> statement-breakpoint
CREATE INDEX "slots_open_accepts_until_idx" ON "slots" USING btree ("accepts_until") WHERE "slots"."status" = 'open';
