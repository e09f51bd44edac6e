// Ajv (2020-12) on a response body, against the spec's own schema for that operation, status and
// media type, through @klearstack/spec's validator: what the spec documents is never restated.
import { createSpecValidator, type OperationModel } from "@klearstack/spec";
import { model } from "../../../packages/client/test/support/fixtures.ts";

const validate = createSpecValidator(model);

/** Ajv's complaints about `body` as `op`'s `status` answer in `mediaType`; [] when it is valid. */
export function responseErrors(
  op: OperationModel,
  status: number,
  mediaType: string,
  body: unknown,
): string[] {
  const content = op.response(status)?.contents.find((c) => c.mediaType === mediaType);
  if (!content) return [`${op.operationId} documents no ${status} ${mediaType} answer`];
  return validate(content.schemaPointer, body);
}
