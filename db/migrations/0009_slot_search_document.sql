-- Keyword search reads a slot's skills and its organization's name too (issue 12). A generated
-- column cannot read other tables, so the column becomes a plain one that these triggers keep
-- up to date on every write of the slot, its skills, a skill's names or the organization's name.
ALTER TABLE "slots" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "search_vector" SET DEFAULT ''::tsvector;--> statement-breakpoint
-- Title A; the skills' names and aliases and the organization's name B; project C; description D.
CREATE FUNCTION slot_search_document(p_slot_id uuid, p_organization_id uuid, p_title text, p_project text, p_description text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(p_title, '')), 'A')
    || setweight(to_tsvector('english', coalesce((
         SELECT string_agg(sk.name || ' ' || array_to_string(sk.aliases, ' '), ' ')
         FROM slot_skills ss JOIN skills sk ON sk.slug = ss.skill_slug
         WHERE ss.slot_id = p_slot_id), '')), 'B')
    || setweight(to_tsvector('english', coalesce((SELECT o.name FROM organizations o WHERE o.id = p_organization_id), '')), 'B')
    || setweight(to_tsvector('english', coalesce(p_project, '')), 'C')
    || setweight(to_tsvector('english', coalesce(p_description, '')), 'D')
$$;--> statement-breakpoint
CREATE FUNCTION slots_search_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := slot_search_document(NEW.id, NEW.organization_id, NEW.title, NEW.project, NEW.description);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER slots_search_on_write BEFORE INSERT OR UPDATE OF title, project, description, organization_id ON slots
FOR EACH ROW EXECUTE FUNCTION slots_search_on_write();--> statement-breakpoint
-- Per statement, over the rows it changed: a slot saved with eight skills is indexed once, not eight times.
CREATE FUNCTION slot_skills_search_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE slots s SET search_vector = slot_search_document(s.id, s.organization_id, s.title, s.project, s.description)
    WHERE s.id IN (SELECT slot_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE slots s SET search_vector = slot_search_document(s.id, s.organization_id, s.title, s.project, s.description)
    WHERE s.id IN (SELECT slot_id FROM old_rows);
  ELSE
    UPDATE slots s SET search_vector = slot_search_document(s.id, s.organization_id, s.title, s.project, s.description)
    WHERE s.id IN (SELECT slot_id FROM new_rows UNION SELECT slot_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER slot_skills_search_on_insert AFTER INSERT ON slot_skills REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION slot_skills_search_on_write();--> statement-breakpoint
CREATE TRIGGER slot_skills_search_on_delete AFTER DELETE ON slot_skills REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION slot_skills_search_on_write();--> statement-breakpoint
CREATE TRIGGER slot_skills_search_on_update AFTER UPDATE ON slot_skills REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION slot_skills_search_on_write();--> statement-breakpoint
CREATE FUNCTION skills_search_on_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE slots s SET search_vector = slot_search_document(s.id, s.organization_id, s.title, s.project, s.description)
  WHERE s.id IN (SELECT slot_id FROM slot_skills WHERE skill_slug = NEW.slug);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER skills_search_on_rename AFTER UPDATE OF name, aliases ON skills
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases) EXECUTE FUNCTION skills_search_on_rename();--> statement-breakpoint
CREATE FUNCTION organizations_search_on_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE slots s SET search_vector = slot_search_document(s.id, s.organization_id, s.title, s.project, s.description)
  WHERE s.organization_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organizations_search_on_rename AFTER UPDATE OF name ON organizations
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organizations_search_on_rename();--> statement-breakpoint
UPDATE slots SET search_vector = slot_search_document(id, organization_id, title, project, description);--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "search_vector" SET NOT NULL;
