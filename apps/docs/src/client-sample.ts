// The TypeScript tab: the same call through our typed client, `client.<operationId>(fields,
// { accessToken })`, with example values from the spec and secrets from the environment. The tab is
// shown only for operations the client offers: a page never shows a call that cannot run (an
// operation added to the spec gets its method when the client is regenerated from it).
import { createKlearStackClient } from "@klearstack/client";
import type { OperationModel } from "@klearstack/spec";
import type { CodeSample } from "./http-samples.ts";
import { type SampleSecret, secretsNote } from "./sample-secrets.ts";

export const clientSampleLabel = "TypeScript (@klearstack/client)";

const probe = createKlearStackClient({ baseUrl: "http://127.0.0.1" }) as unknown as Record<
  string,
  unknown
>;

/** Whether @klearstack/client has a method for this operation. */
export const clientOffers = (operationId: string): boolean =>
  typeof probe[operationId] === "function";

export function clientSample(
  op: OperationModel,
  serverUrl: string,
  secrets: SampleSecret[],
): CodeSample {
  const fieldSecret = (name: string) =>
    secrets.find((s) => "field" in s.fills && s.fills.field === name);
  // Each value as the client's types want it (a number, a boolean, a list); an optional field
  // without an example, or a file (a Blob, sent only with { encoding: "multipart" }), is left out.
  const args = op.fields.flatMap(({ name, exampleValue, required, kind }) => {
    const secret = fieldSecret(name);
    const example = kind === "file" ? undefined : exampleValue;
    if (!secret && example === undefined) {
      if (!required) return [];
      throw new Error(`${op.operationId}: form field ${name} needs an example for the samples`);
    }
    // `?? ""`: an unset variable reaches the API as an empty field, which it names in its answer.
    const value = secret ? `process.env.${secret.variable} ?? ""` : JSON.stringify(example);
    return [`    ${name}: ${value},`];
  });
  const bearer = secrets.find((s) => "bearer" in s.fills);
  const options = bearer ? [`  { accessToken: process.env.${bearer.variable} },`] : [];
  const source = [
    'import { createKlearStackClient } from "@klearstack/client";',
    "",
    ...secretsNote(secrets, "//"),
    `const client = createKlearStackClient({ baseUrl: ${JSON.stringify(serverUrl)} });`,
    "",
    `const result = await client.${op.operationId}(`,
    "  {",
    ...args,
    "  },",
    ...options,
    ");",
    "console.log(result);",
    "",
  ].join("\n");
  return { lang: "TypeScript", label: clientSampleLabel, source };
}
