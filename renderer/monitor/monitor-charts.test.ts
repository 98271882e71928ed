import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { histogramsSpec, performanceSpec, scoreDistributionSpec, volumeSpec } from './monitor-charts';

const bins = { labels: ['≤ 0.1', '0.1 – 0.2', '> 0.2'], reference: [0.5, 0.3, 0.2], current: [0.2, 0.3, 0.5] };

describe('monitor charts', () => {
  it('are valid vega-lite with the data they are given', () => {
    const specs = [
      volumeSpec([{ hour: '2026-01-01T00:00:00.000Z', count: 10 }, { hour: '2026-01-01T01:00:00.000Z', count: 30 }]),
      scoreDistributionSpec(bins),
      histogramsSpec('age', bins),
      performanceSpec({ overall: { from: null, rows: 10, metrics: { auroc: 0.8 } }, daily: [{ from: '2026-01-01T00:00:00.000Z', rows: 10, metrics: { auroc: 0.8 } }], baseline: { metric: 'auroc', value: 0.85, higherIsBetter: true }, ratio: 0.94, unusable: 0 }),
    ];
    for (const spec of specs) expect(() => compile(spec as never)).not.toThrow();
    const values = (scoreDistributionSpec(bins).data as { values: { source: string; share: number }[] }).values;
    expect(values.filter((v) => v.source === 'production').map((v) => v.share)).toEqual(bins.current);
    expect(values.filter((v) => v.source === 'evaluation').map((v) => v.share)).toEqual(bins.reference);
  });
});
