// Every operation's `x-codeSamples`, generated from the operation model: method, URL, form fields,
// example values and credentials all come from the spec, so a spec edit (or a new operation)
// changes every sample at the next build. Nothing here knows how many operations there are.
import type { ApiModel, OperationModel } from "@klearstack/spec";
import { clientOffers, clientSample, clientSampleLabel } from "./client-sample.ts";
import { type CodeSample, httpSample, httpSampleKinds } from "./http-samples.ts";
import { sampleSecrets } from "./sample-secrets.ts";

export { clientSampleLabel } from "./client-sample.ts";
export { type CodeSample, httpSampleKinds } from "./http-samples.ts";
export {
  placeholderFor,
  type SampleSecret,
  sampleSecrets,
} from "./sample-secrets.ts";

/** Every tab label the generator can produce, in display order. */
export const sampleLabels: readonly string[] = [
  ...httpSampleKinds.map((kind) => kind.label),
  clientSampleLabel,
];

export interface SampleOptions {
  /** Whether the TypeScript client has a method for an operation (default: ask the client). */
  clientOffers?: (operationId: string) => boolean;
}

/** The URL samples call by default: the spec's first server (the local mock). */
export function defaultServerUrl(model: ApiModel): string {
  const [first] = model.servers;
  if (!first) throw new Error("the spec lists no server: the samples need a URL to call");
  return first.url;
}

/** One operation's samples, in tab order, calling `serverUrl`. */
export function codeSamplesFor(
  op: OperationModel,
  serverUrl: string,
  options: SampleOptions = {},
): CodeSample[] {
  const url = `${serverUrl.replace(/\/+$/, "")}${op.path}`;
  const secrets = sampleSecrets(op);
  const samples = httpSampleKinds.map((kind) => httpSample(kind, op, url, secrets));
  if ((options.clientOffers ?? clientOffers)(op.operationId)) {
    samples.push(clientSample(op, serverUrl, secrets));
  }
  return samples;
}

/** Every operation's samples, keyed by operationId, in the spec's order. */
export function codeSamplesOf(
  model: ApiModel,
  serverUrl: string = defaultServerUrl(model),
  options: SampleOptions = {},
): Map<string, CodeSample[]> {
  return new Map(
    model.operations.map((op) => [op.operationId, codeSamplesFor(op, serverUrl, options)]),
  );
}
