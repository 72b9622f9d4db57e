import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and in the render that hydrates its HTML, true in every render after —
 * also for a component first mounted after hydration (a client-side navigation), which so never
 * shows the server's version first. A page that works without JavaScript shows everything until then.
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
