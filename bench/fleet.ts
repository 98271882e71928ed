// Fleet benchmark: 200 generated tenants whose signals differ — linear, interaction-heavy, pure
// noise — and a few with bad data (no target, one class, too few rows), trained by
// `tourney fleet train` on 2 workers with a small per-tenant budget:
//   node --import tsx bench/fleet.ts [--tenants 200] [--rows 600] [--budget 2] [--workers 2]
// Each tenant's table is split 80/20 first; the fleet trains on the 80% files and every champion
// is scored on its 20% holdout, next to XGBoost hist at defaults trained on the same 80% and scored
// on the same 20% (bench/fleet-xgboost.py, /usr/bin/python3), in the same run. Reports models per
// minute, per-tenant AUROC against XGBoost by kind, whether the tenants reported below chance are
// exactly the noise tenants, and that the bad-data tenants were reported without stopping the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetManifest } from '../kernels/fleet';
import { generateTenantCsv, TENANT_TARGET, type TenantKind } from '../kernels/fleet/test-tenants';
import { getMetric } from '../kernels/learn/metric';
import { loadModelDirFiles } from '../kernels/modeldir';
import { readTable } from '../kernels/io/read-table';
import { labelledRows, predictionsFor } from '../cli/commands/labelled-rows';
import { FolderRegistryStore } from '../cli/registry/folder-store';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const TENANTS = flag('tenants', 200);
const ROWS = flag('rows', 600);
const BUDGET = flag('budget', 2);
const WORKERS = flag('workers', 2);
const ROOT = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tourney-fleet-bench-'));

// 5% bad data (split over the three kinds), the rest 40% linear, 30% interaction, 25% noise.
function kindOf(i: number): TenantKind {
  const bad = Math.max(3, Math.round(TENANTS * 0.05));
  if (i < bad) return (['missing-target', 'one-class', 'few-rows'] as const)[i % 3];
  const r = (i - bad) / (TENANTS - bad);
  return r < 0.42 ? 'linear' : r < 0.74 ? 'interaction' : 'noise';
}

const kinds = new Map<string, TenantKind>();
for (const d of ['train', 'holdout']) mkdirSync(join(work, d));
for (let i = 0; i < TENANTS; i++) {
  const kind = kindOf(i);
  const id = `t${String(i).padStart(3, '0')}-${kind}`;
  kinds.set(id, kind);
  const lines = generateTenantCsv(kind, ROWS, 1000 + i).trimEnd().split('\n');
  const [header, ...body] = lines;
  const cut = kind === 'few-rows' ? body.length : Math.round(body.length * 0.8);
  writeFileSync(join(work, 'train', `${id}.csv`), [header, ...body.slice(0, cut)].join('\n') + '\n');
  if (cut < body.length) writeFileSync(join(work, 'holdout', `${id}.csv`), [header, ...body.slice(cut)].join('\n') + '\n');
}
writeFileSync(join(work, 'template.json'), JSON.stringify({
  kind: 'tourney-tournament-template', format: 1, name: 'churn fleet', target: TENANT_TARGET, task: 'auto', models: ['gbdt', 'forest', 'linear', 'bayes'],
  timeBudgetSeconds: BUDGET, seed: 0, testFraction: 0.2, ensemble: true, calibration: 'auto', refitOnAllRows: true, features: {}, searchSpace: {},
}));

const load = loadavg()[0];
console.error(`${TENANTS} tenants × ${ROWS} rows in ${work}; load average ${load.toFixed(1)} on ${cpus().length} cores`);
const fleetStart = performance.now();
const train = spawnSync(process.execPath, [join(ROOT, 'cli', 'bin', 'tourney.js'), 'fleet', 'train', 'template.json', 'train', '--out', 'fleet', '--workers', String(WORKERS), '--json'], {
  cwd: work, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'],
});
const fleetSeconds = (performance.now() - fleetStart) / 1000;
if (train.status !== 0) throw new Error(`fleet train exited ${train.status}`);
const manifest = JSON.parse(readFileSync(join(work, 'fleet', 'fleet.json'), 'utf8')) as FleetManifest;

const xgbStart = performance.now();
const reference = JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'bench', 'fleet-xgboost.py'), join(work, 'train'), join(work, 'holdout'), TENANT_TARGET], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, { auroc?: number; seconds?: number }>;
const xgbSeconds = (performance.now() - xgbStart) / 1000;

// Every champion scored on its tenant's holdout rows, in process (the registry's checked files).
const store = new FolderRegistryStore(join(work, 'fleet', 'registry'));
const auroc = getMetric('auroc');
const tourney = new Map<string, number>();
for (const t of manifest.tenants.filter((s) => s.state === 'done')) {
  const version = (await store.getAliases(t.tenant))!.aliases.champion;
  const model = loadModelDirFiles(await store.readVersionFiles(t.tenant, version), t.tenant);
  const holdout = await readTable(readFileSync(join(work, 'holdout', `${t.tenant}.csv`)), { fileName: `${t.tenant}.csv` });
  const rows = labelledRows(model.meta, holdout, `${t.tenant}.csv`);
  tourney.set(t.tenant, auroc.compute(rows.y, predictionsFor(model.predict(model.toMatrix(holdout)), rows.keep, 1), 'binary'));
}

const byKind = new Map<TenantKind, { n: number; tourney: number[]; xgb: number[]; above: number }>();
for (const t of manifest.tenants.filter((s) => s.state === 'done')) {
  const kind = kinds.get(t.tenant)!;
  const k = byKind.get(kind) ?? { n: 0, tourney: [], xgb: [], above: 0 };
  k.n++;
  k.tourney.push(tourney.get(t.tenant)!);
  if (reference[t.tenant]?.auroc !== undefined) k.xgb.push(reference[t.tenant].auroc!);
  if (t.aboveChance?.above) k.above++;
  byKind.set(kind, k);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const se = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);
const noise = [...kinds].filter(([, k]) => k === 'noise').map(([id]) => id).sort();
const below = manifest.tenants.filter((t) => t.state === 'done' && !t.aboveChance?.above).map((t) => t.tenant).sort();
const bad = [...kinds].filter(([, k]) => ['missing-target', 'one-class', 'few-rows'].includes(k)).map(([id]) => id);
const badReported = manifest.tenants.filter((t) => bad.includes(t.tenant) && t.state === 'skipped');
const trained = manifest.counts.done;

const lines = [
  `| tenants | trained | skipped (bad data) | failed | fleet wall time | models / minute | XGBoost wall time (same tenants) |`,
  `|---|---|---|---|---|---|---|`,
  `| ${TENANTS} × ${ROWS} rows | ${trained} | ${manifest.counts.skipped} | ${manifest.counts.failed} | ${fleetSeconds.toFixed(0)} s (${BUDGET} s budget a tenant, ${WORKERS} workers) | ${((60 * trained) / fleetSeconds).toFixed(1)} | ${xgbSeconds.toFixed(0)} s |`,
  '',
  `| kind | tenants | Tourney holdout AUROC (mean ± s.e.) | XGBoost holdout AUROC | Tourney − XGBoost (mean ± s.e.) | Tourney ≥ XGBoost − 0.01 | reported above chance |`,
  `|---|---|---|---|---|---|---|`,
  ...(['linear', 'interaction', 'noise'] as const).filter((k) => byKind.has(k)).map((kind) => {
    const k = byKind.get(kind)!;
    const diff = k.tourney.map((v, i) => v - k.xgb[i]);
    return `| ${kind} | ${k.n} | ${mean(k.tourney).toFixed(3)} ± ${se(k.tourney).toFixed(3)} | ${mean(k.xgb).toFixed(3)} ± ${se(k.xgb).toFixed(3)} | ${mean(diff) >= 0 ? '+' : ''}${mean(diff).toFixed(3)} ± ${se(diff).toFixed(3)} | ${diff.filter((d) => d >= -0.01).length} of ${k.n} | ${k.above} of ${k.n} |`;
  }),
  '',
  `below chance = exactly the noise tenants: ${JSON.stringify(below) === JSON.stringify(noise) ? 'yes' : 'no'} (${below.length} reported below chance, ${noise.length} noise tenants; ` +
    `noise reported above: ${noise.filter((t) => !below.includes(t)).join(', ') || 'none'}; signal reported below: ${below.filter((t) => !noise.includes(t)).join(', ') || 'none'})`,
  `bad-data tenants reported, not fatal: ${badReported.length} of ${bad.length} skipped with a reason (${[...new Set(badReported.map((t) => t.reason!.split(':')[0]))].join(', ')}); fleet train exit ${train.status}`,
  `load average at start ${load.toFixed(1)} on ${cpus().length} cores`,
];
console.log(lines.join('\n'));
rmSync(work, { recursive: true, force: true });
