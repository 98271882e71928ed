// The model-directory and output fault corpus of issue 17, through the real CLI process: each case
// asserts the exit code, the one `error:` line naming the file or field, and that nothing was
// written (or the previous model directory / predictions file is byte-identical).
// Full disk and read-only folders are REAL small filesystems: tmpfs mounts made here (this needs
// root, which the test machine and CI container have; no injected fs). `/dev/full` covers a
// device that is always full.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../../kernels/modeldir';
import { corrupt, corruption } from '../../kernels/modeldir/corruptions';
import { editDocument, resign, type Files } from '../../kernels/modeldir/test-dirs';
import { getMetric } from '../../kernels/learn/metric';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const dir = mkdtempSync(join(tmpdir(), 'tourney-faults-'));
const SMALL = join(dir, 'small-disk');
const TINY = join(dir, 'tiny-disk');
const READ_ONLY = join(dir, 'read-only');
const mounts: string[] = [];

interface Run { code: number; stdout: string; stderr: string; seconds: number }
function run(args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Exit code and the single `error:` line (no stack trace). */
function expectError(r: Run, code: number, message: RegExp, what: string): void {
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  expect(r.code, `${what}\n${r.stderr}`).toBe(code);
  expect(errors, what).toHaveLength(1);
  expect(errors[0], what).toMatch(message);
  expect(r.stderr, what).not.toMatch(/^\s+at /m);
}

/** Every file under `path` (hidden ones included) with its bytes: "byte-identical" is equality of this. */
function snapshot(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  if (statSync(path).isFile()) return { '': readFileSync(path).toString('base64') };
  const out: Record<string, string> = {};
  for (const name of readdirSync(path, { recursive: true }) as string[]) {
    const p = join(path, name);
    if (statSync(p).isFile()) out[name] = readFileSync(p).toString('base64');
  }
  return out;
}

function readDir(path: string): Files {
  return new Map(readdirSync(path).map((name) => [name, new Uint8Array(readFileSync(join(path, name)))]));
}
/** Replaces the directory's files with `files`. */
function writeDir(path: string, files: Files): void {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path);
  for (const [name, bytes] of files) writeFileSync(join(path, name), bytes);
}
function copyOf(source: string, name: string, change?: (files: Files) => Files): string {
  const target = join(dir, 'cases', name);
  cpSync(source, target, { recursive: true });
  if (change) writeDir(target, change(readDir(target)));
  return target;
}

function binaryCsv(rows: number, flip: boolean): string {
  const lines = ['y,a,b,colour'];
  for (let i = 0; i < rows; i++) {
    const a = (i * 37) % 100;
    const b = (i * 13) % 7;
    const yes = a + 6 * b > 70 !== (i % 17 === 0);
    lines.push(`${yes !== flip ? 'Yes' : 'No'},${a},${b},${['red', 'green', 'blue'][i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

function mountTmpfs(path: string, options: string): void {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  mounts.push(path);
}

const fixedArgs = (data: string, out: string, family = 'gbdt', fixed = '{"trees":20}') => ['train', data, '--target', 'y', '--models', family, '--fixed', fixed, '--out', out];
let fixedGbdt: string;
let formerTournament: string;

beforeAll(async () => {
  writeFileSync(join(dir, 'binary.csv'), binaryCsv(400, false));
  writeFileSync(join(dir, 'flipped.csv'), binaryCsv(400, true));
  writeFileSync(join(dir, 'big.csv'), binaryCsv(5000, false));
  mkdirSync(join(dir, 'cases'));
  fixedGbdt = join(dir, 'fixed-gbdt');
  formerTournament = join(dir, 'former-tournament');
  const [a, b] = await Promise.all([
    run(fixedArgs('binary.csv', fixedGbdt)),
    // A tournament on inverted labels: scoring the true labels with it gives an AUROC near 0.
    run(['train', 'flipped.csv', '--target', 'y', '--models', 'linear,bayes', '--time-budget', '4', '--max-candidates', '2', '--out', formerTournament]),
  ]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  mountTmpfs(SMALL, 'size=64k');
  mountTmpfs(TINY, 'size=16k');
  mkdirSync(join(dir, 'ro-source'));
  mountTmpfs(READ_ONLY, 'size=64k,ro');
}, 120_000);

afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});

/** AUROC of a model directory's predictions on binary.csv's true labels. */
async function auroc(modelDir: string): Promise<number> {
  const r = await run(['predict', modelDir, 'binary.csv']);
  expect(r.code, r.stderr).toBe(0);
  const p = Float64Array.from(r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1])));
  const y = Float64Array.from(binaryCsv(400, false).trim().split('\n').slice(1).map((l) => (l.startsWith('Yes') ? 1 : 0)));
  return getMetric('auroc').compute(y, p, 'binary');
}

describe('model directory faults (issue 17)', () => {
  it('checks --out before any work: /proc, /sys, a file, a missing or read-only parent, a foreign folder', async () => {
    writeFileSync(join(dir, 'a-file'), 'keep me\n');
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos', 'cat.jpg'), 'meow');
    const cases: [string, RegExp, string?][] = [
      ['/proc/x', /^error: cannot write the model directory \/proc\/x: \/proc is a virtual system folder, not storage$/],
      ['/sys/kernel/x', /^error: cannot write the model directory \/sys\/kernel\/x: \/sys is a virtual system folder/],
      [join(dir, 'a-file'), /^error: .*a-file exists and is not a folder; --out needs a model directory path$/, join(dir, 'a-file')],
      [join(dir, 'no-such-parent', 'model'), /^error: cannot write the model directory .*no-such-parent\/model: the folder .*no-such-parent does not exist$/],
      [join(READ_ONLY, 'model'), /^error: cannot write the model directory .*read-only\/model: cannot create files in .*read-only: read-only file system \(EROFS\)$/, READ_ONLY],
      [join(dir, 'photos'), /^error: .*photos is not a Tourney model directory \(it holds cat\.jpg\); it is left alone: choose another --out$/, join(dir, 'photos')],
    ];
    const before = cases.map(([, , keep]) => (keep ? snapshot(keep) : {}));
    // The tournament with a 600 s budget, and --fixed: refused before reading the data (no progress
    // line), so long before the budget even when 12 processes start at once on a loaded machine.
    const runs = cases.flatMap(([out]) => [['train', 'binary.csv', '--target', 'y', '--time-budget', '600', '--out', out], fixedArgs('binary.csv', out)]);
    const results = await Promise.all(runs.map(run));
    results.forEach((r, k) => {
      const [out, message, keep] = cases[k >> 1];
      expectError(r, 1, message, runs[k].join(' '));
      expect(r.stderr).not.toMatch(/reading|training/);
      expect(r.seconds).toBeLessThan(90);
      if (keep) expect(snapshot(keep), out).toEqual(before[k >> 1]);
    });
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 120_000);

  it('train --fixed into a former tournament directory replaces it whole, and predict uses the new model', async () => {
    const target = copyOf(formerTournament, 'fixed-over-tournament');
    expect(await auroc(target)).toBeLessThan(0.2);
    const r = await run(fixedArgs('binary.csv', target, 'forest'));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(target).sort()).toEqual(['manifest.json', 'meta.json', 'model.json', 'pipeline.json', 'reference-profile.json']);
    expect(await auroc(target)).toBeGreaterThan(0.9);
    // And back: a tournament over a fixed directory leaves no model.json of the old family behind.
    const back = copyOf(fixedGbdt, 'tournament-over-fixed');
    const t = await run(['train', 'binary.csv', '--target', 'y', '--models', 'bayes', '--time-budget', '3', '--max-candidates', '1', '--out', back]);
    expect(t.code, t.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(back, MANIFEST), 'utf8')) as { files: { name: string }[] };
    expect(readdirSync(back).sort()).toEqual([MANIFEST, ...manifest.files.map((f) => f.name)].sort());
    expect(JSON.parse(readFileSync(join(back, 'meta.json'), 'utf8')).kind).toBe('tournament');
  }, 120_000);

  it('refuses a mixed, partial, edited or invalid directory with one line naming the file and field', async () => {
    const meta = (edit: (m: Record<string, unknown>) => void) => (f: Files) => editDocument(f, 'meta.json', edit);
    const T = formerTournament;
    const F = fixedGbdt;
    const cases: [string, string, ((f: Files) => Files) | undefined, RegExp][] = [
      ['stale tournament.json beside a --fixed model', F, (f) => new Map([...f, ['tournament.json', readFileSync(join(T, 'tournament.json'))]]), /\/tournament\.json: is not listed in manifest\.json: a stale document from another model/],
      // (Whether a tournament lists model.json depends on its best member; both kinds of stale file are refused.)
      ['stale model.json after another family', T, (f) => new Map([...f, ['model.json', new Uint8Array(readFileSync(join(F, 'model.json')))]]), /\/model\.json: (does not match|is not listed in) manifest\.json/],
      ['model.json left by an earlier run, unlisted', T, (f) => new Map([...resign(new Map([...f].filter(([n]) => n !== 'model.json'))), ['model.json', new Uint8Array(readFileSync(join(F, 'model.json')))]]), /\/model\.json: is not listed in manifest\.json/],
      ['deleted tournament.json', T, (f) => new Map([...f].filter(([n]) => n !== 'tournament.json')), /\/tournament\.json: listed in manifest\.json but missing: the directory is incomplete; retrain it$/],
      ['tournament.json null (hashes not fixed)', T, (f) => new Map([...f, ['tournament.json', new TextEncoder().encode('null')]]), /\/tournament\.json: does not match manifest\.json \(4 bytes, the manifest says \d+\)/],
      ['tournament.json null (hashes fixed)', T, (f) => editDocument(f, 'tournament.json', () => null), /\/tournament\.json: expected object, got null$/],
      ['no manifest.json', F, (f) => new Map([...f].filter(([n]) => n !== MANIFEST)), /\/meta\.json: has no manifest\.json beside it: the directory is incomplete or was not written by this Tourney; retrain it$/],
      ['task mismatch', F, meta((m) => { m.task = 'multiclass'; m.metric = 'accuracy'; }), /\/pipeline\.json: field "task": "binary" does not match meta\.json \("multiclass"\)$/],
      ['classes null', F, meta((m) => { m.classes = null; }), /\/meta\.json: field "classes": expected an array of class names, got null/],
      ['zero weights', T, (f) => editDocument(f, 'tournament.json', (t) => { for (const m of t.members as { weight: number }[]) m.weight = 0; }), /\/tournament\.json: field "members\[0\]\.weight": a member weight must be > 0, got 0$/],
      ['bogus metric', F, meta((m) => { m.metric = 'bogus'; }), /\/meta\.json: field "metric": unknown metric "bogus"/],
      ['non-string target', T, meta((m) => { m.target = 7; }), /\/meta\.json: field "target": expected the target column name, got 7$/],
      ['wrong-shape pipeline.json (fixed)', F, (f) => editDocument(f, 'pipeline.json', (p) => { p.features = { a: 1 }; }), /\/pipeline\.json: field "features": expected an array of feature columns, got an object$/],
      ['wrong-shape pipeline.json (tournament)', T, (f) => editDocument(f, 'pipeline.json', (p) => { p.derivations = 'all'; }), /\/pipeline\.json: field "derivations": expected an array of derivations, got "all"$/],
      ['class count differs from meta', F, (f) => editDocument(f, 'model.json', (m) => { m.nClasses = 3; }), /\/model\.json: field "nClasses": the model has 3 classes, meta\.json lists 2$/],
      ['truncated model.json', F, (f) => new Map([...f, ['model.json', f.get('model.json')!.slice(0, 64)]]), /\/model\.json: does not match manifest\.json \(64 bytes/],
      ['one byte edited in meta.json', F, (f) => { const b = f.get('meta.json')!.slice(); b[b.length - 3] ^= 1; return new Map([...f, ['meta.json', b]]); }, /\/meta\.json: does not match manifest\.json \(its content differs\)/],
      ['manifest.json not JSON', F, (f) => new Map([...f, [MANIFEST, new TextEncoder().encode('{"format": 1,')]]), /\/manifest\.json: is not valid JSON/],
    ];
    const prepared = cases.map(([name, source, change]) => copyOf(source, name.replace(/\W+/g, '-'), change));
    const before = prepared.map(snapshot);
    // predict on every case; evaluate (the same loader) on a few.
    const results = await Promise.all(prepared.map((d) => run(['predict', d, 'binary.csv'])));
    const evaluated = await Promise.all(prepared.slice(0, 3).map((d) => run(['evaluate', d, 'binary.csv'])));
    cases.forEach(([name], i) => {
      for (const r of [results[i], ...(i < 3 ? [evaluated[i]] : [])]) {
        expectError(r, 1, cases[i][3], name);
        expect(r.stdout, name).toBe('');
      }
      expect(snapshot(prepared[i]), name).toEqual(before[i]);
    });
  }, 180_000);

  it('full disk during train: nothing half-written, the previous model directory byte-identical', async () => {
    const fresh = join(SMALL, 'fresh');
    const r1 = await run(fixedArgs('big.csv', fresh, 'gbdt', '{"trees":300,"maxLeaves":63}'));
    expectError(r1, 1, /^error: cannot write the model directory .*small-disk\/fresh \(model\.json\): no space left on device \(ENOSPC\); nothing was changed$/, 'fresh on a full disk');
    expect(readdirSync(SMALL)).toEqual([]);
    const previous = join(SMALL, 'model');
    const small = await run(fixedArgs('binary.csv', previous, 'linear', '{}'));
    expect(small.code, small.stderr).toBe(0);
    const before = snapshot(previous);
    const r2 = await run(fixedArgs('big.csv', previous, 'gbdt', '{"trees":300,"maxLeaves":63}'));
    expectError(r2, 1, /^error: cannot write the model directory .*small-disk\/model \(model\.json\): no space left on device \(ENOSPC\); nothing was changed$/, 'replace on a full disk');
    expect(snapshot(previous)).toEqual(before);
    expect(readdirSync(SMALL)).toEqual(['model']);
    expect((await run(['predict', previous, 'binary.csv'])).code).toBe(0);
  }, 120_000);

  it('predict --out: full disk, /dev/full, a folder, a missing or read-only parent; the previous file untouched', async () => {
    const previous = join(TINY, 'predictions.csv');
    writeFileSync(previous, 'prediction,probability\nYes,0.9\n');
    const cases: [string, RegExp][] = [
      [previous, /^error: cannot write predictions to .*tiny-disk\/predictions\.csv: no space left on device \(ENOSPC\)$/],
      ['/dev/full', /^error: cannot write predictions to \/dev\/full: no space left on device \(ENOSPC\)$/],
      [TINY, /^error: cannot write predictions to .*tiny-disk: it is a folder; give a file path$/],
      [join(dir, 'nowhere', 'p.csv'), /^error: cannot write predictions to .*nowhere\/p\.csv: the folder .*nowhere does not exist$/],
      [join(READ_ONLY, 'p.csv'), /^error: cannot write predictions to .*read-only\/p\.csv: read-only file system \(EROFS\)$/],
    ];
    const before = snapshot(TINY);
    for (const [out, message] of cases) {
      const r = await run(['predict', fixedGbdt, 'big.csv', '--out', out]);
      expectError(r, 1, message, `predict --out ${out}`);
    }
    expect(snapshot(TINY)).toEqual(before);
    // A bad model directory is found before --out is touched; the previous file stays.
    const bad = await run(['predict', join(dir, 'no-model'), 'big.csv', '--out', previous]);
    expectError(bad, 1, /no-model\/meta\.json not found/, 'missing model');
    expect(snapshot(TINY)).toEqual(before);
    // A predictions file is replaced whole.
    const ok = join(dir, 'ok.csv');
    writeFileSync(ok, 'old\n');
    expect((await run(['predict', fixedGbdt, 'binary.csv', '--out', ok])).code).toBe(0);
    expect(readFileSync(ok, 'utf8').split('\n')).toHaveLength(402);
    // Through a link, the file it points to is replaced (the link stays); a device is written directly.
    const link = join(dir, 'link.csv');
    symlinkSync(ok, link);
    writeFileSync(ok, 'old\n');
    const [viaLink, toNull] = await Promise.all([run(['predict', fixedGbdt, 'binary.csv', '--out', link]), run(['predict', fixedGbdt, 'binary.csv', '--out', '/dev/null'])]);
    expect(viaLink.code, viaLink.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(ok, 'utf8').split('\n')).toHaveLength(402);
    expect(toNull.code, toNull.stderr).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 120_000);

  it('generated corruptions through the real CLI: exit 1 with one error line naming a file', async () => {
    const sources = [readDir(fixedGbdt), readDir(formerTournament)];
    const same = (a: Files, b: Files) => a.size === b.size && [...a].every(([n, bytes]) => Buffer.from(bytes).equals(Buffer.from(b.get(n) ?? [])));
    const dirs: string[] = [];
    const used: unknown[] = [];
    // Without re-signing, every change is refused (re-signed ones may load, which is right: the
    // in-process property test covers those).
    for (const [which, c] of fc.sample(fc.tuple(fc.nat(), corruption), { numRuns: 60, seed: 5 })) {
      const files = sources[which % 2];
      const broken = corrupt(files, [sources[(which + 1) % 2]], { ...c, resign: false });
      if (same(broken, files)) continue;
      const target = join(dir, 'cases', `generated-${dirs.length}`);
      writeDir(target, broken);
      dirs.push(target);
      used.push(c);
      if (dirs.length === 6) break;
    }
    expect(dirs).toHaveLength(6);
    const results = await Promise.all(dirs.map((d) => run(['predict', d, 'binary.csv'])));
    results.forEach((r, i) => {
      expectError(r, 1, new RegExp(`^error: ${dirs[i]}/(manifest|meta|pipeline|tournament|model|report|template)\\.json: `), `generated ${JSON.stringify(used[i])}`);
    });
  }, 120_000);
});
