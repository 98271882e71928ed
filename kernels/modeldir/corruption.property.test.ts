// Property: whatever is done to a model directory, loading it either succeeds (the edit was
// harmless, or re-signed and still valid) or throws one ModelDirError line naming a file of the
// directory — never another error, never a hang — and a directory that loads predicts without
// throwing anything raw.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import { corrupt, corruption } from './corruptions';
import { ModelDirError } from './errors';
import { loadModelDirFiles } from './load-model-dir';
import { MANIFEST, MODEL_DOCUMENTS } from './manifest';
import { fixedDir, tournamentDir, type Files } from './test-dirs';

const LABEL = '/models/m';
const NAMES = [MANIFEST, ...MODEL_DOCUMENTS];
/** Per case, loading and predicting 50 rows; far above the few milliseconds it takes. */
const CASE_LIMIT_MS = 2000;

describe('loadModelDirFiles on generated corruptions', () => {
  let dirs: Files[];
  const table = syntheticBinaryTable(50, 9);
  beforeAll(async () => {
    dirs = [await tournamentDir(), fixedDir('gbdt'), fixedDir('forest'), fixedDir('linear'), fixedDir('bayes')];
  });

  it('loads cleanly or refuses with one line naming a file, within a time limit', () => {
    let refused = 0;
    let loaded = 0;
    fc.assert(
      fc.property(fc.nat(), corruption, (which, c) => {
        const files = dirs[which % dirs.length];
        const broken = corrupt(files, dirs.filter((d) => d !== files), c);
        const started = performance.now();
        try {
          const model = loadModelDirFiles(broken, LABEL);
          const p = model.predict(model.toMatrix(table));
          expect(p.length).toBeGreaterThan(0);
          loaded++;
        } catch (err) {
          if (!(err instanceof ModelDirError)) throw new Error(`not a ModelDirError for ${JSON.stringify(c)}: ${(err as Error)?.stack}`, { cause: err });
          expect(err.message).not.toMatch(/\n/);
          expect(NAMES.map((n) => `${LABEL}/${n}`).some((p) => err.message.startsWith(p)), err.message).toBe(true);
          expect(NAMES).toContain(err.file);
          refused++;
        }
        expect(performance.now() - started).toBeLessThan(CASE_LIMIT_MS);
      }),
      { numRuns: 400, seed: 17 },
    );
    // Most corruptions are caught; some (a re-signed, harmless edit) load.
    expect(refused).toBeGreaterThan(300);
    expect(loaded + refused).toBe(400);
  });
});
