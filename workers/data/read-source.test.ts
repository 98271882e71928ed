import { describe, expect, it } from 'vitest';
import { readSource } from './read-source';
import { throttleProgress } from './progress-throttle';

describe('readSource', () => {
  it('reads a blob stream with progress ending at 1', async () => {
    const text = 'a,b\n'.repeat(10_000);
    const fractions: number[] = [];
    const bytes = await readSource({ kind: 'blob', blob: new Blob([text]) }, (f) => fractions.push(f));
    expect(new TextDecoder().decode(bytes)).toBe(text);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('throttleProgress', () => {
  it('drops updates within the interval but never a phase change or the end', () => {
    let t = 0;
    const sent: string[] = [];
    const progress = throttleProgress((phase, f) => sent.push(`${phase}:${f}`), 100, () => t);
    progress('parsing', 0.1);
    t = 10;
    progress('parsing', 0.2);
    progress('typing', 0.3);
    t = 20;
    progress('typing', 1);
    t = 200;
    progress('typing', 0.9);
    expect(sent).toEqual(['parsing:0.1', 'typing:0.3', 'typing:1', 'typing:0.9']);
  });
});
