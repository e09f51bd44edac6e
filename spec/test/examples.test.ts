import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createSpecValidator,
  decodeJwtParts,
  EXAMPLE_SIGNING_SECRET,
  type JsonSchema,
  loadSpec,
} from "../index.ts";

const spec = loadSpec();
const validate = createSpecValidator(spec);
const path = "/access/klearstack/getaccesstokenfromuserid";
const operation = spec.paths[path]?.post;
if (!operation) throw new Error(`spec has no POST ${path}`);
const opPointer = `/paths/${path.replaceAll("/", "~1")}/post`;

// Every media type in every response, as [pointer, example name, value].
const responseExamples = Object.entries(operation.responses).flatMap(([status, response]) =>
  Object.entries(response.content).flatMap(([mediaType, media]) => {
    const pointer = `${opPointer}/responses/${status}/content/${mediaType.replace("/", "~1")}/schema`;
    const named = Object.entries(media.examples ?? {}).map(
      ([name, ex]) => [pointer, `${status} ${mediaType} ${name}`, ex.value] as const,
    );
    const single =
      "example" in media ? [[pointer, `${status} ${mediaType}`, media.example] as const] : [];
    return [...single, ...named];
  }),
);

// Every `examples` array on a component schema or one of its properties.
const schemaExamples = Object.entries(spec.components.schemas).flatMap(([name, schema]) => {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const own = ((schema.examples as unknown[]) ?? []).map(
    (ex) => [`/components/schemas/${name}`, name, ex] as const,
  );
  const nested = Object.entries(props).flatMap(([prop, propSchema]) =>
    ((propSchema.examples as unknown[]) ?? []).map(
      (ex) => [`/components/schemas/${name}/properties/${prop}`, `${name}.${prop}`, ex] as const,
    ),
  );
  return [...own, ...nested];
});

describe("spec examples validate against their schemas (JSON Schema 2020-12)", () => {
  it("has response examples and property examples to check", () => {
    expect(responseExamples.length).toBeGreaterThanOrEqual(3);
    expect(schemaExamples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(responseExamples)("response example %s (%s) is valid", (pointer, _name, value) => {
    expect(validate(pointer, value)).toEqual([]);
  });

  it.each(schemaExamples)("schema example %s (%s) is valid", (pointer, _name, value) => {
    expect(validate(pointer, value)).toEqual([]);
  });

  it("a request assembled from the field examples is valid in both encodings", () => {
    for (const [mediaType, media] of Object.entries(operation.requestBody.content)) {
      const pointer = `${opPointer}/requestBody/content/${mediaType.replace("/", "~1")}/schema`;
      const body = Object.fromEntries(
        schemaExamples
          .filter(([, name]) => name.startsWith("TokenRequest."))
          .map(([, name, value]) => [name.slice("TokenRequest.".length), value]),
      );
      expect(validate(pointer, body), mediaType).toEqual([]);
      expect(media.schema).toEqual({ $ref: "#/components/schemas/TokenRequest" });
    }
  });

  it("the validator really rejects what the schemas forbid", () => {
    const ok = operation.responses["200"]?.content["application/json"]?.example as Record<
      string,
      string
    >;
    const pointer = `${opPointer}/responses/200/content/application~1json/schema`;
    expect(validate(pointer, { ...ok, access_token: "not-a-jwt" })).not.toEqual([]);
    expect(validate(pointer, { access_token: ok.access_token })).not.toEqual([]);
    expect(
      validate("/components/schemas/TokenRequest", { user_id: "", company_name: "x" }),
    ).not.toEqual([]);
  });
});

describe("example tokens are real HS256 JWTs with the documented claims", () => {
  const pair = operation.responses["200"]?.content["application/json"]?.example as Record<
    string,
    string
  >;
  const tokenSchemas = spec.components.schemas.TokenPair?.properties as Record<
    string,
    { $ref: string }
  >;

  it.each(["access_token", "refresh_token"])("%s decodes to its contentSchema", (field) => {
    const token = pair[field] as string;
    const tokenSchemaName = tokenSchemas[field]?.$ref.split("/").pop() as string;
    const tokenSchema = spec.components.schemas[tokenSchemaName] ?? {};
    const contentRef = (tokenSchema.contentSchema as { $ref: string }).$ref;
    expect(validate(contentRef.slice(1), decodeJwtParts(token))).toEqual([]);
  });

  it.each(["access_token", "refresh_token"])(
    "%s carries a valid HS256 signature (example key)",
    (field) => {
      const [header, claims, signature] = (pair[field] as string).split(".");
      const expected = createHmac("sha256", EXAMPLE_SIGNING_SECRET)
        .update(`${header}.${claims}`)
        .digest("base64url");
      expect(signature).toBe(expected);
    },
  );

  it("the access token lives for minutes and the refresh token for days", () => {
    const lifetime = (field: string) => {
      const { claims } = decodeJwtParts(pair[field] as string) as {
        claims: { exp: number; iat: number };
      };
      return claims.exp - claims.iat;
    };
    expect(lifetime("access_token")).toBeGreaterThanOrEqual(60);
    expect(lifetime("access_token")).toBeLessThan(60 * 60);
    expect(lifetime("refresh_token")).toBeGreaterThanOrEqual(24 * 60 * 60);
  });

  it("both tokens belong to the same user and were issued together", () => {
    const access = decodeJwtParts(pair.access_token as string).claims as Record<string, unknown>;
    const refresh = decodeJwtParts(pair.refresh_token as string).claims as Record<string, unknown>;
    expect(access.user_id).toBe(refresh.user_id);
    expect(access.iat).toBe(refresh.iat);
    expect(access.jti).not.toBe(refresh.jti);
  });
});

describe("the documented 500", () => {
  const media = operation.responses["500"]?.content["text/plain"];

  it("is plain text with one example per required parameter, naming it", () => {
    const required = spec.components.schemas.TokenRequest?.required as string[];
    const examples = Object.values(media?.examples ?? {});
    expect(examples.map((ex) => ex["x-missing-parameter"]).sort()).toEqual([...required].sort());
    for (const ex of examples) {
      const parameter = String(ex["x-missing-parameter"]).replace("_", " ");
      expect(String(ex.value).toLowerCase()).toContain(parameter);
    }
  });

  it("uses straight quotes, not the seed's typographic ones", () => {
    for (const ex of Object.values(media?.examples ?? {}))
      expect(String(ex.value)).not.toMatch(/[“”‘’]/);
  });
});

describe("defects of the vendor's pages stay fixed", () => {
  it("the call declares no authentication and no Authorization header", () => {
    expect(operation.security).toEqual([]);
    expect(JSON.stringify(spec)).not.toMatch(/"authorization"/i);
  });

  it("every server is plain http only for loopback", () => {
    for (const server of spec.servers ?? []) {
      if (server.url.startsWith("http://")) expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    }
  });
});
