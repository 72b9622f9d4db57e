import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// why: RemixBrowser suspends until it has decoded the page's data (single fetch streams it into
// window.__remixContext.state). A click or key in that moment made React hydrate the root at once,
// which it cannot while suspended: it threw "Root did not complete" (React error 345), as a CI
// journey met by clicking a page that had just loaded. Until the data is decoded, those events are
// left to the browser, as before the scripts load (a link opens, a form posts); after, React has
// them (it hydrates at once, or replays them). These are the events React hydrates for.
const HYDRATING_EVENTS = ["mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick", "pointercancel", "pointerdown", "pointerup", "dragend", "dragstart", "drop", "compositionend", "compositionstart", "keydown", "keypress", "keyup", "input", "textInput", "copy", "cut", "paste", "click", "change", "contextmenu", "reset", "submit"];
const remix = window as unknown as { __remixContext?: { state?: unknown } };
const untilDataDecoded = (event: Event) => {
  if (remix.__remixContext?.state === undefined) return event.stopPropagation();
  for (const type of HYDRATING_EVENTS) window.removeEventListener(type, untilDataDecoded, true);
};
for (const type of HYDRATING_EVENTS) window.addEventListener(type, untilDataDecoded, true);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
