// The response an operation documents for an HTTP status: the exact code, then its range ("4XX"),
// then "default" (OpenAPI 3.1, Responses Object). Generic over the response's shape, so the model,
// the fuzz checks and the docs console's serialised responses all read it the same way.
// Browser-safe and dependency-free.
export function responseForStatus<R extends { status: string }>(
  responses: readonly R[],
  status: number | string,
): R | undefined {
  const code = String(status);
  if (!/^[1-5]\d\d$/.test(code)) return responses.find((r) => r.status === code);
  const range = `${code[0]}XX`;
  return (
    responses.find((r) => r.status === code) ??
    responses.find((r) => r.status.toUpperCase() === range) ??
    responses.find((r) => r.status === "default")
  );
}
