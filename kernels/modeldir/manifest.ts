// manifest.json: every file of the directory with its size and SHA-256, and which kind of model
// directory it is. A directory is loaded only when it is exactly what the manifest lists: each
// listed file present with its hash, and no model document beside them that it does not list (a
// tournament.json left over from an earlier run must not be picked up next to a new model.json).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail } from './errors';
import { MODEL_DIR_FORMAT, type Manifest, type ModelDirKind } from './meta-schema';

export const MANIFEST = 'manifest.json';

/** Every document name a model directory can hold; any of them must be listed in the manifest. */
export const MODEL_DOCUMENTS = ['meta.json', 'pipeline.json', 'tournament.json', 'model.json', 'report.json', 'template.json', 'reference-profile.json'] as const;
export type ModelDocumentName = (typeof MODEL_DOCUMENTS)[number];

/** Which documents each kind needs, and which it may hold besides. */
export const DOCUMENTS_OF: Record<ModelDirKind, { required: ModelDocumentName[]; optional: ModelDocumentName[] }> = {
  tournament: { required: ['meta.json', 'pipeline.json', 'tournament.json', 'report.json', 'template.json'], optional: ['model.json', 'reference-profile.json'] },
  fixed: { required: ['meta.json', 'pipeline.json', 'model.json'], optional: ['reference-profile.json'] },
};

/**
 * The plain file names a manifest.json lists, read leniently (none when it is not JSON): what a
 * file-system adapter reads besides the model documents. The loader judges the manifest itself.
 */
export function listedFileNames(manifest: Uint8Array | undefined): string[] {
  if (!manifest) return [];
  try {
    const files = (JSON.parse(new TextDecoder().decode(manifest)) as { files?: { name?: unknown }[] } | null)?.files;
    return Array.isArray(files) ? files.map((f) => f?.name).filter((n): n is string => typeof n === 'string' && /^[A-Za-z0-9._-]+$/.test(n) && n !== '.' && n !== '..') : [];
  } catch {
    return [];
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function createManifest(kind: ModelDirKind, tourneyVersion: string, files: ReadonlyMap<string, Uint8Array>): Manifest {
  return {
    format: MODEL_DIR_FORMAT,
    kind,
    tourney: tourneyVersion,
    files: [...files].map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256Hex(bytes) })),
  };
}

/**
 * Checks the files against the manifest: the kind's documents are listed, every listed file is
 * present with its size and hash, and no model document is present unlisted.
 */
export function verifyManifest(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>, label: string): void {
  const listed = new Set(manifest.files.map((f) => f.name));
  const { required, optional } = DOCUMENTS_OF[manifest.kind];
  for (const name of required) {
    if (!listed.has(name)) fail(label, MANIFEST, `a ${manifest.kind} model directory needs ${name}, which the manifest does not list`);
  }
  for (const name of listed) {
    if ((MODEL_DOCUMENTS as readonly string[]).includes(name) && !required.includes(name as ModelDocumentName) && !optional.includes(name as ModelDocumentName)) {
      fail(label, MANIFEST, `lists ${name}, which a ${manifest.kind} model directory does not hold`);
    }
  }
  for (const entry of manifest.files) {
    const bytes = files.get(entry.name);
    if (!bytes) fail(label, entry.name, `listed in manifest.json but missing: the directory is incomplete; retrain it`);
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      // A model document comes from training; anything else listed (a bundle's model.onnx) from `tourney export`.
      const remedy = (MODEL_DOCUMENTS as readonly string[]).includes(entry.name) ? 'retrain the model' : 'export the bundle again';
      fail(label, entry.name, `does not match manifest.json (${bytes.length === entry.bytes ? 'its content differs' : `${bytes.length} bytes, the manifest says ${entry.bytes}`}): it was edited, truncated or replaced; ${remedy}`);
    }
  }
  for (const name of files.keys()) {
    if ((MODEL_DOCUMENTS as readonly string[]).includes(name) && !listed.has(name)) {
      fail(label, name, `is not listed in manifest.json: a stale document from another model; retrain into an empty directory`);
    }
  }
}
