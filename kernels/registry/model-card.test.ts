import { describe, expect, it } from 'vitest';
import { modelCardSchema } from './documents';
import { buildModelCard, renderModelCardMarkdown } from './model-card';
import { readModelDirSummary } from './model-dir-summary';
import { modelDirFixture } from './testing/model-dir-fixture';
import { experimentFixture } from './testing/registry-fixture';

describe('model card', () => {
  it('has the Mitchell et al. sections, metrics with their spread, and names leaks and dropped columns', () => {
    const card = buildModelCard({ name: 'churn', version: 3, createdAt: '2026-12-04T10:00:00Z', summary: readModelDirSummary(modelDirFixture(1, { leak: true })), experiment: experimentFixture(1) });
    expect(modelCardSchema.parse(card)).toEqual(card);
    const cv = card.metrics.values.find((v) => v.on === 'cv')!;
    expect(cv).toMatchObject({ name: 'auroc', value: 0.81, folds: 3 });
    expect(cv.foldStd).toBeCloseTo(0.01);
    expect(card.metrics.values.filter((v) => v.on === 'test').map((v) => v.name)).toEqual(['auroc', 'accuracy', 'logloss']);
    expect(card.metrics.missing.join(' ')).toMatch(/no confidence intervals on the test metrics/);
    expect(card.caveats.leaks).toEqual([{ column: 'cancel_date', reason: expect.stringMatching(/likely label leak/) }]);
    expect(card.caveats.dropped.map((d) => d.column)).toEqual(['customer_id', 'region']);
    expect(card.trainingData).toMatchObject({ fileName: 'churn.csv', rows: 1000, trainRows: 800, columns: 3 });
    expect(card.factors.notEvaluated).toMatch(/no subgroup/);
    const md = renderModelCardMarkdown(card);
    for (const heading of ['Model details', 'Intended use', 'Factors', 'Metrics', 'Evaluation data', 'Training data', 'Ethical considerations', 'Caveats and recommendations']) {
      expect(md).toContain(`## ${heading}`);
    }
    expect(md).toContain('| auroc | cv | 0.8100 ± 0.0100 (sd over 3 folds) |  |');
    expect(md).toContain('- cancel_date: likely label leak');
  });

  it('says what is missing for a --fixed model without report.json', () => {
    const files = modelDirFixture();
    files.delete('report.json');
    const card = buildModelCard({ name: 'm', version: 1, createdAt: '2026-12-04T10:00:00Z', summary: readModelDirSummary(files), experiment: null });
    expect(card.metrics.values).toEqual([]);
    expect(card.metrics.missing[0]).toMatch(/fixed hyperparameters/);
    expect(renderModelCardMarkdown(card)).toContain('Above-chance test: not recorded.');
  });
});
