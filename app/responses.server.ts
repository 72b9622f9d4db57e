// Answers a route throws. A 404 is the answer for a row that does not exist and for one the
// reader may not see alike, so an id reveals nothing; the error boundary words it for people.

/** 404, with a sentence for the error page when the reason helps (else the boundary's own). */
export const notFound = (message = "Not found") => new Response(message, { status: 404 });
