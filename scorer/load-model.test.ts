// The scorer loads its model through the one model-directory loader: a bundle carries the
// manifest and the documents unchanged (they load through loadModelDirFiles), and a real server
// process refuses a directory or bundle with a missing, stale or edited file at start: exit 1 and
// one `error:` line naming the file.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelDirFiles, MANIFEST, MODEL_DOCUMENTS, sha256Hex } from '../kernels/modeldir';
import { writeBundle } from './bundle/write-bundle';
import { loadScorerModel } from './load-model';
import { readModelDirFiles } from './server/read-model-dir';
import { DATA, tourney } from './testing/scorer-process';

const work = mkdtempSync(join(tmpdir(), 'tourney-scorer-load-'));
const modelDir = join(work, 'penguins');
const bundle = join(work, 'bundle');

beforeAll(async () => {
  const train = await tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":10}', '--out', modelDir]);
  expect(train.code, train.stderr).toBe(0);
  await writeBundle(modelDir, bundle);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts the bundle's server.js on a copy that `spoil` changed; resolves when it exits. */
function startOn(dir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(bundle, 'server.js'), '--model-dir', dir, '--port', '0'], { timeout: 20_000 }, (err, _stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr });
    });
  });
}

function spoiledCopy(from: string, name: string, spoil: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(from, dir, { recursive: true });
  spoil(dir);
  return dir;
}

describe('the scorer loads through kernels/modeldir', () => {
  it('the bundle carries the model documents byte for byte and a manifest that adds model.onnx, and they load through the same loader', () => {
    const original = readModelDirFiles(modelDir);
    const inBundle = readModelDirFiles(bundle);
    for (const name of MODEL_DOCUMENTS) {
      expect(inBundle.get(name), name).toEqual(original.get(name));
    }
    const manifestOf = (files: Map<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files.get(MANIFEST))) as { files: { name: string; sha256: string }[] };
    const onnx = inBundle.get('model.onnx')!;
    expect(manifestOf(inBundle)).toEqual({ ...manifestOf(original), files: [...manifestOf(original).files, { name: 'model.onnx', bytes: onnx.length, sha256: sha256Hex(onnx) }] });
    const fromBundle = loadModelDirFiles(inBundle, bundle);
    const fromDir = loadModelDirFiles(original, modelDir);
    expect(fromBundle.meta).toEqual(fromDir.meta);
    expect(fromBundle.featureNames).toEqual(fromDir.featureNames);
    const model = loadScorerModel(inBundle, 'x', bundle);
    expect(model.name).toBe('penguins');
    expect(model.classes).toEqual(fromDir.meta.classes);
    expect(model.inputs.map((f) => f.name)).toEqual(expect.arrayContaining(['bill_length_mm']));
  });

  it('names the file when a document was edited (loadScorerModel)', () => {
    const files = readModelDirFiles(modelDir);
    const meta = JSON.parse(new TextDecoder().decode(files.get('meta.json'))) as Record<string, unknown>;
    files.set('meta.json', new TextEncoder().encode(JSON.stringify({ ...meta, target: 'island' })));
    expect(() => loadScorerModel(files, 'x', '/m')).toThrow(/^\/m\/meta\.json: does not match manifest\.json/);
  });

  const cases: [string, string, (dir: string) => void, RegExp][] = [
    ['model dir, model.json missing', 'missing', (d) => unlinkSync(join(d, 'model.json')), /model\.json: listed in manifest\.json but missing/],
    ['model dir, pipeline.json edited', 'edited', (d) => appendFileSync(join(d, 'pipeline.json'), ' '), /pipeline\.json: does not match manifest\.json/],
    ['model dir, a stale tournament.json', 'stale', (d) => writeFileSync(join(d, 'tournament.json'), '{}'), /tournament\.json: is not listed in manifest\.json/],
    ['model dir, manifest.json missing', 'nomanifest', (d) => unlinkSync(join(d, MANIFEST)), /meta\.json: has no manifest\.json beside it/],
  ];
  for (const [what, name, spoil, message] of cases) {
    it(`a real server process refuses a ${what}: exit 1, one line naming the file`, async () => {
      const dir = spoiledCopy(modelDir, name, spoil);
      const { code, stderr } = await startOn(dir);
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^error: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
      expect(lines[0]).toMatch(message);
    }, 30_000);
  }

  it('a real server process refuses a bundle whose meta.json was edited', async () => {
    const dir = spoiledCopy(bundle, 'bundle-edited', (d) => {
      const path = join(d, 'meta.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"species"', '"island"'));
    });
    const { code, stderr } = await startOn(dir);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*\/bundle-edited\/meta\.json: does not match manifest\.json/)]);
  }, 30_000);

  it('a real server process refuses a bundle whose model.onnx was replaced: exit 1, one line naming model.onnx', async () => {
    const dir = spoiledCopy(bundle, 'bundle-onnx', (d) => {
      const path = join(d, 'model.onnx');
      const bytes = readFileSync(path);
      bytes[bytes.length - 9] ^= 0xff; // one byte of the graph's initialisers, same size
      writeFileSync(path, bytes);
    });
    const { code, stderr } = await startOn(dir);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*\/bundle-onnx\/model\.onnx: does not match manifest\.json \(its content differs\): it was edited, truncated or replaced; export the bundle again$/)]);
  }, 30_000);

  it('a real server process refuses a bundle whose manifest does not list model.onnx (written before it was covered)', async () => {
    const dir = spoiledCopy(bundle, 'bundle-unlisted', (d) => cpSync(join(modelDir, MANIFEST), join(d, MANIFEST)));
    const { code, stderr } = await startOn(dir);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*\/bundle-unlisted\/model\.onnx is not listed in manifest\.json, so it cannot be checked: export the bundle again/)]);
  }, 30_000);
});
