// `tourney retrain` end to end through the real binary, on a fleet's registry: fresh data whose
// signal changed promotes the challenger; fresh data from the same signal keeps the champion (no
// champion move); both decisions, with both scores, are in the alias history.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantCsv } from '../../kernels/fleet/test-tenants';
import { errorLine, runCli } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'tourney-retrain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RUN = ['--max-candidates', '3', '--workers', '1'];

beforeAll(async () => {
  for (const d of ['tenants', 'fresh']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'tenants', 'acme.csv'), generateTenantCsv('linear', 400, 1));
  writeFileSync(join(dir, 'tenants', 'globex.csv'), generateTenantCsv('linear', 400, 2));
  // acme's customers now churn for the opposite reasons; globex's for the same ones as before.
  writeFileSync(join(dir, 'fresh', 'acme.csv'), generateTenantCsv('flipped', 800, 11));
  writeFileSync(join(dir, 'fresh', 'globex.csv'), generateTenantCsv('linear', 800, 12));
  writeFileSync(join(dir, 'template.json'), JSON.stringify({
    kind: 'tourney-tournament-template', format: 1, name: 'churn', target: 'churn', task: 'auto', models: ['gbdt', 'linear'],
    timeBudgetSeconds: 30, seed: 4, testFraction: 0.2, ensemble: true, calibration: 'auto', refitOnAllRows: true, features: {}, searchSpace: {},
  }));
  const r = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'fleet', ...RUN], dir);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

const aliases = (name: string) => JSON.parse(readFileSync(join(dir, 'fleet', 'registry', 'models', name, 'aliases.json'), 'utf8'));

describe('tourney retrain', () => {
  it('promotes a challenger that wins by the margin, keeps a champion that is not beaten, and records both decisions', async () => {
    const r = await runCli(['retrain', '--fleet', 'fleet', 'fresh', '--margin', '0.03', ...RUN, '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ promoted: 1, kept: 1, problems: [] });
    const [acme, globex] = out.retrained;
    expect(acme).toMatchObject({ name: 'acme', promote: true, metric: 'auroc', champion: { version: 1 }, challenger: { version: 2 } });
    expect(acme.challenger.score - acme.champion.score).toBeGreaterThan(0.3);
    expect(globex).toMatchObject({ name: 'globex', promote: false, champion: { version: 1 }, challenger: { version: 2 } });
    expect(acme.rows.heldOut).toBe(globex.rows.heldOut);

    const a = aliases('acme');
    expect(a.aliases).toEqual({ champion: 2, challenger: 2 });
    expect(a.history.slice(-2).map((m: { alias: string; from: number | null; to: number }) => [m.alias, m.from, m.to])).toEqual([['challenger', null, 2], ['champion', 1, 2]]);
    expect(a.history.at(-1).note).toMatch(/^retrain: promoted challenger v2 over champion v1: auroc challenger 0\.\d{4} vs champion 0\.\d{4} on 160 fresh held-out rows/);
    const g = aliases('globex');
    expect(g.aliases).toEqual({ champion: 1, challenger: 2 });
    expect(g.history.filter((m: { alias: string }) => m.alias === 'champion')).toHaveLength(1);
    expect(g.history.at(-1).note).toMatch(/^retrain: kept champion v1 over challenger v2: auroc challenger 0\.\d{4} vs champion 0\.\d{4} on 160 fresh held-out rows \(gain [-+]0\.\d{4}, margin 0\.0300\)$/);
  }, 240_000);

  it('retrains one registered model by name; the new champion holds against more of its own kind of data', async () => {
    writeFileSync(join(dir, 'acme-june.csv'), generateTenantCsv('flipped', 800, 21));
    const r = await runCli(['retrain', 'acme', 'acme-june.csv', '--registry', 'fleet/registry', '--margin', '0.03', ...RUN], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^acme: kept champion v2 over challenger v3: auroc /);
    expect(aliases('acme').aliases).toEqual({ champion: 2, challenger: 3 });
  }, 120_000);

  it('names what is wrong in one line: no such model, no champion to compare with, a negative margin', async () => {
    const none = await runCli(['retrain', 'nobody', 'acme-june.csv', '--registry', 'fleet/registry'], dir);
    expect([none.code, errorLine(none).line]).toEqual([1, expect.stringMatching(/model "nobody" has no champion alias/)]);
    const margin = await runCli(['retrain', 'acme', 'acme-june.csv', '--registry', 'fleet/registry', '--margin', '-1'], dir);
    expect([margin.code, errorLine(margin).line]).toEqual([2, 'error: --margin must be ≥ 0 (how much better the challenger must score), got -1']);
  }, 60_000);
});
