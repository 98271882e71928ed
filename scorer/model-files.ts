// A model directory as the scorer sees it: file name → bytes, wherever they came from (a folder,
// a bundle, a zip). Keeps file-system access out of the loaders.

/** A model file is missing or unreadable; the message names the file. */
export class ModelFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ModelFileError';
  }
}

const decoder = new TextDecoder();

export function parseJsonFile(files: ReadonlyMap<string, Uint8Array>, name: string): unknown;
export function parseJsonFile(files: ReadonlyMap<string, Uint8Array>, name: string, optional: true): unknown | undefined;
export function parseJsonFile(files: ReadonlyMap<string, Uint8Array>, name: string, optional = false): unknown {
  const bytes = files.get(name);
  if (!bytes) {
    if (optional) return undefined;
    throw new ModelFileError(`${name} not found: not a Tourney model directory`);
  }
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (err) {
    throw new ModelFileError(`${name} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
