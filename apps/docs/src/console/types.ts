// What the try-it console knows about the API: the part of the operation model it needs, written
// into the page as JSON at build time (see model.ts) and read by the browser code. Nothing here is
// typed by hand per operation; every value comes from the spec through the operation model.

export interface ConsoleModel {
  /** Base URLs to call, loopback (the local mock) first; the console adds a custom one. */
  servers: ConsoleServer[];
  operations: ConsoleOperation[];
}

export interface ConsoleServer {
  url: string;
  description: string;
}

export interface ConsoleOperation {
  operationId: string;
  /** Upper case, as sent: "POST". */
  method: string;
  path: string;
  summary: string;
  /** Where Redoc shows the operation: the URL fragment without "#", e.g. "/authentication/x". */
  route: string;
  /** Request media types in the spec's order (the first is the default encoding). */
  mediaTypes: string[];
  bearer: ConsoleBearer | undefined;
  fields: ConsoleField[];
  responses: ConsoleResponse[];
}

export interface ConsoleBearer {
  /** The header that carries it ("Authorization"). */
  header: string;
  /** The `token_type` of the JWT it takes (the scheme's x-token-type), filled from a login. */
  tokenType: string | undefined;
  /** The environment variable "Copy as curl" reads it from, as the docs samples do. */
  variable: string;
}

export interface ConsoleField {
  name: string;
  required: boolean;
  /** The model's field kind: the control the console offers (number input, checkbox, file…). */
  kind: "string" | "integer" | "number" | "boolean" | "array" | "file";
  /** The values a field (or each item of an array field) may take: a select. */
  choices: string[] | undefined;
  /** Bounds of a number, for the number input. */
  minimum: number | undefined;
  maximum: number | undefined;
  description: string;
  /** Pre-filled value: the documented example, never a documented example token. */
  example: string | undefined;
  /** A password or token: a masked input, and a variable in "Copy as curl". */
  secret: boolean;
  /** For a JWT field: the `token_type` a login's token must have to fill it. */
  tokenType: string | undefined;
  /** For a secret field: the environment variable "Copy as curl" reads it from. */
  variable: string | undefined;
}

export interface ConsoleResponse {
  /** As the spec writes it: "200", "401", "5XX", "default". */
  status: string;
  /** The first paragraph of the documented description, as plain text. */
  description: string;
  /** The JWT-valued fields of its body, with the token type each carries. */
  tokens: { name: string; tokenType: string | undefined }[];
}
