// The local-mock environment: `baseUrl` is the spec's loopback server, where `npm run mock` listens.
import type { ApiModel } from "@klearstack/spec";
import type { PostmanCollection } from "./convert.ts";

export function localMockEnvironment(model: ApiModel, collection: PostmanCollection) {
  const mockUrl = model.servers.find((s) => /^http:\/\/127\.0\.0\.1[:/]/.test(s.url))?.url;
  if (!mockUrl) throw new Error("the spec lists no http://127.0.0.1 server for the local mock");
  return {
    name: `${String(collection.info.name)} — local mock`,
    values: [{ key: "baseUrl", value: mockUrl, type: "default", enabled: true }],
    _postman_variable_scope: "environment",
  };
}
