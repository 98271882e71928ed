// The registry as the source for `tourney export` and `tourney serve` (name = its champion,
// name@version, name@alias), and model directories entering the registry only whole
// (`registry import`, `train --register`), all through real `tourney` processes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST, MODEL_DOCUMENTS } from '../../kernels/modeldir';
import { BIN, listTree, runCli } from '../faults/run-cli';
import { DATA, startProcess, type ScorerProcess } from '../../scorer/testing/scorer-process';

const dir = mkdtempSync(join(tmpdir(), 'tourney-serve-registered-'));
const PENGUINS = join(DATA, 'penguins.csv');
const started: ScorerProcess[] = [];
const run = (args: string[]) => runCli(args, dir);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** The one `error:` line (no stack trace, nothing else but a usage hint). */
function errorLines(r: { stderr: string }): string[] {
  const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return lines;
}

const manifestNames = (modelDir: string) => [MANIFEST, ...(JSON.parse(readFileSync(join(modelDir, MANIFEST), 'utf8')) as { files: { name: string }[] }).files.map((f) => f.name)].sort();

beforeAll(async () => {
  const t = await run(['train', PENGUINS, '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":10}', '--out', 'm1', '--register', 'penguins']);
  expect(t.code, t.stderr).toBe(0);
}, 120_000);

describe('model directories enter the registry whole', () => {
  it('registry import (and train --register, the same reader) stores exactly the manifest and what it lists, not other files in the folder', async () => {
    // A file of the user's beside the model documents.
    writeFileSync(join(dir, 'm1', 'notes.txt'), 'mine');
    const t = await run(['train', PENGUINS, '--target', 'species', '--models', 'linear', '--fixed', '{}', '--out', 'm2', '--register', 'penguins']);
    expect(t.code, t.stderr).toBe(0);
    const imported = await run(['registry', 'import', 'm1', 'penguins', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const version = JSON.parse(imported.stdout) as { version: number; files: { name: string }[] };
    expect(version.version).toBe(3);
    expect(version.files.map((f) => f.name).sort()).toEqual(manifestNames(join(dir, 'm1')));
    expect(readdirSync(join(dir, 'tourney-registry', 'models', 'penguins', 'versions', '3')).filter((f) => f !== 'version.json').sort()).toEqual(manifestNames(join(dir, 'm1')));
    expect(readdirSync(join(dir, 'tourney-registry', 'models', 'penguins', 'versions', '2')).filter((f) => f !== 'version.json').sort()).toEqual(manifestNames(join(dir, 'm2')));
  });

  const spoils: [string, (d: string) => void, RegExp][] = [
    ['an edited pipeline.json', (d) => writeFileSync(join(d, 'pipeline.json'), `${readFileSync(join(d, 'pipeline.json'), 'utf8')} `), /\/pipeline\.json: does not match manifest\.json/],
    ['a missing model.json', (d) => unlinkSync(join(d, 'model.json')), /\/model\.json: listed in manifest\.json but missing/],
    ['a truncated meta.json', (d) => writeFileSync(join(d, 'meta.json'), '{'), /\/meta\.json: does not match manifest\.json/],
    ['a stale tournament.json', (d) => writeFileSync(join(d, 'tournament.json'), '{}'), /\/tournament\.json: is not listed in manifest\.json/],
  ];
  for (const [what, spoil, message] of spoils) {
    it(`registry import refuses ${what}: exit 1, one line naming the file, the registry untouched`, async () => {
      const copy = join(dir, `spoiled-${what.split(' ').slice(1).join('-')}`);
      cpSync(join(dir, 'm1'), copy, { recursive: true });
      spoil(copy);
      const before = listTree(join(dir, 'tourney-registry'));
      const r = await run(['registry', 'import', copy, 'penguins']);
      expect(r.code).toBe(1);
      const lines = errorLines(r);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(message);
      expect(listTree(join(dir, 'tourney-registry'))).toEqual(before);
    });
  }
});

describe('export and serve resolve through the registry', () => {
  it('a bare name without a champion is refused with a message saying so; unknown names and versions are named', async () => {
    const cases: [string[], RegExp][] = [
      [['export', 'penguins', '--out', 'b0'], /^error: model "penguins" has no champion in registry .*tourney-registry: set one with `tourney registry alias penguins champion <version>`/],
      [['serve', 'penguins', '--port', '0'], /^error: model "penguins" has no champion/],
      [['export', 'nope@1', '--out', 'b0'], /^error: nope@1: no such model directory, and no model "nope" in registry /],
      [['serve', 'penguins@9', '--port', '0'], /^error: model "penguins" has no version 9/],
      [['export', 'penguins', '--out', 'b0', '--registry', 'elsewhere'], /^error: penguins: no such model directory, and no registry at .*elsewhere to look it up in/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect(errorLines(r)).toEqual([expect.stringMatching(message)]);
    }
    expect(readdirSync(dir)).not.toContain('b0');
  });

  it('export <name> writes the champion\'s bundle: model documents byte-identical, the manifest adding model.onnx, the registry version recorded', async () => {
    expect((await run(['registry', 'alias', 'penguins', 'champion', '1'])).code).toBe(0);
    const r = await run(['export', 'penguins', '--out', 'bundle']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/from penguins v1 \(@champion\)/);
    const bundle = JSON.parse(readFileSync(join(dir, 'bundle', 'bundle.json'), 'utf8'));
    expect(bundle.model.name).toBe('penguins');
    expect(bundle.registry).toMatchObject({ model: 'penguins', version: 1, alias: 'champion' });
    // The manifest is the model's plus model.onnx (so the server checks it too).
    const manifest = (d: string) => JSON.parse(readFileSync(join(dir, d, MANIFEST), 'utf8')) as { files: { name: string }[] };
    expect(manifest('bundle')).toEqual({ ...manifest('m1'), files: [...manifest('m1').files, expect.objectContaining({ name: 'model.onnx' })] });
    for (const name of MODEL_DOCUMENTS) {
      let original: Buffer | undefined;
      try {
        original = readFileSync(join(dir, 'm1', name));
      } catch {
        continue;
      }
      expect(readFileSync(join(dir, 'bundle', name)).equals(original), name).toBe(true);
    }
    const byVersion = await run(['export', 'penguins@2', '--out', 'bundle2']);
    expect(byVersion.code, byVersion.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'bundle2', 'bundle.json'), 'utf8')).registry).toMatchObject({ version: 2 });
    expect(readFileSync(join(dir, 'bundle2', 'model.json')).equals(readFileSync(join(dir, 'm2', 'model.json')))).toBe(true);
  }, 60_000);

  it('serve <name> scores with the champion exactly as `tourney predict` on the trained directory, and SIGTERM drains to exit 0', async () => {
    const served = await startProcess(process.execPath, [BIN, 'serve', 'penguins', '--port', '0'], { TOURNEY_ACCESS_LOG: 'off' }, dir);
    started.push(served);
    await served.ready;
    const info = await (await fetch(`${served.url}/v1/model`)).json() as { name: string };
    expect(info.name).toBe('penguins');
    const csv = readFileSync(PENGUINS, 'utf8').split('\n').slice(0, 4).join('\n') + '\n';
    writeFileSync(join(dir, 'rows.csv'), csv);
    const predicted = (await run(['predict', 'm1', 'rows.csv'])).stdout.trim().split('\n');
    const header = predicted[0].split(',');
    const response = await fetch(`${served.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(response.status).toBe(200);
    const body = await response.json() as { predictions: { prediction: string; probabilities: Record<string, number> }[] };
    predicted.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      expect(body.predictions[i].prediction).toBe(cells[0]);
      header.slice(1).forEach((column, j) => expect(body.predictions[i].probabilities[column.replace(/^probability_/, '')]).toBeCloseTo(Number(cells[j + 1]), 6));
    });
    expect(await served.stop()).toBe(0);
  }, 60_000);
});
