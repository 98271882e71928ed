import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, resolveAlertRules } from '../../kernels/monitor/alert-rules';
import { rulesDelta } from './model-rules';

describe('per-model rules', () => {
  it('keeps only what differs from the defaults, in the JSON `tourney monitor --rules` reads back', () => {
    const rules = structuredClone(DEFAULT_ALERT_RULES);
    expect(rulesDelta(rules)).toEqual({});
    rules.noScores.hours = 0.5;
    rules.featureDrift.minPsi = 0.2;
    const delta = rulesDelta(rules);
    expect(delta).toEqual({ noScores: { hours: 0.5 }, featureDrift: { minPsi: 0.2 } });
    expect(resolveAlertRules(delta)).toEqual(rules);
  });
});
