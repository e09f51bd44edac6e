// Where a sample's credentials come from. A sample never carries a real token or password: the
// bearer token and every secret form field (the model's `field.secret`: passwords, JWTs) are read
// from an environment variable, or, in the browser sample, left as a named placeholder. The spec's
// example secrets (its example JWTs, its example password) therefore never appear in a sample.
// The variable names are the model's (`envVar` of a field or a bearer scheme), shared with the
// client CLI and conformance.
import type { OperationModel } from "@klearstack/spec";

export interface SampleSecret {
  /** The environment variable the sample reads (the browser sample shows it as `<NAME>`). */
  variable: string;
  /** What it fills: the bearer credential of the Authorization header, or a form field. */
  fills: { bearer: string } | { field: string };
  /** A line for the sample's comment: what the reader puts in the variable. */
  meaning: string;
}

/** The secrets one operation's samples read, bearer first, then form fields in schema order. */
export function sampleSecrets(op: OperationModel): SampleSecret[] {
  const unsupported = op.security.filter((scheme) => scheme !== op.bearer);
  if (unsupported.length) {
    const names = unsupported.map((s) => `${s.name} (${s.type} ${s.scheme ?? s.in ?? ""})`.trim());
    throw new Error(
      `${op.operationId}: the samples can send an http bearer credential only, not ${names.join(", ")}`,
    );
  }
  const secrets: SampleSecret[] = [];
  if (op.bearer) {
    const format = op.bearer.bearerFormat ? ` (${op.bearer.bearerFormat})` : "";
    secrets.push({
      variable: op.bearer.envVar,
      fills: { bearer: op.bearer.parameterName },
      meaning: `the bearer token${format} sent as ${op.bearer.parameterName}: Bearer …`,
    });
  }
  for (const field of op.fields.filter((f) => f.secret)) {
    secrets.push({
      variable: field.envVar,
      fills: { field: field.name },
      meaning: `the ${field.name} form field`,
    });
  }
  return secrets;
}

/** How the browser sample shows a secret it cannot read from an environment. */
export const placeholderFor = (variable: string): string => `<${variable}>`;

/**
 * The comment lines that open a sample reading secrets: which variable (or, in the browser,
 * which placeholder) holds what. Empty when the operation needs no secret.
 */
export function secretsNote(
  secrets: SampleSecret[],
  comment: string,
  { placeholders = false }: { placeholders?: boolean } = {},
): string[] {
  if (!secrets.length) return [];
  const heading = placeholders
    ? "Replace each placeholder with the value your app holds at run time; never ship a real token or password in page code:"
    : "Secrets come from the environment, never from code; set them first:";
  const name = (s: SampleSecret) => (placeholders ? placeholderFor(s.variable) : s.variable);
  return [heading, ...secrets.map((s) => `  ${name(s)}: ${s.meaning}`)].map(
    (line) => `${comment} ${line}`,
  );
}
