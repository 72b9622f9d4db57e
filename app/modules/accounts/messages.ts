// What a person reads when a one-time link does not work, by the reason the module gives.
export function linkProblem(error: "invalid_link" | "expired_link" | "used_link", purpose: "verify" | "reset") {
  const again = purpose === "verify" ? "Log in to get a new confirmation link." : "Ask for a new reset link below.";
  switch (error) {
    case "used_link":
      return `This link was already used. Each link works once. ${purpose === "verify" ? "If your email is confirmed, just log in." : again}`;
    case "expired_link":
      return `This link has expired (${purpose === "verify" ? "after 24 hours" : "after one hour"}). ${again}`;
    default:
      return `This link is not valid — it may have been cut short when copied. ${again}`;
  }
}
