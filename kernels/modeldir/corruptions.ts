// Generated model-directory corruptions for property tests (kernels and the CLI): delete, truncate
// or flip bytes of a file, rewrite one JSON field with a value of another type, add a stale
// document, swap in a file from another model directory — with or without manifest.json re-signed
// afterwards (an edit by someone who also fixed the hashes must still be caught, or load cleanly).
import fc from 'fast-check';
import { MANIFEST, MODEL_DOCUMENTS } from './manifest';
import { resign, withFile, type Files } from './test-dirs';

export type Corruption =
  | { op: 'delete'; file: number }
  | { op: 'truncate'; file: number; at: number }
  | { op: 'flip'; file: number; bytes: { at: number; xor: number }[] }
  | { op: 'rewrite'; file: number; path: number[]; value: unknown }
  | { op: 'stale'; from: number; document: number }
  | { op: 'swap'; from: number; file: number };

const jsonValue = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }),
  fc.constant([]), fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }), fc.constant({}), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

export const corruption: fc.Arbitrary<Corruption & { resign: boolean }> = fc.tuple(
  fc.oneof(
    fc.record({ op: fc.constant('delete' as const), file: fc.nat() }),
    fc.record({ op: fc.constant('truncate' as const), file: fc.nat(), at: fc.nat() }),
    fc.record({ op: fc.constant('flip' as const), file: fc.nat(), bytes: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ op: fc.constant('rewrite' as const), file: fc.nat(), path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: jsonValue }),
    fc.record({ op: fc.constant('stale' as const), from: fc.nat(), document: fc.nat() }),
    fc.record({ op: fc.constant('swap' as const), from: fc.nat(), file: fc.nat() }),
  ),
  fc.boolean(),
).map(([c, resign]) => ({ ...c, resign }));

/** Replaces the value reached by following `path` (each step picks a key or index modulo the size). */
function rewriteAt(doc: unknown, path: number[], value: unknown): unknown {
  if (doc === null || typeof doc !== 'object' || !path.length) return value;
  const keys = Object.keys(doc);
  if (!keys.length) return value;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as never) : { ...doc };
  copy[key] = rewriteAt((doc as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

/** `files` with the corruption applied; `others` are other model directories to take files from. */
export function corrupt(files: Files, others: Files[], c: Corruption & { resign: boolean }): Files {
  const names = [...files.keys()].sort();
  const pick = (i: number) => names[i % names.length];
  let out: Files;
  switch (c.op) {
    case 'delete':
      out = withFile(files, pick(c.file), undefined);
      break;
    case 'truncate': {
      const bytes = files.get(pick(c.file))!;
      out = withFile(files, pick(c.file), bytes.slice(0, c.at % Math.max(1, bytes.length)));
      break;
    }
    case 'flip': {
      const bytes = files.get(pick(c.file))!.slice();
      for (const { at, xor } of c.bytes) if (bytes.length) bytes[at % bytes.length] ^= xor;
      out = withFile(files, pick(c.file), bytes);
      break;
    }
    case 'rewrite': {
      const name = pick(c.file);
      let doc: unknown;
      try {
        doc = JSON.parse(new TextDecoder().decode(files.get(name)));
      } catch {
        return files;
      }
      out = withFile(files, name, JSON.stringify(rewriteAt(doc, c.path, c.value)));
      break;
    }
    case 'stale': {
      const other = others[c.from % others.length];
      const available = [...MODEL_DOCUMENTS].filter((d) => other.has(d));
      const name = available[c.document % available.length];
      out = files.has(name) ? files : withFile(files, name, other.get(name));
      break;
    }
    case 'swap': {
      const other = others[c.from % others.length];
      const shared = names.filter((n) => other.has(n));
      const name = shared[c.file % shared.length];
      out = withFile(files, name, other.get(name));
      break;
    }
  }
  return c.resign && out.has(MANIFEST) ? safeResign(out) : out;
}

function safeResign(files: Files): Files {
  try {
    return resign(files);
  } catch {
    return files; // the manifest itself no longer parses: leave it broken
  }
}
