// Model directories and backups in and out of the app: a CLI model directory picked as a folder or
// a .zip (checked by kernels/modeldir's loader before anything is written), a version exported as
// a model-directory .zip, and the whole registry as one .tourney-registry file.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { loadModelDirFiles } from '../../kernels/modeldir';
import { downloadFile } from '../platform/download';

/** Fixed entry times: the same files always give the same zip. */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

/** Drops one folder every path shares ('churn/meta.json' → 'meta.json'), as a zipped folder has. */
export function stripCommonFolder(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const paths = [...files.keys()];
  const first = paths[0]?.split('/')[0];
  const shared = first !== undefined && paths.every((p) => p.startsWith(`${first}/`));
  return new Map([...files].map(([p, bytes]) => [shared ? p.slice(first.length + 1) : p, bytes]));
}

/** A model directory from a zip's bytes, checked (manifest, hashes, schemas); throws naming the file. */
export function modelDirFromZip(bytes: Uint8Array, fileName: string): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new Error(`${fileName} is not a readable zip (${(e as Error).message}); nothing was imported`, { cause: e });
  }
  const files = stripCommonFolder(new Map(Object.entries(entries).filter(([p]) => !p.endsWith('/') && !p.startsWith('__MACOSX/'))));
  return checkedModelDir(files, fileName);
}

/** A model directory from a folder picked with <input webkitdirectory> (paths start with the folder's name). */
export async function modelDirFromFolder(picked: readonly File[]): Promise<{ name: string; files: Map<string, Uint8Array> }> {
  const folder = (picked[0]?.webkitRelativePath || picked[0]?.name || 'folder').split('/')[0];
  const raw = new Map<string, Uint8Array>();
  for (const f of picked) raw.set(f.webkitRelativePath || f.name, new Uint8Array(await f.arrayBuffer()));
  return { name: folder, files: checkedModelDir(stripCommonFolder(raw), folder) };
}

function checkedModelDir(files: Map<string, Uint8Array>, label: string): Map<string, Uint8Array> {
  loadModelDirFiles(files, label);
  return files;
}

export function modelDirZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const name of [...files.keys()].sort()) zippable[name] = [files.get(name)!, { mtime: ZIP_TIME }];
  return zipSync(zippable);
}

/** Hands bytes to the browser as a download. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadFile(fileName, bytes, type);
}

/** A model name the registry accepts, from a table name ('leads 2024' → 'leads-2024'). */
export function modelNameFrom(text: string): string {
  const name = text.replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100);
  return name || 'model';
}
