// The one request every bench and soak run sends: the operation, with the spec's field examples.
import { tokenOperation } from "@klearstack/spec";

const operation = tokenOperation();
export const operationPath = operation.path;
export const form = new URLSearchParams(operation.exampleFields).toString();
export const contentType = "application/x-www-form-urlencoded";

export const validBody = (): RequestInit => ({
  method: "POST",
  headers: { "content-type": contentType },
  body: form,
});
