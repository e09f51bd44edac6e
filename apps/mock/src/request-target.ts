// What a request asks for: the path and query of its request-target, read as HTTP defines them
// rather than as a URL relative to some base (`new URL("//access/klearstack/x", base)` takes
// "access" for a host name, and routes "//other.host/<an operation's path>" to the operation).
export interface RequestTarget {
  path: string;
  query: URLSearchParams;
}

/**
 * The path and query of a request-target, as received. An origin-form target ("/…") is a path,
 * "//" and all: never a scheme-relative URL whose first segment would be taken for a host name
 * (RFC 9112 §3.2.1). An absolute-form target ("http://host/…") stands for its path (§3.2.2).
 * Nothing is decoded or normalized: routing and the 404 see exactly what was sent.
 */
export function requestTarget(target = "/"): RequestTarget {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    return { path: url.pathname, query: url.searchParams };
  }
  const question = target.indexOf("?");
  return question < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, question), query: new URLSearchParams(target.slice(question + 1)) };
}
