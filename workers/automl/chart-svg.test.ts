import { describe, expect, it } from 'vitest';
import { confusionSpec } from '../../renderer/automl/charts';
import { chartSvg } from './chart-svg';

/** Count labels of the first row (x centres) with their font size, from the drawn SVG. */
function rowLabels(svg: string): { x: number; y: number; size: number; text: string }[] {
  const texts = [...svg.matchAll(/<text aria-label="predicted: [^"]*count: [^"]*"[^>]*transform="translate\(([\d.]+),([\d.]+)\)"[^>]*font-size="([\d.]+)px"[^>]*>([^<]*)<\/text>/g)];
  return texts.map((m) => ({ x: Number(m[1]), y: Number(m[2]), size: Number(m[3]), text: m[4] }));
}

describe('the confusion matrix', () => {
  it('keeps 9 classes of 4-digit counts inside their cells, drawn at the card width', async () => {
    const classes = ['Sales Manager', 'Engineer', 'Director', 'Analyst', 'Consultant', 'Designer', 'Operator', 'Supervisor', 'Technician'];
    const matrix = classes.map((_, i) => classes.map((_, j) => (i === j ? 1234 : 17 * (i + j))));
    const svg = await chartSvg(confusionSpec({ classes, matrix } as never), 320, {});
    const labels = rowLabels(svg);
    expect(labels).toHaveLength(81);
    const firstRow = labels.filter((l) => l.y === labels[0].y).sort((a, b) => a.x - b.x);
    expect(firstRow).toHaveLength(9);
    const cell = firstRow[1].x - firstRow[0].x;
    const widest = Math.max(...labels.map((l) => l.text.length));
    // Digits are about 0.6 em wide in a sans-serif font: the widest count fits with room to spare.
    expect(0.6 * labels[0].size * widest).toBeLessThanOrEqual(cell - 4);
    expect(labels[0].size).toBeGreaterThanOrEqual(8);
  });
});
