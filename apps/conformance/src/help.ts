// `--help`, generated from the model: every flag, with the field's description from the spec and
// where its value comes from when none is given.
import type { RunInputs } from "./inputs.ts";

export const USAGE =
  "usage: npm run conformance -- --base-url <URL> [--spec <file>] [--timeout-ms <ms>] [request field flags]";

export function helpText(inputs: RunInputs): string {
  const general: [string, string][] = [
    ["--base-url <URL>", "base URL of the deployment (https, or http on loopback only)."],
    ["--spec <file>", "OpenAPI document to check against. Default: this repository's spec."],
    ["--timeout-ms <ms>", "per-request timeout. Default: 10000."],
    ["--help", "this text."],
  ];
  const plain = inputs.fields
    .filter((input) => !input.secret)
    .map((input): [string, string] => [
      `--${input.flag} <${input.name}>`,
      `${input.description} Default: ${input.example === undefined ? "none" : `the spec's example, ${JSON.stringify(input.example)}`}.`,
    ]);
  const secrets = [
    ...inputs.fields.flatMap((input): [string, string][] => {
      if (!input.secret) return [];
      const fallback = input.token
        ? `the ${input.tokenType ?? "matching"} token an earlier operation returned`
        : input.example === undefined
          ? "none"
          : "the spec's example (not shown)";
      return [
        [
          `--${input.secret.stdinFlag}`,
          `${input.description} Or set ${input.secret.env}. Default: ${fallback}.`,
        ],
      ];
    }),
    ...inputs.bearers.map((input): [string, string] => [
      `--${input.secret.stdinFlag}`,
      `${input.description} Or set ${input.secret.env}. Default: the ${input.tokenType ?? "matching"} token an earlier operation returned.`,
    ]),
  ];
  const width = Math.max(...[...general, ...plain, ...secrets].map(([flag]) => flag.length));
  const rows = (list: [string, string][]) =>
    list.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
  return [
    USAGE,
    "",
    "Checks every operation of the spec against a deployment: a valid request in each encoding,",
    "the 401 without credentials, the documented answer to each missing parameter. Tokens returned by",
    "one operation feed the next (log in, then refresh). Exit 0: conforms; 1: a check failed or",
    "could not run; 2: the run was refused.",
    "",
    ...rows(general),
    "",
    "Request fields (one flag each, used by every operation that has the field):",
    ...rows(plain),
    "",
    "Secrets never go on the command line (any local user can read it in ps). Set the variable, or",
    "pipe them in: one line of standard input per --*-stdin flag, in the order the flags are given.",
    ...rows(secrets),
  ].join("\n");
}
