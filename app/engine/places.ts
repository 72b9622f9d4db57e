import type { PlaceExplanation } from "./explanations";
import type { WorkModeKind } from "./types";

// Pure: where an in-person slot is from the student, as a code. Cities are free text on profiles
// and slots, so distance is known only between cities of this table (the demo's and the larger
// US and Canadian cities with universities or tech employers); between others the note names
// both cities without a distance.

/** Latitude and longitude by city (lower case, without accents or dots), one country at a time. */
const US_CITIES = `
  seattle 47.61 -122.33; bellevue 47.61 -122.2; redmond 47.67 -122.12; portland 45.52 -122.68;
  san francisco 37.77 -122.42; oakland 37.8 -122.27; berkeley 37.87 -122.27; san jose 37.34 -121.89;
  palo alto 37.44 -122.14; mountain view 37.39 -122.08; sunnyvale 37.37 -122.04;
  los angeles 34.05 -118.24; san diego 32.72 -117.16; irvine 33.68 -117.83; sacramento 38.58 -121.49;
  las vegas 36.17 -115.14; phoenix 33.45 -112.07; tempe 33.43 -111.94; salt lake city 40.76 -111.89;
  denver 39.74 -104.99; boulder 40.01 -105.27; austin 30.27 -97.74; dallas 32.78 -96.8;
  richardson 32.95 -96.73; houston 29.76 -95.37; san antonio 29.42 -98.49; chicago 41.88 -87.63;
  evanston 42.05 -87.69; minneapolis 44.98 -93.27; madison 43.07 -89.4; milwaukee 43.04 -87.91;
  ann arbor 42.28 -83.74; detroit 42.33 -83.05; columbus 39.96 -83; cleveland 41.5 -81.69;
  pittsburgh 40.44 -79.99; indianapolis 39.77 -86.16; west lafayette 40.43 -86.91;
  st louis 38.63 -90.2; saint louis 38.63 -90.2; kansas city 39.1 -94.58; nashville 36.16 -86.78;
  atlanta 33.75 -84.39; miami 25.76 -80.19; orlando 28.54 -81.38; tampa 27.95 -82.46;
  raleigh 35.78 -78.64; durham 35.99 -78.9; chapel hill 35.91 -79.06; charlotte 35.23 -80.84;
  washington 38.91 -77.04; arlington 38.88 -77.1; baltimore 39.29 -76.61; philadelphia 39.95 -75.17;
  new york 40.71 -74.01; new york city 40.71 -74.01; brooklyn 40.68 -73.94; jersey city 40.73 -74.08;
  newark 40.74 -74.17; princeton 40.36 -74.67; new haven 41.31 -72.92; providence 41.82 -71.41;
  boston 42.36 -71.06; cambridge 42.37 -71.11; somerville 42.39 -71.1; ithaca 42.44 -76.5;
  rochester 43.16 -77.61; buffalo 42.89 -78.88; albany 42.65 -73.75; honolulu 21.31 -157.86`;
const CA_CITIES = `
  toronto 43.65 -79.38; mississauga 43.59 -79.64; waterloo 43.46 -80.52; kitchener 43.45 -80.49;
  cambridge 43.36 -80.31; hamilton 43.26 -79.87; london 42.98 -81.25; ottawa 45.42 -75.7;
  kingston 44.23 -76.49; montreal 45.5 -73.57; quebec 46.81 -71.21; quebec city 46.81 -71.21;
  halifax 44.65 -63.57; fredericton 45.96 -66.64; winnipeg 49.9 -97.14; saskatoon 52.13 -106.67;
  regina 50.45 -104.61; calgary 51.05 -114.07; edmonton 53.55 -113.49; vancouver 49.28 -123.12;
  burnaby 49.25 -122.98; victoria 48.43 -123.37; st johns 47.56 -52.71; charlottetown 46.24 -63.13`;

/** "seattle 47.61 -122.33; …" as a table by city key. */
function table(text: string) {
  return new Map(
    text.split(";").map((entry) => {
      const words = entry.trim().split(" ");
      const lon = Number(words.pop());
      const lat = Number(words.pop());
      return [words.join(" "), [lat, lon] as const];
    }),
  );
}
const CITY_COORDINATES: Record<"US" | "CA", Map<string, readonly [number, number]>> = { US: table(US_CITIES), CA: table(CA_CITIES) };

/** A city as the table keys it: lower case, no accents, no dots or apostrophes, no ", State" after it. */
export function cityKey(city: string) {
  return city
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(",")[0]!
    .replace(/[.'’]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function coordinates(country: string, city: string) {
  return country === "US" || country === "CA" ? CITY_COORDINATES[country].get(cityKey(city)) : undefined;
}

/** Great-circle distance in kilometres. */
function distanceKm([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** Within this many kilometres an in-person slot is a commute (about 50 miles). */
export const COMMUTE_KM = 80;

type Place = { city?: string | null; country: string };

/**
 * Where a hybrid or on-site slot is from the student: the same city, a distance between two
 * cities of the table, or only the two cities' names. Null for a remote slot, or when the slot
 * or the student gave no city.
 */
export function placeNote(student: Place, slot: Place & { workMode: WorkModeKind }): PlaceExplanation | null {
  if (slot.workMode === "remote" || !slot.city?.trim() || !student.city?.trim()) return null;
  const mode = slot.workMode;
  const city = slot.city.trim();
  const studentCity = student.city.trim();
  if (slot.country === student.country && cityKey(city) === cityKey(studentCity)) return { code: "place_same_city", params: { mode, city } };
  const from = coordinates(student.country, studentCity);
  const to = coordinates(slot.country, city);
  if (!from || !to) return { code: "place_other_city", params: { mode, city, studentCity } };
  const km = distanceKm(from, to);
  return { code: "place_distance", params: { mode, city, studentCity, km: km < 100 ? Math.round(km / 5) * 5 : Math.round(km / 10) * 10 } };
}

/** Whether the student can reach the slot from home: the same city, or a commute away. */
export const withinReach = (note: PlaceExplanation) => note.code === "place_same_city" || (note.code === "place_distance" && note.params.km <= COMMUTE_KM);
