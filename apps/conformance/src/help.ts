// `--help`, generated from the model: every flag, with the field's description from the spec and
// where its value comes from when none is given.
import { CHECKS } from "./fuzz/checks.ts";
import { DEFAULT_MAX_EXAMPLES } from "./fuzz/options.ts";
import { CONNECTION_ERRORS_IN_A_ROW, DEFAULT_REMOTE_RATE } from "./fuzz/pace.ts";
import type { RunInputs } from "./inputs.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./send.ts";

export const USAGE =
  "usage: npm run conformance -- --base-url <URL> [--spec <file>] [--timeout-ms <ms>] [request field flags] [--fuzz [fuzz flags]]";

export function helpText(inputs: RunInputs): string {
  const general: [string, string][] = [
    ["--base-url <URL>", "base URL of the deployment (https, or http on loopback only)."],
    ["--spec <file>", "OpenAPI document to check against. Default: this repository's spec."],
    [
      "--timeout-ms <ms>",
      `per-request timeout. Default: 10000. A run stops after ${CONNECTION_ERRORS_IN_A_ROW} requests in a row get no answer.`,
    ],
    [
      "--max-response-bytes <n>",
      `most bytes of an answer's body read; past them it counts as no answer. Default: ${DEFAULT_MAX_RESPONSE_BYTES}.`,
    ],
    ["--help", "this text."],
  ];
  const fuzz: [string, string][] = [
    [
      "--fuzz",
      "contract fuzzing: cases generated from the request schemas (fast-check), judged by the checks below; failures shrunk to a minimal case, printed as curl. A field flag you give is held in every case; secrets and tokens are never generated.",
    ],
    [
      "--max-examples <n>",
      `generated cases per operation and case kind. Default: ${DEFAULT_MAX_EXAMPLES}.`,
    ],
    ["--seed <n>", "0..2147483647; the same seed sends the same cases. Default: random, printed."],
    [
      "--max-requests <n>",
      "total request budget, shrinking included. Default: twice the planned cases.",
    ],
    [
      "--rate <per second>",
      `requests per second at most. Default: ${DEFAULT_REMOTE_RATE} for a deployment, unlimited for loopback. The run stops after ${CONNECTION_ERRORS_IN_A_ROW} connection errors in a row.`,
    ],
    ["--junit <file>", "also write a JUnit XML report."],
    ["--json <file>", "also write a JSON report (every case sent, as curl)."],
  ];
  const checks = Object.entries(CHECKS).map(([name, meaning]): [string, string] => [
    name,
    `${meaning}.`,
  ]);
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
  const width = Math.max(
    ...[...general, ...fuzz, ...checks, ...plain, ...secrets].map(([flag]) => flag.length),
  );
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
    "Fuzzing (--fuzz) sends generated cases instead of the fixed checks:",
    ...rows(fuzz),
    "",
    "Fuzzing checks (a failure contradicts the spec; what the spec does not document is reported",
    "as undocumented, never as a failure):",
    ...rows(checks),
    "",
    "Request fields (one flag each, used by every operation that has the field):",
    ...rows(plain),
    "",
    "Secrets never go on the command line (any local user can read it in ps). Set the variable, or",
    "pipe them in: one line of standard input per --*-stdin flag, in the order the flags are given.",
    ...rows(secrets),
  ].join("\n");
}
