// A failed send in one plain sentence: what most likely happened and what to do about it. The
// browser does not say why a fetch failed (it hides CORS details from pages on purpose), so the
// sentence names the likely causes in the order people meet them.

export interface FailureContext {
  baseUrl: string;
  /** The page's own protocol: "http:", "https:" or "file:". */
  pageProtocol: string;
}

export function failureSentence(error: unknown, { baseUrl, pageProtocol }: FailureContext): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    // Keep the base URL as typed.
  }
  if (name === "TimeoutError") {
    return `${origin} did not answer within 30 seconds: the server is busy or stuck. Try again, or check that it is the right base URL.`;
  }
  if (pageProtocol === "https:" && origin.startsWith("http:")) {
    return `This page came over https, so the browser blocks its calls to ${origin} (plain http). Open the page over http or as a file, or choose an https base URL.`;
  }
  return `No answer from ${origin}: the server did not answer, redirected, or does not allow calls from this page (CORS). Start the mock with npm run mock (or npm start), or check the base URL.`;
}
