// The form values a sample sends, typed by the model: each field's documented example as the wire
// carries it (the spec model's encodeFormValue: an array as repeated keys, a boolean as
// "true"/"false"), and a file field as a file, in multipart samples only. httpsnippet gets them
// as HAR params; where a target's output would not send them so, `fixRepeatedKeys` and
// `xhrFileParts` correct the generated code.
import {
  encodeFormValue,
  type FieldModel,
  type FormValue,
  type OperationModel,
} from "@klearstack/spec";

const multipart = "multipart/form-data";

/** A HAR form param: a text value, or a file the sample reads by name. */
export type SampleParam =
  | { name: string; value: string }
  | { name: string; fileName: string; contentType: string };

/** The file a sample sends for a file field: `<field>.txt` for text, else `<field>.bin`. */
export function sampleFile(field: FieldModel): { fileName: string; contentType: string } {
  const contentType = String(field.schema.contentMediaType ?? "application/octet-stream");
  const extension = contentType.startsWith("text/") ? "txt" : "bin";
  return { fileName: `${field.name}.${extension}`, contentType };
}

/**
 * The params of one field (`secret` gives the marker standing in for a secret's value): none for
 * an optional field without an example, or for a file in an urlencoded sample.
 */
export function sampleParams(
  op: OperationModel,
  field: FieldModel,
  mediaType: string,
  secret: string | undefined,
): SampleParam[] {
  if (secret !== undefined) return [{ name: field.name, value: secret }];
  if (field.kind === "file") {
    if (mediaType === multipart) return [{ name: field.name, ...sampleFile(field) }];
    if (!field.required) return [];
    throw new Error(`${op.operationId}: file field ${field.name} needs a multipart sample`);
  }
  if (field.exampleValue === undefined) {
    if (!field.required) return [];
    throw new Error(`${op.operationId}: form field ${field.name} needs an example for the samples`);
  }
  return encodeFormValue(field, field.exampleValue as FormValue, mediaType).map(
    ([name, value]) => ({
      name,
      value: String(value),
    }),
  );
}

/**
 * httpsnippet writes a repeated key as `set` (axios: the last value wins) or as `name[0]=` (OkHttp's
 * pre-encoded body, qs style): both become repeated keys, as the form carries an array.
 */
export function fixRepeatedKeys(target: string, source: string, op: OperationModel): string {
  if (target === "node") return source.replaceAll("encodedParams.set(", "encodedParams.append(");
  if (target !== "java") return source;
  let fixed = source;
  for (const field of op.fields.filter((f) => f.kind === "array")) {
    const name = encodeURIComponent(field.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    fixed = fixed.replace(
      new RegExp(`${name}%5B\\d+%5D=`, "g"),
      `${encodeURIComponent(field.name)}=`,
    );
  }
  return fixed;
}

/**
 * The XHR sample appends a file field as its file name (a string): it sends a File instead, made
 * here from text so the sample runs as shown; a page takes it from an `<input type="file">`.
 */
export function xhrFileParts(source: string, op: OperationModel): string {
  let fixed = source;
  for (const field of op.fields.filter((f) => f.kind === "file")) {
    const { fileName, contentType } = sampleFile(field);
    fixed = fixed.replace(
      `data.append('${field.name}', '${fileName}');`,
      `// Your file, e.g. document.querySelector('input[type=file]').files[0]:\n` +
        `data.append('${field.name}', new File(['sample file\\n'], '${fileName}', {type: '${contentType}'}));`,
    );
  }
  return fixed;
}
