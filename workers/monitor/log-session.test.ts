import { describe, expect, it } from 'vitest';
import { smallReference } from '../../kernels/monitor/testing/small-reference';
import { SummaryLineWriter } from '../../kernels/monitor/summary-line';
import { LogSession } from './log-session';
import { aggregateGenerated } from './synthetic-log';

const reference = smallReference;
const model = { name: 'm', version: '1' };
const line = (hour: number, id: string, m = model) => JSON.stringify({
  time: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(), id, model: m, input: { x: hour % 100, c: 'a' },
  output: { prediction: 'no', probabilities: { no: 0.7, yes: 0.3 } }, latencyMs: 4,
});
const blob = (text: string) => new Blob([text]);

describe('LogSession (the monitor worker reading logs)', () => {
  it('uses every good line and names truncated, corrupt, other-model, out-of-order lines and bad labels', async () => {
    const log = [line(0, 'a'), line(2, 'b'), 'garbage', line(1, 'c'), line(3, 'd', { name: 'other', version: '9' }), line(4, 'e'), line(5, 'f').slice(0, 30)].join('\n');
    const labels = 'id,label\na,yes\na,no\nb,no\nzzz,yes\n';
    const session = new LogSession({ reference, expected: model, logs: [{ name: 'p.ndjson', blob: blob(log) }], labels: { name: 'labels.csv', blob: blob(labels) }, target: null });
    const progress: number[] = [];
    await session.run((p) => progress.push(p.bytes), () => false);
    expect(progress.at(-1)).toBe(new TextEncoder().encode(log).length);
    const view = session.view(null);
    expect(view.report.rows).toBe(4);
    expect(view.lines).toBe(7);
    const notes = view.notes.join('\n');
    expect(notes).toMatch(/2 corrupt or truncated lines skipped \(lines 3, 7\)/);
    expect(notes).toMatch(/1 line of other models or versions excluded: other@9 \(1\)/);
    expect(notes).toMatch(/1 line arrived out of time order/);
    expect(notes).toMatch(/1 duplicate label \(first kept\): a/);
    expect(notes).toMatch(/1 label for ids not in the log: zzz/);
    // A window of the latest 2 hours holds hours 4 and 5 only (the truncated hour-5 line is gone: hour 4 alone).
    expect(session.view(2).report.rows).toBe(1);
  });

  it('keeps reading the log when the labels file is unusable, and says why', async () => {
    const session = new LogSession({ reference, expected: model, logs: [{ name: 'p.ndjson', blob: blob(line(0, 'a')) }], labels: { name: 'l.csv', blob: blob('who,what\n1,2\n') }, target: null });
    await session.run(() => {}, () => false);
    const view = session.view(null);
    expect(view.report.rows).toBe(1);
    expect(view.notes.join('\n')).toMatch(/labels not used: l\.csv: no id column/);
  });

  it('says which models a log holds when none is the expected one', async () => {
    const session = new LogSession({ reference, expected: model, logs: [{ name: 'p.ndjson', blob: blob(line(0, 'a', { name: 'credit', version: '2' })) }], labels: null, target: null });
    await session.run(() => {}, () => false);
    expect(session.view(null).notes[0]).toBe('no usable prediction lines of m; the log holds credit@2 (1)');
  });

  it('reads the scorer\'s summary file before its row logs, whatever the order picked, counting each prediction once', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => line(i % 3, `r${i}`)).sort();
    const summaries: string[] = [];
    const writer = new SummaryLineWriter(reference, model, (l) => summaries.push(l));
    for (const r of rows) {
      const v = JSON.parse(r);
      writer.add({ time: Date.parse(v.time), id: v.id, input: v.input, output: v.output, latencyMs: v.latencyMs });
    }
    writer.flush();
    const run = async (logs: { name: string; blob: Blob }[]) => {
      const session = new LogSession({ reference, expected: model, logs, labels: null, target: null });
      await session.run(() => {}, () => false);
      return session.view(null);
    };
    const alone = await run([{ name: 'predictions.ndjson', blob: blob(rows.join('\n')) }]);
    const both = await run([{ name: 'predictions.ndjson', blob: blob(rows.join('\n')) }, { name: 'summaries.ndjson', blob: blob(summaries.join('')) }]);
    expect(alone.report.rows).toBe(30);
    expect(both.report.rows).toBe(30);
    expect(both.report.volume).toEqual(alone.report.volume);
    expect(both.notes.join('\n')).toMatch(/30 predictions read from 3 scorer summary lines; 30 row lines they already counted were not counted again/);
    expect((await run([{ name: 'summaries.ndjson', blob: blob(summaries.join('')) }])).report.rows).toBe(30);
  });

  it('stops when cancelled', async () => {
    const big = Array.from({ length: 50_000 }, (_, i) => line(i % 24, `r${i}`)).join('\n');
    const session = new LogSession({ reference, expected: model, logs: [{ name: 'p.ndjson', blob: blob(big) }], labels: null, target: null });
    await expect(session.run(() => {}, () => true)).rejects.toThrow('cancelled');
  });

  it('aggregates generated records drawn from the reference without drift', async () => {
    const run = await aggregateGenerated(reference, 50_000, 'records', () => {}, () => false);
    expect(run.rows).toBe(50_000);
    const ndjson = await aggregateGenerated(reference, 5_000, 'ndjson', () => {}, () => false);
    expect(ndjson.rows).toBe(5_000);
  });
});
