import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy, for inline scripts. */
    cspNonce: string;
    /** The client's address as Express sees it (honours TRUST_PROXY). */
    clientIp: string;
  }
}
