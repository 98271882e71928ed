// `tourney registry …` and `train --register` through the real binary, on real registry folders.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelDirFixture } from '../../kernels/registry/testing/model-dir-fixture';
import { FolderRegistryStore } from '../registry/folder-store';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const PENGUINS = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'penguins.csv');
const dir = mkdtempSync(join(tmpdir(), 'tourney-registry-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The one `error: …` line of a failed command; never a stack trace. */
function errorLine(r: { stderr: string }): string {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('tourney train --register / registry', () => {
  it('registers two runs, sets the champion, shows the model, its history and a version by alias', async () => {
    const t1 = await run(['train', PENGUINS, '--target', 'species', '--time-budget', '4', '--max-candidates', '3', '--seed', '1', '--out', 'm1', '--register', 'penguins', '--json']);
    expect(t1.code).toBe(0);
    expect(JSON.parse(t1.stdout).task).toBe('multiclass'); // stdout stays the one JSON object
    expect(t1.stderr).toMatch(/registered penguins v1 in .*tourney-registry \(experiment exp-/);
    const t2 = await run(['train', PENGUINS, '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":10}', '--out', 'm2', '--register', 'penguins']);
    expect(t2.code).toBe(0);
    expect(t2.stderr).toMatch(/registered penguins v2/);

    const list = await run(['registry', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).models).toEqual([expect.objectContaining({ name: 'penguins', latestVersion: 2, aliases: {} })]);

    const a = await run(['registry', 'alias', 'penguins', 'champion', '1', '--note', 'first good one']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe('penguins@champion: — → v1\n');
    expect((await run(['registry', 'alias', 'penguins', 'challenger', 'latest'])).stdout).toBe('penguins@challenger: — → v2\n');

    const show = await run(['registry', 'show', 'penguins']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^penguins: 2 versions, latest v2/);
    expect(show.stdout).toMatch(/v1 .* champion/);
    expect(show.stdout).toMatch(/champion: — → v1 {2}\(first good one\)/);

    const champion = await run(['registry', 'show', 'penguins@champion', '--json']);
    const v1 = JSON.parse(champion.stdout);
    expect(v1).toMatchObject({ model: 'penguins', version: 1, source: 'cli', summary: { task: 'multiclass', target: 'species', metric: 'accuracy' } });
    expect(v1.lineage.experimentId).toMatch(/^exp-/);
    const experiment = JSON.parse(readFileSync(join(dir, 'tourney-registry', 'experiments', `${v1.lineage.experimentId}.json`), 'utf8'));
    expect(experiment).toMatchObject({ source: 'cli', target: 'species', dataset: { fileName: 'penguins.csv', rows: 344 }, seed: 1 });
    const report = JSON.parse(readFileSync(join(dir, 'm1', 'report.json'), 'utf8'));
    expect(experiment.leaderboard.map((r: { model: string; cvScore: number }) => [r.model, r.cvScore])).toEqual(report.leaderboard.map((r: { model: string; cvScore: number }) => [r.model, r.cvScore]));
    for (const row of experiment.leaderboard) expect(typeof row.fitSeconds).toBe('number');
    const exported = await run(['registry', 'export', 'penguins@champion', '--out', 'exported']);
    const trained = readdirSync(join(dir, 'm1')).sort();
    expect(exported.stdout).toBe(`exported penguins v1 (${trained.length} files) to ${join(dir, 'exported')}\n`);
    expect(readdirSync(join(dir, 'exported')).sort()).toEqual(trained);
    for (const f of trained) {
      expect(readFileSync(join(dir, 'exported', f)).equals(readFileSync(join(dir, 'm1', f)))).toBe(true);
    }
    const p1 = await run(['predict', 'm1', PENGUINS]);
    const p2 = await run(['predict', 'exported', PENGUINS]);
    expect(p2.code).toBe(0);
    expect(p2.stdout).toBe(p1.stdout);
    expect(errorLine(await run(['registry', 'export', 'penguins', '--out', 'exported']))).toMatch(/exported is not empty: export into a new or empty folder$/);
    const text = await run(['registry', 'show', 'penguins@2']);
    expect(text.stdout).toMatch(/^penguins v2 \(challenger\): gbdt/);
    expect(text.stdout).toContain('## Metrics');
    expect(text.stdout).toMatch(/lineage: .* parent v1/);
  });

  it('backs up and restores through files, refusing a non-empty target and a truncated backup', async () => {
    const root = join(dir, 'b-src');
    const store = new FolderRegistryStore(root);
    await store.registerVersion({ name: 'churn', files: modelDirFixture(1), createdAt: '2026-12-04T10:00:00.000Z', source: 'cli' });
    const b = await run(['registry', 'backup', 'churn.tourney-registry', '--registry', root]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^backed up 1 models, 1 versions, 0 experiments \(6 model files\) to .*churn\.tourney-registry/);
    const r = await run(['registry', 'restore', 'churn.tourney-registry', '--registry', 'b-dst']);
    expect(r.code).toBe(0);
    expect(await new FolderRegistryStore(join(dir, 'b-dst')).snapshot()).toEqual(await store.snapshot());
    const again = await run(['registry', 'restore', 'churn.tourney-registry', '--registry', 'b-dst']);
    expect(again.code).toBe(1);
    expect(errorLine(again)).toMatch(/b-dst is not empty: restore into a new --registry folder, or pass --replace/);
    const bytes = readFileSync(join(dir, 'churn.tourney-registry'));
    writeFileSync(join(dir, 'cut.tourney-registry'), bytes.subarray(0, bytes.length - 40));
    const cut = await run(['registry', 'restore', 'cut.tourney-registry', '--registry', 'b-cut']);
    expect(cut.code).toBe(1);
    expect(errorLine(cut)).toMatch(/^error: cut\.tourney-registry is truncated or damaged \(.*\); nothing was restored$/);
    const replaced = await run(['registry', 'restore', 'churn.tourney-registry', '--registry', 'b-dst', '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/the previous registry is kept at .*b-dst\.before-restore-/);
  });

  it('refuses bad input with one error line: unknown model, version or alias, invalid alias, corrupt version.json (exit 1); usage (exit 2)', async () => {
    const root = join(dir, 'bad');
    await new FolderRegistryStore(root).registerVersion({ name: 'churn', files: modelDirFixture(1), createdAt: '2026-12-04T10:00:00.000Z', source: 'cli' });
    const reg = ['--registry', root];
    const cases: [string[], number, RegExp][] = [
      [['registry', 'show', 'nope', ...reg], 1, /^error: no model "nope" in registry .*bad \(models: churn\)$/],
      [['registry', 'show', 'churn@9', ...reg], 1, /^error: model "churn" has no version 9 \(versions: 1\)$/],
      [['registry', 'show', 'churn@staging', ...reg], 1, /^error: model "churn" has no alias "staging" \(it has no aliases\)$/],
      [['registry', 'alias', 'churn', 'Bad!', '1', ...reg], 1, /^error: invalid alias name "Bad!"/],
      [['registry', 'alias', 'churn', 'champion', '4', ...reg], 1, /^error: model "churn" has no version 4/],
      [['registry', 'list', '--registry', join(dir, 'none')], 1, /^error: no registry at .*none \(no registry\.json\)/],
      [['registry', 'restore', 'missing.tourney-registry', '--registry', 'x'], 1, /^error: cannot read missing\.tourney-registry: no such file$/],
      [['registry'], 2, /^error: registry needs a subcommand$/],
      [['registry', 'frob'], 2, /^error: unknown registry subcommand "frob"$/],
      [['registry', 'show', ...reg], 2, /^error: registry show takes 1 argument, got 0$/],
      [['registry', 'alias', 'churn', 'champion', ...reg], 2, /^error: registry alias takes 3 arguments, got 2$/],
      [['registry', 'list', '--colour=red', ...reg], 2, /^error: unknown option --colour$/],
      [['registry', 'export', 'churn', ...reg], 2, /^error: registry export needs --out <model-dir>$/],
      [['train', PENGUINS, '--target', 'species', '--register', '../escape'], 2, /^error: --register: invalid model name "\.\.\/escape"/],
      [['train', PENGUINS, '--target', 'species', '--registry', 'r'], 2, /^error: --registry needs --register <name>$/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(errorLine(r)).toMatch(message);
    }
    const docPath = join(root, 'models/churn/versions/1/version.json');
    const doc = JSON.parse(readFileSync(docPath, 'utf8'));
    writeFileSync(docPath, JSON.stringify({ ...doc, lineage: { ...doc.lineage, parentVersion: 'one' } }));
    const corrupt = await run(['registry', 'show', 'churn', ...reg]);
    expect(corrupt.code).toBe(1);
    expect(errorLine(corrupt)).toBe(`error: ${docPath}: field lineage.parentVersion: expected number, received string`);
    writeFileSync(docPath, '{"kind": "model-version",');
    expect(errorLine(await run(['registry', 'show', 'churn@1', ...reg]))).toMatch(new RegExp(`^error: ${docPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON: `));
  });
});
