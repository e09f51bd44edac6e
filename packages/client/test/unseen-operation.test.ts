// An operation the code has never seen (the spec's fixture: bearer-protected, a 200 of another
// shape, a bodyless 401, a 500) becomes a typed method and a CLI subcommand by regeneration alone.
// No file here names it: it is UNSEEN_OPERATION_ID, read from the fixture.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type OperationModel, schemaFacts } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID } from "@klearstack/spec/fixtures";
import { commandName } from "@klearstack/spec/names";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tsgo } from "../scripts/tsgo.ts";
import { fakeFetch, json } from "./support/fake-fetch.ts";
import { asText, formEntriesOf } from "./support/fixtures.ts";
import { cliInput, runCliInProcess } from "./support/in-process-cli.ts";
import { unseenClient } from "./support/unseen-client.ts";

const run = promisify(execFile);
const baseUrl = "https://klearstack.invalid";
const accessToken = "a.bearer.token";

type Regenerated = Awaited<ReturnType<typeof unseenClient>>;
type AnyMethod = (fields: unknown, options?: object) => Promise<unknown>;
let regenerated: Regenerated;
let op: OperationModel;
let sdk: typeof import("../src/index.ts");
let example: Record<string, unknown>;
/** Every documented field value, typed as the regenerated types want it (a number, a list, …). */
let typed: Record<string, unknown>;
/** What the form carries for `typed` (and `extra`), as text entries in order. */
const wire = (mediaType: string, extra: Record<string, unknown> = {}) =>
  asText(formEntriesOf(op, { ...typed, ...extra }, mediaType));
const received = async (request: Request) => asText(await request.formData());

beforeAll(async () => {
  regenerated = await unseenClient();
  op = regenerated.model.operation(UNSEEN_OPERATION_ID);
  sdk = await import(pathToFileURL(regenerated.index).href);
  example = op.success?.body?.examples[0]?.value as Record<string, unknown>;
  typed = op.exampleInput;
});
afterAll(() => regenerated?.remove());

const method = (client: object) => (client as Record<string, AnyMethod>)[UNSEEN_OPERATION_ID];

describe("the regenerated client", () => {
  it("has a method named by the new operationId, which sends its fields with the bearer token", async () => {
    const { fetch, requests } = fakeFetch(() => json(example));
    const client = sdk.createKlearStackClient({ baseUrl, fetch });
    expect(typeof method(client)).toBe("function");
    const result = await method(client)?.(typed, { accessToken });
    expect(result).toEqual(example);
    const [request] = requests;
    expect(request?.method).toBe(op.method.toUpperCase());
    expect(request?.url).toBe(`${baseUrl}${op.path}`);
    expect(request?.headers.get("authorization")).toBe(`Bearer ${accessToken}`);
    expect(await received(request!)).toEqual(wire("application/x-www-form-urlencoded"));
  });

  it("sends each kind as the model encodes it, a Blob as a file, in multipart only", async () => {
    const { fetch, requests } = fakeFetch(() => json(example));
    const client = sdk.createKlearStackClient({ baseUrl, fetch, encoding: "multipart" });
    const files = Object.fromEntries(
      op.fields.filter((f) => f.kind === "file").map((f) => [f.name, new Blob(["note"])]),
    );
    expect(Object.keys(files).length).toBeGreaterThan(0);
    await method(client)?.({ ...typed, ...files }, { accessToken });
    expect(await received(requests[0]!)).toEqual(wire("multipart/form-data", files));
    const urlencoded = sdk.createKlearStackClient({ baseUrl, fetch, retry: false });
    await expect(
      method(urlencoded)?.({ ...typed, ...files }, { accessToken }),
    ).rejects.toMatchObject({ field: Object.keys(files)[0] });
    for (const field of op.fields.filter((f) => ["integer", "boolean", "array"].includes(f.kind))) {
      await expect(
        method(client)?.({ ...typed, [field.name]: "not of its kind" }, { accessToken }),
        field.name,
      ).rejects.toMatchObject({ field: field.name });
    }
  });

  it("refuses to call it without the bearer token its security asks for", async () => {
    const client = sdk.createKlearStackClient({
      baseUrl,
      fetch: fakeFetch(() => json(example)).fetch,
    });
    await expect(method(client)?.(typed)).rejects.toMatchObject({
      field: "accessToken",
    });
  });

  it("turns its bodyless 401 and its documented 500 into the typed errors", async () => {
    const unauthorized = sdk.createKlearStackClient({
      baseUrl,
      fetch: fakeFetch(() => new Response(null, { status: 401 })).fetch,
    });
    await expect(method(unauthorized)?.(typed, { accessToken })).rejects.toBeInstanceOf(
      sdk.KlearStackUnauthorizedError,
    );
    const [missing] = op.missingParameters;
    const failing = sdk.createKlearStackClient({
      baseUrl,
      fetch: fakeFetch(() => new Response(missing?.text, { status: 500 })).fetch,
    });
    await expect(method(failing)?.(typed, { accessToken })).rejects.toMatchObject({
      status: 500,
      body: missing?.text,
    });
  });

  it("checks its 200 against its own shape: a body of another shape is refused", async () => {
    const client = sdk.createKlearStackClient({
      baseUrl,
      fetch: fakeFetch(() => json({ other: 1 })).fetch,
    });
    await expect(method(client)?.(typed, { accessToken })).rejects.toBeInstanceOf(
      sdk.KlearStackApiError,
    );
  });

  it("types it from the regenerated types: its fields, its result, its bearer option", async () => {
    const props = schemaFacts(op.success?.body?.schema ?? {}).properties ?? {};
    const tsType = (schema: object) =>
      ({ integer: "number", number: "number", boolean: "boolean" })[
        String(schemaFacts(schema as never).type)
      ] ?? "string";
    const usage = `import { createKlearStackClient } from "./src/index.ts";
const client = createKlearStackClient({ baseUrl: "${baseUrl}" });
const result = await client.${UNSEEN_OPERATION_ID}(${JSON.stringify(typed)}, { accessToken: "t" });
${op.fields
  .filter((f) => f.kind === "file")
  .map(
    (f) =>
      `await client.${UNSEEN_OPERATION_ID}({ ...${JSON.stringify(typed)}, ${f.name}: new Blob([]) }, { accessToken: "t", encoding: "multipart" });`,
  )
  .join("\n")}
${Object.entries(props)
  .map(([name, schema]) => `result.${name} satisfies ${tsType(schema)};`)
  .join("\n")}
// @ts-expect-error a field it does not take
await client.${UNSEEN_OPERATION_ID}({ not_a_field: "x" }, { accessToken: "t" });
// @ts-expect-error its security asks for a bearer token
await client.${UNSEEN_OPERATION_ID}(${JSON.stringify(typed)});
`;
    writeFileSync(join(regenerated.dir, "usage.ts"), usage);
    writeFileSync(
      join(regenerated.dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2024",
          lib: ["es2024", "dom", "dom.iterable"],
          types: [],
          allowImportingTsExtensions: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ["usage.ts"],
      }),
    );
    // tsgo, as for the type tests (vitest.config.ts): the same verdicts as tsc 5.9 at a fraction
    // of its CPU.
    const output = await run(process.execPath, [tsgo, "-p", regenerated.dir]).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(output).toBe("");
  });
});

describe("the regenerated CLI", () => {
  let server: LocalServer;
  const hits: { authorization: string | null; fields: string[][] }[] = [];
  beforeAll(async () => {
    server = await startLocalServer(async (req, res) => {
      const request = await toRequest(req, "http://local");
      hits.push({
        authorization: request.headers.get("authorization"),
        fields: await received(request),
      });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(example));
    });
  });
  afterAll(() => server.close());

  async function cli(argv: string[], env: Record<string, string>) {
    const { runCli } = (await import(
      pathToFileURL(regenerated.cli).href
    )) as typeof import("../src/cli/run.ts");
    return runCliInProcess(argv, env, runCli);
  }
  const command = () => commandName(UNSEEN_OPERATION_ID);
  /** Where the command reads the bearer token (the model's name for it). */
  const bearerVariable = () => {
    if (!op.bearer) throw new Error("the fixture's operation is bearer-protected");
    return op.bearer.envVar;
  };

  it("lists a subcommand for it, with its summary and flags from its fields", async () => {
    expect((await cli(["--help"], {})).stdout).toContain(command());
    const help = await cli([command(), "--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(op.path);
    for (const field of op.fields) expect(help.stdout).toContain(`--${field.flag}`);
    expect(help.stdout).toContain(bearerVariable());
  });

  it("runs it: fields from flags (a switch, a repeated flag, @path for a file), the bearer token from the environment", async () => {
    const note = join(regenerated.dir, "note.txt");
    writeFileSync(note, "note");
    const paths = Object.fromEntries(
      op.fields.filter((f) => f.kind === "file").map((f) => [f.name, note]),
    );
    const { args, env } = cliInput(op, { ...typed, ...paths });
    const result = await cli([command(), "--base-url", server.url, "--multipart", ...args], {
      ...env,
      [bearerVariable()]: accessToken,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(example);
    const files = Object.fromEntries(
      op.fields.filter((f) => f.kind === "file").map((f) => [f.name, new Blob(["note"])]),
    );
    expect(hits.at(-1)).toEqual({
      authorization: `Bearer ${accessToken}`,
      fields: wire("multipart/form-data", files),
    });
  });

  it("refuses a flag whose text is not of its field's kind, naming the flag", async () => {
    const integer = op.fields.find((f) => f.kind === "integer");
    if (!integer) throw new Error("the fixture needs an integer field");
    const result = await cli([command(), "--base-url", server.url, `--${integer.flag}`, "many"], {
      [bearerVariable()]: accessToken,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--${integer.flag}: "many" is not an integer`);
  });
});
