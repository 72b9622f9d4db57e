import { createContext, useContext } from "react";

const NonceContext = createContext("");

/** Carries the response's CSP nonce from entry.server.tsx to the document's scripts. */
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
