// Reading a stored document: JSON text → checked document, or one error naming the file and the
// first field that is wrong ("…/version.json: field summary.task: expected one of …").
import type { z } from 'zod';

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RegistryError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

export function checkDocument<S extends z.ZodType>(schema: S, json: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? issue.path.map(String).join('.') : '(document)';
  throw new RegistryError(`${file}: field ${field}: ${issue.message.replace(/^Invalid (input|option): /, '')}`);
}
