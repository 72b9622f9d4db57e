import { countryName } from "~/domain/labels";

// Where an organization is, in words: one rule for its page, the documents and the letters. Safe in the browser.

type Located = { city: string | null; country: string };

/** "Winnipeg, Canada", or "Canada" without a city. */
export const organizationPlace = ({ city, country }: Located) => [city?.trim(), countryName(country)].filter(Boolean).join(", ");

/** The postal line a document prints: "66 Chancellors Circle, Winnipeg, Canada", or the place alone without a street address. */
export const organizationAddress = ({ address, ...place }: Located & { address: string | null }) =>
  [address?.trim(), organizationPlace(place)].filter(Boolean).join(", ");
