-- A research team names the university, hospital or institute it belongs to (issue 12): a lab at a
-- university is told apart from the university itself.
ALTER TABLE "organizations" ADD COLUMN "parent_institution" text;