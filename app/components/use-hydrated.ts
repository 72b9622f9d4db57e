import { useEffect, useState } from "react";

// why: once the page has hydrated, a component mounted later (a client-side navigation) starts
// from true, so it never shows the server's version first. Set only in the browser (effects do
// not run on the server).
let hydratedOnce = false;

/**
 * False on the server and in the render that hydrates its HTML, true in every render after. A
 * page that works without JavaScript shows everything until then.
 *
 * Not `useSyncExternalStore(subscribe, () => true, () => false)`: its re-render after hydration
 * runs at the synchronous priority. While the hook was written that way, a journey once failed
 * with React 18.3's "Root did not complete" (#345) on a page typed into right after it loaded,
 * and that re-render was the only new thing there. A state set in an effect is an ordinary update.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(hydratedOnce);
  useEffect(() => {
    hydratedOnce = true;
    setHydrated(true);
  }, []);
  return hydrated;
}
