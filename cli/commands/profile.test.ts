import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function tourney(...args: string[]) {
  const result = spawnSync(process.execPath, ['cli/bin/tourney.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tourney profile', () => {
  it('prints rows and typed column profiles as JSON', () => {
    const { code, stdout, stderr } = tourney('profile', '../shared/data/penguins.csv', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows).toBe(344);
    const byName = Object.fromEntries(out.columns.map((c: { name: string }) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year']);
    expect(byName.species).toMatchObject({ type: 'categorical', missing: 0, distinct: 3 });
    expect(byName.bill_length_mm).toMatchObject({ type: 'number', missing: 2 });
    expect(byName.bill_length_mm.min).toBeCloseTo(32.1);
    expect(byName.bill_length_mm.max).toBeCloseTo(59.6);
    expect(byName.sex).toMatchObject({ type: 'categorical', missing: 11, distinct: 2 });
  });

  it('prints an aligned text table without --json', () => {
    const { code, stdout } = tourney('profile', '../shared/data/penguins.csv');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^penguins: 344 rows × 8 columns/);
    expect(stdout).toMatch(/\nspecies\s+categorical\s+0\s+3\s+Adelie \(152\)/);
  });

  it('exits 1 naming a missing file', () => {
    const { code, stdout, stderr } = tourney('profile', 'no/such/file.csv');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: cannot read no/such/file.csv: no such file\n');
  });

  it('exits 2 on usage errors', () => {
    expect(tourney('profile').code).toBe(2);
    const unknown = tourney('profile', '../shared/data/penguins.csv', '--jsn=1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --jsn');
  });
});

describe('tourney profile errors', () => {
  it('names the file and line of a ragged row', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tourney-profile-'));
    const file = join(dir, 'ragged.csv');
    writeFileSync(file, 'a,b\n1,2\n3\n');
    const { code, stderr } = tourney('profile', file);
    expect(code).toBe(1);
    expect(stderr).toBe(`error: ${file}: line 3: expected 2 fields (as in the header), found 1\n`);
  });
});
