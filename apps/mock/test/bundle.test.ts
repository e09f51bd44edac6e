// `npm run mock` runs the bundle (dist/klearstack-mock.js, made by build/bundle.ts), not the source
// the other tests import: it must answer every request exactly as the unbundled CLI
// (`node src/cli.ts`) does, print nothing extra, and be rebuilt as soon as an input changes.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwtParts, type OperationModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIRECTS } from "../build/bundle.ts";
import { fingerprint, installRecord, staleBecause, writeManifest } from "../build/manifest.js";
import { battery, batteryEnv } from "./bad-input-battery.ts";
import { bundledCli, type StartedCli, sourceCli, startCli, stopClis } from "./cli-process.ts";
import {
  call,
  encoder,
  expired,
  forged,
  login,
  type Reply,
  rows,
  send,
  type Tokens,
  validRequest,
} from "./support.ts";

/** A request the answer of which both CLIs must agree on; `dynamic`: generated values. */
interface Probe {
  name: string;
  send: (baseUrl: string) => Promise<Reply>;
  dynamic?: boolean;
}

/** The documented requests of `op`, next to the bad-input battery's malformed ones. */
function documentedProbes(op: OperationModel, tokens: () => Tokens): Probe[] {
  const valid = () => validRequest(op, tokens());
  /** The valid request with `bearer()` as its bearer token, or none. */
  const withBearer = (bearer?: () => string) => (baseUrl: string) => {
    const { fields, headers } = valid();
    const { authorization: _, ...rest } = headers;
    const encode = encoder(op.request?.mediaTypes[0] ?? "");
    return call(baseUrl, op, {
      body: encode(fields),
      headers: bearer === undefined ? rest : { ...rest, authorization: `Bearer ${bearer()}` },
    });
  };
  const presented = () => valid().headers.authorization?.replace(/^Bearer /, "") ?? "";
  return [
    ...(op.request?.mediaTypes ?? []).map((mediaType) => ({
      name: `a valid ${mediaType} request`,
      send: (baseUrl: string) =>
        call(baseUrl, op, { body: encoder(mediaType)(valid().fields), headers: valid().headers }),
    })),
    ...op.responses.flatMap((response) =>
      response.contents.flatMap((content) =>
        content.examples.map((example) => ({
          name: `Prefer: code=${response.status}, example=${example.name}`,
          send: (baseUrl: string) =>
            call(baseUrl, op, {
              body: encoder(op.request?.mediaTypes[0] ?? "")(valid().fields),
              headers: {
                ...valid().headers,
                prefer: `code=${response.status}, example=${example.name}`,
              },
            }),
        })),
      ),
    ),
    {
      name: "Prefer: dynamic=true",
      dynamic: true,
      send: (baseUrl: string) =>
        call(baseUrl, op, {
          body: encoder(op.request?.mediaTypes[0] ?? "")(valid().fields),
          headers: { ...valid().headers, prefer: "dynamic=true" },
        }),
    },
    {
      name: "a CORS preflight from another origin",
      send: (baseUrl: string) =>
        send(`${baseUrl}${op.path}`, {
          method: "OPTIONS",
          headers: {
            origin: "https://app.example",
            "access-control-request-method": op.method.toUpperCase(),
            "access-control-request-headers": "authorization, content-type",
          },
        }),
    },
    ...(op.bearer
      ? [
          { name: "no bearer token", send: withBearer(undefined) },
          { name: "an expired bearer token", send: withBearer(() => expired(presented())) },
          { name: "a forged bearer token", send: withBearer(() => forged(presented())) },
        ]
      : []),
  ];
}

const HEADERS = [
  "content-type",
  "allow",
  "vary",
  "sl-violations",
  "access-control-allow-origin",
  "access-control-allow-credentials",
  "access-control-allow-methods",
  "access-control-allow-headers",
  "access-control-expose-headers",
];
/** A string's JWT header and claims; undefined when it is not a JWT. */
function decoded(text: string) {
  try {
    return decodeJwtParts(text);
  } catch {
    return undefined;
  }
}

/**
 * The parts of a reply both CLIs must agree on. Tokens are freshly minted (their iat, exp and jti
 * differ by the call), so each stands for its header and other claims; generated (dynamic) values
 * stand for their JSON types.
 */
function comparable(reply: Reply, dynamic = false) {
  const headers = Object.fromEntries(HEADERS.map((name) => [name, reply.headers.get(name)]));
  const leaf = (value: unknown): unknown => {
    const token = typeof value === "string" ? decoded(value) : undefined;
    if (token) {
      const { iat: _i, exp: _e, jti: _j, ...rest } = token.claims as Record<string, unknown>;
      return { header: token.header, claims: dynamic ? Object.keys(rest).sort() : rest };
    }
    if (Array.isArray(value)) return value.map(leaf);
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, leaf(v)]));
    return dynamic ? typeof value : value;
  };
  let body: unknown = reply.text;
  try {
    body = leaf(JSON.parse(reply.text));
  } catch {
    // Not JSON: text (the documented 500, the mock's own answers) is compared as it is.
  }
  return { status: reply.status, headers, body };
}

describe("the bundled CLI answers as the unbundled one", () => {
  const args = ["--port", "0", "--quiet", "--no-watch"];
  let bundled: StartedCli;
  let source: StartedCli;
  let tokens: Tokens;
  beforeAll(async () => {
    [bundled, source] = await Promise.all([
      startCli(args, {}, bundledCli),
      startCli(args, {}, sourceCli),
    ]);
    tokens = await login(bundled.url);
  });
  afterAll(stopClis);

  describe.each(rows())("%s", (_id, op) => {
    it.each(documentedProbes(op, () => tokens))("$name", async (probe) => {
      const [a, b] = [await probe.send(bundled.url), await probe.send(source.url)];
      expect(comparable(a, probe.dynamic)).toEqual(comparable(b, probe.dynamic));
    });

    it.each(battery(op))("bad input: $name", async ({ request }) => {
      const a = await request(batteryEnv(bundled.url, op, tokens));
      const b = await request(batteryEnv(source.url, op, tokens));
      expect(comparable(a)).toEqual(comparable(b));
    });
  });

  // Last: after every request above, static and generated, answered and refused.
  it("prints nothing on stderr with --quiet (no warning from a bundled dependency)", () => {
    expect(bundled.stderr()).toBe("");
    expect(source.stderr()).toBe("");
  });
});

describe("staleBecause: when a start must rebuild the bundle first", () => {
  let dir: string;
  let files: { manifest: string; bundle: string; own: string; installed: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "klearstack-mock-manifest-"));
    mkdirSync(join(dir, "node_modules"));
    files = {
      manifest: join(dir, "inputs.json"),
      bundle: join(dir, "bundle.js"),
      own: join(dir, "own.ts"),
      installed: join(dir, "node_modules/installed.js"),
    };
    writeFileSync(files.bundle, "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const built = () => {
    writeFileSync(files.own, "export const a = 1;\n");
    writeFileSync(files.installed, "module.exports = 1;\n");
    utimesSync(files.installed, 1_000, 1_000);
    const inputs = Object.fromEntries(
      [files.own, files.installed].map((file) => [file, fingerprint(file) ?? ""]),
    );
    writeManifest(inputs, files.manifest);
    return { manifest: files.manifest, bundle: files.bundle };
  };

  it("is undefined for the bundle the tests run (built by the global setup)", () => {
    expect(staleBecause()).toBeUndefined();
  });

  it("is undefined while no input changed", () => {
    expect(staleBecause(built())).toBeUndefined();
  });

  it("names one of our sources whose contents changed", () => {
    const paths = built();
    writeFileSync(files.own, "export const a = 2;\n");
    expect(staleBecause(paths)).toBe(`${files.own} changed since the last build`);
  });

  it("ignores a source saved again unchanged (a checkout, a turbo cache restore)", () => {
    const paths = built();
    utimesSync(files.own, 2_000, 2_000);
    expect(staleBecause(paths)).toBeUndefined();
  });

  it("names an installed file npm wrote again (by size and modification time)", () => {
    const paths = built();
    utimesSync(files.installed, 2_000, 2_000);
    expect(staleBecause(paths)).toBe(`${files.installed} changed since the last build`);
  });

  it("checks an installed file through npm's record of the install, when there is one", () => {
    expect(installRecord(files.installed)).toBeUndefined();
    const record = join(dir, "node_modules/.package-lock.json");
    writeFileSync(record, "{}\n");
    try {
      expect(installRecord(files.installed)).toBe(record);
      expect(installRecord(files.own)).toBeUndefined();
    } finally {
      rmSync(record);
    }
  });

  it("names an input that is gone, and a bundle that is missing", () => {
    const paths = built();
    expect(staleBecause({ ...paths, bundle: join(dir, "none.js") })).toBe("there is no bundle yet");
    rmSync(files.own);
    expect(staleBecause(paths)).toBe(`${files.own} changed since the last build`);
  });
});

describe("the faker the bundle hands Prism (an English-only entry point, build/bundle.ts)", () => {
  const redirect = REDIRECTS.find((r) => r.from === "@faker-js/faker");
  it("is the faker Prism imports unbundled: the same locale data and the same seeded values", () => {
    expect(redirect?.importer).toBe("@stoplight/prism-http");
    const fromPrism = createRequire(
      createRequire(import.meta.url).resolve("@stoplight/prism-http"),
    );
    type Faker = {
      getMetadata(): unknown;
      rawDefinitions: unknown;
      seed(n: number): void;
      person: { fullName(): string };
      internet: { email(): string };
      number: { int(): number };
    };
    const [prisms, bundled] = [redirect?.from ?? "", redirect?.to ?? ""].map(
      (specifier) => (fromPrism(specifier) as { faker: Faker }).faker,
    ) as [Faker, Faker];
    expect(bundled.getMetadata()).toEqual(prisms.getMetadata());
    expect(bundled.rawDefinitions).toEqual(prisms.rawDefinitions);
    const values = (faker: Faker) => {
      faker.seed(2026);
      return [faker.person.fullName(), faker.internet.email(), faker.number.int()];
    };
    expect(values(bundled)).toEqual(values(prisms));
  });
});
