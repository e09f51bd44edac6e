// "Copy as curl": the request that was sent, as a shell command. Secrets are never copied: the
// bearer token and every secret field become the environment variables the docs samples read
// (KLEARSTACK_ACCESS_TOKEN, KLEARSTACK_PASSWORD, …), so the copy can go into a chat or a ticket.
import type { ConsoleOperation } from "../types.ts";
import type { PreparedRequest } from "./request.ts";

export function curlOf(op: ConsoleOperation, request: PreparedRequest): string {
  const variables: string[] = [];
  const secretly = (variable: string) => {
    variables.push(variable);
    return `$${variable}`;
  };
  const args = [`--request ${request.method}`, `--url ${quote(request.url)}`];
  for (const [name, value] of request.headers) {
    const bearer = op.bearer && name.toLowerCase() === op.bearer.header.toLowerCase();
    args.push(
      bearer && op.bearer
        ? `--header ${withVariable(`${name}: Bearer `, secretly(op.bearer.variable))}`
        : `--header ${quote(`${name}: ${value}`)}`,
    );
  }
  // --form-string never reads a value starting with @ or < as a file name.
  const option = request.encoding.startsWith("multipart/") ? "--form-string" : "--data-urlencode";
  for (const [name, value] of request.fields) {
    const field = op.fields.find((f) => f.name === name);
    // A file is read by curl from the path of the same name (--form's @).
    if (typeof value !== "string") args.push(`--form ${quote(`${name}=@${value.name || name}`)}`);
    else
      args.push(
        field?.secret && field.variable
          ? `${option} ${withVariable(`${name}=`, secretly(field.variable))}`
          : `${option} ${quote(`${name}=${value}`)}`,
      );
  }
  const note = variables.length
    ? [`# Secrets are not copied; set these first: ${variables.join(", ")}`]
    : [];
  return [...note, `curl ${args.join(" \\\n  ")}`].join("\n");
}

/** `text` then the variable's value, as one shell word (double quotes expand only the variable). */
function withVariable(text: string, variable: string): string {
  return /^[\w.:= -]*$/.test(text) ? `"${text}${variable}"` : `${quote(text)}"${variable}"`;
}

/** A POSIX shell single-quoted word: nothing inside is expanded. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
