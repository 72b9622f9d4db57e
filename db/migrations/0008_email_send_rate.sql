CREATE TABLE "email_send_rate" (
	"provider" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"provider_per_second" double precision,
	CONSTRAINT "email_send_rate_provider_per_second_positive" CHECK ("email_send_rate"."provider_per_second" > 0)
);
