// What the mock must do beyond Prism, derived from the spec rather than written here: which form
// fields are required, which documented example answers each missing one
// (`x-missing-parameter` on the error examples), and which response properties are tokens.
import { escapePointer, type JsonSchema, loadSpec } from "@klearstack/spec";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Operation } from "./prism.ts";
import { deriveTokenFields, type TokenField } from "./tokens.ts";

export interface MissingAnswer {
  code: number;
  mediaType: string;
  exampleKey: string;
}

export interface OperationRules {
  /** Request media types the operation accepts, lower-case, without parameters. */
  mediaTypes: string[];
  /** Required form fields, in the schema's order: the first missing one is the one reported. */
  required: string[];
  /** Documented answer for each missing or empty required field. */
  missing: Map<string, MissingAnswer>;
  /** Schema check of the parsed fields (JSON Schema 2020-12, the spec's dialect). */
  validate(mediaType: string, fields: Record<string, string>): string[];
  /** Documented status codes, and the example keys each one has. */
  examples: Map<number, string[]>;
  /** Per status code, the JSON response properties that are JWTs (signed anew when dynamic). */
  tokens: Map<number, TokenField[]>;
}

const pointerOf = (...parts: string[]) => parts.map((p) => `/${escapePointer(p)}`).join("");

export function deriveRules(
  specPath: string,
  operations: Operation[],
): Map<Operation, OperationRules> {
  const spec = loadSpec(specPath);
  // The document is not itself a schema: skip meta-validating it (that alone costs ~40 ms of
  // start-up); Ajv still compiles every schema a $ref reaches.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  ajv.addSchema(spec, "spec");
  const rules = new Map<Operation, OperationRules>();

  for (const op of operations) {
    const raw = spec.paths[op.path]?.[op.method];
    if (!raw) continue;
    const contents = op.request?.body?.contents ?? [];
    const mediaTypes = contents.map((c) => c.mediaType.toLowerCase());
    const required = [
      ...new Set(contents.flatMap((c) => (c.schema as JsonSchema)?.required ?? [])),
    ] as string[];
    const fieldNames = [
      ...new Set(contents.flatMap((c) => Object.keys((c.schema as JsonSchema)?.properties ?? {}))),
    ];

    const validators = new Map(
      Object.keys(raw.requestBody?.content ?? {}).map((mt) => [
        mt.toLowerCase(),
        ajv.compile({
          $ref: `spec#${pointerOf("paths", op.path, op.method, "requestBody", "content", mt, "schema")}`,
        }),
      ]),
    );

    const missing = new Map<string, MissingAnswer>();
    const examples = new Map<number, string[]>();
    const tokens = new Map<number, TokenField[]>();
    for (const [code, response] of Object.entries(raw.responses ?? {})) {
      const keys: string[] = [];
      for (const [mediaType, media] of Object.entries(response.content ?? {})) {
        if (/json/i.test(mediaType)) {
          const example = media.example ?? Object.values(media.examples ?? {})[0]?.value;
          const found = deriveTokenFields(spec, media.schema, example, fieldNames);
          if (found.length > 0) tokens.set(Number(code), found);
        }
        for (const [exampleKey, example] of Object.entries(media.examples ?? {})) {
          keys.push(exampleKey);
          const field = example["x-missing-parameter"];
          if (typeof field === "string" && !missing.has(field)) {
            missing.set(field, { code: Number(code), mediaType, exampleKey });
          }
        }
      }
      examples.set(Number(code), keys);
    }
    // Only operations that document their missing-parameter answers get this rule; for those,
    // a required field without one is a spec defect worth failing loudly on.
    if (missing.size > 0) {
      const unanswered = required.filter((f) => !missing.has(f));
      if (unanswered.length > 0) {
        throw new Error(
          `${op.method.toUpperCase()} ${op.path}: no error example has x-missing-parameter: ${unanswered.join(", ")}`,
        );
      }
    }

    rules.set(op, {
      mediaTypes,
      required: missing.size > 0 ? required : [],
      missing,
      examples,
      tokens,
      validate(mediaType, fields) {
        const check = validators.get(mediaType);
        if (!check || check(fields)) return [];
        return (check.errors ?? []).map((e) => `${e.instancePath || "body"} ${e.message}`);
      },
    });
  }
  return rules;
}
