import { describe, expect, it } from 'vitest';
import { PredictionLogAggregator } from './log-aggregator';
import type { MonitorRecord } from './monitor-record';
import { problemNotes } from './problem-notes';
import type { NumericCounts } from './summary';
import { isSummaryLine, parseSummaryLine, SummaryLineWriter } from './summary-line';
import { smallReference as reference } from './testing/small-reference';
import { createRandom, TOURNAMENT_STREAM } from '../random/random';

const model = { name: 'm', version: '1' };
const T0 = Date.UTC(2026, 0, 1);

/** Records over three hours, several per millisecond, as a busy scorer logs them. */
function records(n: number, seed = 1): MonitorRecord[] {
  const r = createRandom(seed, TOURNAMENT_STREAM);
  let t = T0;
  return Array.from({ length: n }, (_, i) => {
    if (r() < 0.4) t += Math.floor(r() * 60_000);
    const p = r();
    return { time: t, id: `r${i}`, input: { x: Math.floor(r() * 120) - 10, c: r() < 0.1 ? 'z' : r() < 0.5 ? 'a' : 'b' }, output: { prediction: p >= 0.5 ? 'yes' : 'no', probabilities: { no: 1 - p, yes: p } }, latencyMs: r() * 20 };
  });
}

const rowLine = (rec: MonitorRecord) => JSON.stringify({ time: new Date(rec.time!).toISOString(), requestId: rec.id, model, latencyMs: rec.latencyMs, row: 0, id: rec.id, input: rec.input, output: rec.output });

/** What the scorer's summary log writes for these records, with a line after each index in `cuts` and at hour changes. */
function summaryLines(recs: MonitorRecord[], cuts: Set<number>): string[] {
  const out: string[] = [];
  const writer = new SummaryLineWriter(reference, model, (line) => out.push(line.trimEnd()));
  recs.forEach((rec, i) => {
    writer.add(rec);
    if (cuts.has(i)) writer.flush(T0);
  });
  writer.flush(T0);
  return out;
}

function aggregate(lines: string[], labels?: Map<string, string>) {
  const agg = new PredictionLogAggregator(reference, { expected: model, perHour: true, labels });
  lines.forEach((l, i) => agg.addLine(l, i + 1));
  return agg;
}

describe('the scorer summary lines', () => {
  it('read back what was written, and are told from row lines by their prefix alone', () => {
    const recs = records(50);
    const [text] = summaryLines(recs.slice(0, 5), new Set());
    expect(isSummaryLine(text)).toBe(true);
    expect(isSummaryLine(rowLine(recs[0]))).toBe(false);
    const back = parseSummaryLine(text, reference);
    expect(back).toMatchObject({ model, rowsAtLastTime: expect.any(Number), summary: { rows: 5 } });
  });

  it('refuse, with the reason, summaries that cannot be merged with the reference', () => {
    const good = JSON.parse(summaryLines(records(20), new Set())[0]);
    const variant = (edit: (v: typeof good) => void) => {
      const v = structuredClone(good);
      edit(v);
      return parseSummaryLine(JSON.stringify(v), reference);
    };
    expect(parseSummaryLine(summaryLines(records(20), new Set())[0].slice(0, 80), reference)).toMatch(/^not valid JSON/);
    expect(variant((v) => { v.format = 9; })).toMatch(/format 9; this Tourney reads format 1/);
    expect(variant((v) => { v.summary.features.x.counts.pop(); })).toMatch(/summary\.features\.x\.counts has \d+ bins, the reference \d+/);
    expect(variant((v) => { v.summary.features.x.counts[0] = -1; })).toMatch(/summary\.features\.x\.counts\[0\] is not a count/);
    expect(variant((v) => { v.summary.features.c.missing = '3'; })).toMatch(/summary\.features\.c\.missing is not a count/);
    expect(variant((v) => { v.summary.features.tenure = v.summary.features.x; })).toMatch(/summary\.features\.tenure is not a column of the reference/);
    expect(variant((v) => { delete v.summary.features.c; })).toMatch(/summary\.features\.c is missing \(a summary of another model or reference\?\)/);
    expect(variant((v) => { v.summary.perHour = { soon: 1 }; })).toMatch(/perHour\["soon"\] is not an hour's count/);
    expect(variant((v) => { v.rowsAtLastTime = 1.5; })).toBe('"rowsAtLastTime" is not a count');
  });

  it('with the row lines of the same rows, count each prediction once, however the scorer cut them', () => {
    const recs = records(3000);
    const rows = recs.map(rowLine);
    const alone = aggregate(rows).result();
    const r = createRandom(7, TOURNAMENT_STREAM);
    for (let trial = 0; trial < 5; trial++) {
      // Cuts anywhere, including between two rows of the same millisecond.
      const cuts = new Set(Array.from({ length: 20 }, () => Math.floor(r() * recs.length)));
      const sums = summaryLines(recs, cuts);
      for (const lines of [sums, [...sums, ...rows]]) {
        const agg = aggregate(lines);
        const both = agg.result();
        expect(both.summary.rows).toBe(3000);
        expect(both.summary.perHour).toEqual(alone.summary.perHour);
        expect(both.summary.features.c).toEqual(alone.summary.features.c);
        expect((both.summary.features.x as NumericCounts).counts).toEqual((alone.summary.features.x as NumericCounts).counts);
        expect(both.summary.scores).toEqual(alone.summary.scores);
        expect(both.summary.latency.counts).toEqual(alone.summary.latency.counts);
        expect(agg.window(1)!.rows).toBe(aggregate(rows).window(1)!.rows);
        expect(both.problems.summaries).toMatchObject({ lines: sums.length, rows: 3000, coveredLines: lines.length - sums.length, skipped: 0 });
      }
    }
  });

  it('count another version\'s summaries (a redeploy into the same folder) as excluded, not as corrupt', () => {
    const old: string[] = [];
    const writer = new SummaryLineWriter(reference, { name: 'm', version: '0' }, (l) => old.push(l.trimEnd()));
    for (const rec of records(70)) writer.add(rec);
    writer.flush(T0);
    // Another reference's line would not even fit this one: it must not be checked against it.
    const foreign = old.map((l) => l.replace('"features":{', '"features":{"tenure":{"kind":"datetime","present":1,"missing":0},'));
    const result = aggregate([...foreign, ...summaryLines(records(30), new Set())]).result();
    expect(result.summary.rows).toBe(30);
    expect(result.problems.corrupt.count).toBe(0);
    expect(result.problems.otherModels).toEqual({ count: 70, models: [{ model: 'm@0', count: 70 }] });
  });

  it('join labels to row lines the summaries already counted', () => {
    const recs = records(400);
    const labels = new Map([['r3', 'yes'], ['r399', 'no']]);
    const result = aggregate([...summaryLines(recs, new Set([100])), ...recs.map(rowLine)], labels).result();
    expect(result.summary.rows).toBe(400);
    expect(result.labeled.map((l) => l.label).sort()).toEqual(['no', 'yes']);
    expect(problemNotes(result, { duplicates: { count: 0, examples: [] }, incomplete: 0, size: 2 }, 'log').join('\n'))
      .toMatch(/400 predictions read from \d+ scorer summary lines?; 400 row lines they already counted were used for labels only/);
  });

  it('count row lines the summaries did not reach, and skip (and name) summaries read after their rows', () => {
    const recs = records(600);
    const rows = recs.map(rowLine);
    // The scorer wrote its last summary before the last 100 rows (they would be in the next one).
    const partial = summaryLines(recs.slice(0, 500), new Set());
    expect(aggregate([...partial, ...rows]).result().summary.rows).toBe(600);
    const late = aggregate([...rows, ...partial]).result();
    expect(late.summary.rows).toBe(600);
    expect(late.problems.summaries.skipped).toBe(partial.length);
    expect(problemNotes(late, null, 'log').join('\n')).toMatch(/scorer summary lines? skipped: row lines of the same hours were read first/);
  });
});
