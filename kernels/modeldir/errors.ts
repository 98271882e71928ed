// One error type for everything wrong with a model directory. Its message is one line naming the
// file (and the field inside it), so the CLI, the app's import, the registry and the scorer all
// say the same thing about the same broken directory.
import type { z } from 'zod';

export class ModelDirError extends Error {
  override name = 'ModelDirError';

  /** `file` is the document the problem is in ('' for the directory as a whole). */
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

/** `<label>/<file>` (or just the file when the label is empty). */
export function filePath(label: string, file: string): string {
  if (!label) return file;
  return file ? `${label.replace(/\/+$/, '')}/${file}` : label;
}

/** Throws `<label>/<file>: <what>`. */
export function fail(label: string, file: string, what: string): never {
  throw new ModelDirError(file, `${filePath(label, file)}: ${what}`);
}

/** `field "members[0].weight": …` for a zod issue, with the offending value described. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  const where = path ? `field "${path}": ` : '';
  const value = valueAt(input, issue.path);
  // Messages we wrote start lower-case; zod's own ones ("Invalid input: …") are replaced.
  const custom = !/^(Invalid|Too|Unrecognized)/.test(issue.message);
  let what: string;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${where}missing (${custom ? issue.message : `expected ${issue.expected}`})`;
      what = `${custom ? issue.message : `expected ${issue.expected}`}, got ${describeValue(value)}`;
      break;
    case 'invalid_value':
      what = custom ? `${issue.message}, got ${describeValue(value)}` : `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`;
      break;
    case 'invalid_union':
      what = `${custom ? issue.message : 'does not match any allowed shape'}, got ${describeValue(value)}`;
      break;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      what = `${custom ? issue.message : `expected ${bound}${unit}`}${issue.origin === 'array' ? '' : `, got ${describeValue(value)}`}`;
      break;
    }
    case 'unrecognized_keys':
      what = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      break;
    default:
      what = custom ? issue.message : `${issue.message}, got ${describeValue(value)}`;
  }
  return where + what;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return v.length ? `an array of ${v.length}` : 'an empty array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}
