import { type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { COUNTRIES, ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_HINTS, ORGANIZATION_TYPE_LABELS } from "~/domain/labels";
import { ChoiceGroup, Field, optionsFrom, SelectField, TextareaField } from "./forms";
import { useHydrated } from "./use-hydrated";

// The fields of the organization form, shared by "create" (/organization/new) and "edit"
// (/organization). The schema is OrganizationSchema in app/modules/organizations/schemas.ts.

type StringField = FieldMetadata<string | undefined>;

const typeOptions = optionsFrom(ORGANIZATION_TYPE_LABELS).map((o) => ({ ...o, description: ORGANIZATION_TYPE_HINTS[o.value] }));
const sizeOptions = optionsFrom(ORGANIZATION_SIZE_LABELS);
const countryOptions = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));

export function OrganizationFields({
  fields,
  nameHint,
}: {
  fields: Record<"name" | "type" | "parentInstitution" | "size" | "website" | "country" | "city" | "address" | "description", StringField>;
  nameHint?: ReactNode;
}) {
  const hydrated = useHydrated();
  // Without JavaScript the field always shows (its label says whom it is for); with it, for research teams only.
  const showParent = !hydrated || fields.type.value === "research_team";
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field field={fields.name} label="Name" autoComplete="organization" hint={nameHint} />
      </div>
      <div className="sm:col-span-2">
        <ChoiceGroup field={fields.type} type="radio" legend="Kind of organization" options={typeOptions} look="tiles" />
      </div>
      {showParent ? (
        <div className="sm:col-span-2">
          <Field
            field={fields.parentInstitution}
            label={hydrated ? "Parent institution" : "Parent institution (research labs and teams)"}
            hint="The university, hospital or institute the team belongs to, like “University of Chicago”."
            autoComplete="off"
          />
        </div>
      ) : null}
      <SelectField field={fields.size} label="Size" options={sizeOptions} placeholder="Choose one…" />
      <div className="sm:col-span-2">
        <Field
          field={fields.website}
          label="Website (optional)"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.org"
          hint="Admins look at it to verify your organization."
        />
      </div>
      <SelectField field={fields.country} label="Country" options={countryOptions} placeholder="Choose a country…" />
      <Field field={fields.city} label="City (optional)" autoComplete="address-level2" />
      <div className="sm:col-span-2">
        <Field
          field={fields.address}
          label="Street address (printed on verification letters)"
          autoComplete="street-address"
          maxLength={300}
          hint="Optional. The street and number, like “66 Chancellors Circle”: the verification letters and certificates your interns ask for print it with the city and country."
        />
      </div>
      <div className="sm:col-span-2">
        <TextareaField
          field={fields.description}
          label="What your organization does"
          hint="Two or three sentences students read before applying: what you build or study, and for whom."
          rows={5}
        />
      </div>
    </div>
  );
}
