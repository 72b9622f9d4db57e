import { useEffect, useState } from "react";

/** False on the server and in the first browser render, true once React runs: a page that works without JavaScript shows everything until then. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
