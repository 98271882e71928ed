// The checks every model loader starts with: the JSON is an object of the expected family and a
// format this build reads. Errors name the model kind, so a bad registry entry says what it is.
import type { ModelFamily } from './model';

export interface ModelJsonReader {
  json: Record<string, unknown>;
  /** Throws `<kind> model JSON: <what>`. */
  fail: (what: string) => never;
}

export function readModelJson(input: unknown, kind: string, family: ModelFamily, format: number): ModelJsonReader {
  const json = input as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new Error(`${kind} model JSON: ${what}`);
  };
  if (!json || typeof json !== 'object') fail('not an object');
  if (json.family !== family) fail(`family is ${JSON.stringify(json.family)}, expected "${family}"`);
  if (json.format !== format) fail(`format ${JSON.stringify(json.format)} is not supported (expected ${format})`);
  return { json, fail };
}
