import { describe, expect, it } from 'vitest';
import { checkTemplate, createTemplate, parseTemplate, templateSettings } from './template';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';

describe('tournament templates', () => {
  const template = createTemplate(
    { target: 'target', metric: 'aupr', models: ['gbdt', 'linear'], timeBudgetSeconds: 30, searchSpace: { gbdt: { fixed: { trees: 500 } } }, features: { topK: 10 } },
    'churn per customer',
  );

  it('round-trips through JSON with every default spelled out', () => {
    const parsed = parseTemplate(JSON.parse(JSON.stringify(template)));
    expect(parsed).toEqual(template);
    expect(parsed).toMatchObject({ task: 'auto', seed: 0, testFraction: 0.2, ensemble: true, calibration: 'auto', refitOnAllRows: true });
  });

  it('turns into run settings, with per-run overrides', () => {
    const settings = templateSettings(template, { timeBudgetSeconds: 5, seed: 9 });
    expect(settings).toMatchObject({ target: 'target', metric: 'aupr', timeBudgetSeconds: 5, seed: 9, features: { topK: 10 } });
    expect(settings).not.toHaveProperty('kind');
  });

  it('names what is wrong with a template', () => {
    const bad = (patch: object) => () => parseTemplate({ ...template, ...patch });
    expect(bad({ metric: 'auc' })).toThrow(/unknown metric "auc"/);
    expect(bad({ models: ['svm'] })).toThrow(/unknown model family "svm"/);
    expect(bad({ timeBudgetSeconds: 0 })).toThrow(/timeBudgetSeconds/);
    expect(bad({ colour: 'red' })).toThrow(/unknown field "colour"/);
    expect(bad({ searchSpace: { gbdt: { domains: { learningRate: { kind: 'float', low: 0, high: 1, log: true } } } } })).toThrow(/log-scale domain needs low > 0/);
    expect(() => parseTemplate([])).toThrow(/not a JSON object/);
  });

  it('checks a table against the template', () => {
    const table = syntheticBinaryTable(20);
    expect(checkTemplate(template, table)).toEqual([]);
    expect(checkTemplate({ ...template, target: 'churn' }, table)).toEqual(['the table has no target column "churn"']);
  });
});
