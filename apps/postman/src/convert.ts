// openapi-to-postmanv2 turns the spec into Postman requests. `convertV2` is the entry point that
// honours `preferredRequestBodyType` (the plain `convert` always takes the first media type), so
// it runs once per request encoding the spec declares.
import { createRequire } from "node:module";

// CommonJS package without types: typed here to the little we use.
const converter = createRequire(import.meta.url)("openapi-to-postmanv2") as {
  convertV2(
    input: { type: "json"; data: unknown },
    options: Record<string, unknown>,
    callback: (error: unknown, result: ConversionResult) => void,
  ): void;
};

interface ConversionResult {
  result: boolean;
  reason?: string;
  output: { type: string; data: PostmanCollection }[];
}

export interface PostmanCollection {
  info: Record<string, unknown>;
  item: PostmanItem[];
  variable?: { key: string; value: string; description?: string }[];
  auth?: unknown;
  event?: unknown[];
}

export interface PostmanItem {
  id?: string;
  name: string;
  item?: PostmanItem[];
  request?: PostmanRequest;
  response?: PostmanResponse[];
  event?: { listen: "test" | "prerequest"; script: { type: string; exec: string[] } }[];
  [key: string]: unknown;
}

export interface PostmanRequest {
  method: string;
  header: { key: string; value: string }[];
  body?: { mode: string; [mode: string]: unknown };
  [key: string]: unknown;
}

export interface PostmanResponse {
  id?: string;
  name: string;
  code: number;
  body: string;
  originalRequest?: PostmanRequest;
  [key: string]: unknown;
}

/** The converter's name for each request media type the spec may declare. */
export const bodyTypeOf: Record<string, string> = {
  "application/x-www-form-urlencoded": "x-www-form-urlencoded",
  "multipart/form-data": "form-data",
};

/** `document` is the spec as written (the converter resolves its `$ref`s itself). */
export function convert(document: object, mediaType: string): Promise<PostmanCollection> {
  const preferredRequestBodyType = bodyTypeOf[mediaType];
  if (!preferredRequestBodyType) throw new Error(`no Postman body mode for ${mediaType}`);
  return new Promise((resolve, reject) => {
    converter.convertV2(
      // A fresh copy: the converter annotates the document it is given.
      { type: "json", data: structuredClone(document) },
      { preferredRequestBodyType, parametersResolution: "Example", folderStrategy: "Tags" },
      (error, result) => {
        if (error) reject(error);
        else if (!result.result) reject(new Error(`openapi-to-postmanv2: ${result.reason}`));
        else if (!result.output[0]) reject(new Error("openapi-to-postmanv2 returned nothing"));
        else resolve(result.output[0].data);
      },
    );
  });
}

/** Every request of a converted collection, whatever folders the converter made. */
export type RequestItem = PostmanItem & { request: PostmanRequest };

export function requestsOf(items: PostmanItem[]): RequestItem[] {
  return items.flatMap((item) =>
    item.request ? [item as RequestItem] : requestsOf(item.item ?? []),
  );
}
