import { describe, expect, it } from 'vitest';
import type { CellOutput } from '../../shared/runner/outputs';
import { OutputThrottle } from './output-throttle';

function throttle(limits = { intervalMs: 50, maxStreamChars: 1000, maxDisplays: 2 }) {
  const sent: { cellId: string; output: CellOutput }[] = [];
  let clock = 0;
  const output = new OutputThrottle((cellId, o) => sent.push({ cellId, output: o }), limits, () => clock);
  return { output, sent, tick: (ms: number) => (clock += ms) };
}

const line = (text: string): CellOutput => ({ type: 'stream', name: 'stdout', text });

describe('OutputThrottle', () => {
  it('batches printed lines between flushes and keeps their order', () => {
    const { output, sent, tick } = throttle();
    for (let i = 0; i < 100; i++) output.emit('a', line(`${i}\n`));
    expect(sent).toHaveLength(1);
    tick(60);
    output.emit('a', line('last\n'));
    output.flush();
    const text = sent.map((s) => (s.output.type === 'stream' ? s.output.text : '')).join('');
    expect(text).toBe(`${Array.from({ length: 100 }, (_, i) => `${i}\n`).join('')}last\n`);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('flushes text before a display so outputs stay in order', () => {
    const { output, sent } = throttle();
    output.emit('a', line('x\n'));
    output.emit('a', line('y\n'));
    output.emit('a', { type: 'display_data', data: { 'text/plain': 't' } });
    expect(sent.map((s) => s.output.type)).toEqual(['stream', 'stream', 'display_data']);
    expect(sent[1].output).toEqual(line('y\n'));
  });

  it('caps text and displays per cell with one notice each', () => {
    const { output, sent } = throttle({ intervalMs: 0, maxStreamChars: 10, maxDisplays: 1 });
    output.emit('a', line('123456'));
    output.emit('a', line('789012345'));
    output.emit('a', line('more'));
    for (let i = 0; i < 5; i++) output.emit('a', { type: 'display_data', data: { 'text/plain': `${i}` } });
    const texts = sent.filter((s) => s.output.type === 'stream').map((s) => (s.output as { text: string }).text);
    expect(texts.join('')).toMatch(/^1234567890\n… output truncated: more than 10 characters\n… more than 1 displayed outputs/);
    expect(sent.filter((s) => s.output.type === 'display_data')).toHaveLength(1);
    output.startCell('a');
    output.emit('a', line('fresh'));
    expect(sent[sent.length - 1].output).toEqual(line('fresh'));
  });
});
