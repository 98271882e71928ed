// "Export scorer" in the app: a model directory's files → the complete bundle `tourney export`
// writes (scorer/bundle/bundle-files.ts, the same code), with server.js and the runtime lock the
// app's build shipped as assets. Checked like `tourney export` checks it: the model loads and its
// model.onnx starts an ONNX Runtime session (here onnxruntime-web's WASM build). The web app gets
// a .zip (one folder named after the service); Electron gets the files to write through its preload.
import { zipSync, type Zippable } from 'fflate';
import { bundleFiles, dnsName, MODEL_ONNX, type BundleAssets, type BundleOptions } from '../../scorer/bundle/bundle-files';
import type { RuntimeLock } from '../../scorer/bundle/package-lock';
import type { OrtWasm } from './scoring-service';

/** The options of a bundle, for the page's client (which may not import scorer/ itself). */
export type { BundleOptions };

/** Fixed entry times: the same bundle files always give the same zip. */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

export interface ExportedBundle {
  name: string;
  version: string;
  /** The folder the bundle goes in: `<model>-scorer`. */
  folder: string;
  /** Forward-slash paths inside the folder → bytes. */
  files: [string, Uint8Array][];
}

/** Fetches the two build products the app ships (see scorer/bundle/app-assets.ts). */
export async function fetchBundleAssets(serverJsUrl: string, runtimeLockUrl: string, fetcher: typeof fetch = fetch): Promise<BundleAssets> {
  const get = async (url: string) => {
    const response = await fetcher(url);
    if (!response.ok) throw new Error(`the app could not read its scorer asset ${url} (HTTP ${response.status}): rebuild the app`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [serverJs, lock] = await Promise.all([get(serverJsUrl), get(runtimeLockUrl)]);
  return { serverJs, runtime: JSON.parse(new TextDecoder().decode(lock)) as RuntimeLock };
}

export async function exportBundle(ort: OrtWasm, modelFiles: ReadonlyMap<string, Uint8Array>, assets: BundleAssets, options: BundleOptions, label: string): Promise<ExportedBundle> {
  const bundle = bundleFiles(modelFiles, assets, options, label);
  const session = await ort.InferenceSession.create(bundle.files.get(MODEL_ONNX)!, { executionProviders: ['wasm'] });
  await session.release();
  return { name: bundle.name, version: bundle.version, folder: dnsName(bundle.name), files: [...bundle.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** The bundle as one zip holding its folder. */
export function bundleZip(bundle: ExportedBundle): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of bundle.files) entries[`${bundle.folder}/${path}`] = [bytes, { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
