import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PredictionLogAggregator } from './log-aggregator';
import { LogLineScanner } from './log-line-scanner';
import { smallReference } from './testing/small-reference';

const reference = smallReference;
const START = Date.UTC(2026, 0, 1);

// Text that JSON escapes or that is not ASCII, next to plain category values.
const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', ' a ', 'NA', '', '42.5', '1e3', 'é', '日本', '😀', '\u2028', '__proto__', 'toString') },
  { weight: 1, arbitrary: fc.constantFrom('x"y', 'back\\slash', 'tab\there', '\u0000') },
  { weight: 2, arbitrary: fc.string() },
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, 1e-7, 0.1, 123456789012345.6, 2 ** 53 + 1, NaN, Infinity));
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const value = fc.oneof({ weight: 20, arbitrary: scalar }, { weight: 1, arbitrary: fc.constantFrom({ a: 1 }, [1, 2], []) });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 10 });
const rarely = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 15, arbitrary: usual }, { weight: 1, arbitrary: odd });

const time = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3_600_000, max: 30 * 3_600_000 }).map((ms) => new Date(START + ms).toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T24:00:00.000Z', '2026-02-30T10:00:00.000Z', '2026-01-01T10:61:00.000Z', '2026-13-01T10:00:00.000Z', '2026-01-01 10:00:00.000Z', 'yesterday', '') },
  { weight: 1, arbitrary: fc.constantFrom(0, null) },
);
const record = fc.record({
  time: optional(time),
  requestId: optional(text),
  id: optional(rarely(fc.oneof(text, fc.nat(40).map(String), fc.integer(), fc.double()), fc.constantFrom(null, true))),
  model: optional(rarely(
    fc.record({ name: fc.constantFrom('m', 'other', 'é'), version: optional(rarely(fc.oneof(fc.constantFrom('1', '2'), fc.integer({ min: 1, max: 2 })), fc.constantFrom(null, true))) }, { requiredKeys: ['name'] }),
    fc.constantFrom(null, 'm', {}, { version: '1' }, { name: 1 }),
  )),
  latencyMs: optional(rarely(fc.double({ min: -1, max: 20_000 }), fc.constantFrom(null, '3'))),
  row: optional(fc.nat()),
  input: optional(rarely(
    fc.record({ x: optional(value), c: optional(value), extra: optional(value), 'é': optional(scalar) }),
    fc.constantFrom(null, [], 'x'),
  )),
  output: optional(rarely(
    fc.record({
      prediction: optional(value),
      probabilities: optional(rarely(fc.record({ no: optional(number), yes: optional(rarely(number, fc.constant('0.5'))) }), fc.constantFrom(null, []))),
    }),
    fc.constantFrom(null, 3),
  )),
});

/** A record as a log line: compact, spaced out, cut short, or with a key repeated. */
const line = fc.tuple(record, fc.nat(9), fc.nat()).map(([r, style, at]) => {
  const compact = JSON.stringify(r);
  if (style === 1) return JSON.stringify(r, null, 1).replace(/\n/g, '\t');
  if (style === 2) return compact.slice(0, at % (compact.length + 1));
  if (style === 4) return compact.replace(/\\t/g, '\t');
  if (style === 3) return compact.replace('"input":{', '"input":{"x":1,').replace('{"time"', '{"time":"2026-01-01T00:00:00.000Z","time"');
  return compact;
});

function aggregate(lines: string[], fastPath: boolean, labels?: Map<string, string>) {
  const agg = new PredictionLogAggregator(reference, { expected: { name: 'm', version: '1' }, perHour: true, labels, fastPath });
  lines.forEach((l, i) => agg.addLine(l, i + 1));
  return { result: agg.result(), window: agg.window(3) };
}

describe('LogLineScanner', () => {
  it('gives the same summaries, problems and labeled scores as JSON.parse on generated logs', () => {
    // Counts the lines the scanner takes, so the comparison is known to exercise it.
    const scanner = new LogLineScanner(reference);
    let fast = 0;
    let total = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, withLabels) => {
      const labels = withLabels ? new Map(lines.map((_, i) => [String(i), i % 2 ? 'yes' : 'no'])) : undefined;
      expect(aggregate(lines, true, labels)).toEqual(aggregate(lines, false, labels));
      total += lines.length;
      fast += lines.filter((l) => scanner.scan(l)).length;
    }), { numRuns: 300 });
    expect(fast).toBeGreaterThan(total / 10);
  });

  it('reads the scorer\'s own lines without falling back, and declines what it does not handle', () => {
    const scanner = new LogLineScanner(reference);
    const scorer = '{"time":"2026-12-04T19:00:00.000Z","requestId":"q1","model":{"name":"m","version":"1"},"latencyMs":1.2,"row":0,"id":"q1","input":{"x":12.5,"c":"a","z":null},"output":{"prediction":"yes","probabilities":{"no":0.25,"yes":0.75}}}';
    expect(scanner.scan(scorer)).toBe(true);
    expect([scanner.time, scanner.id, scanner.modelName, scanner.values, scanner.score, scanner.latencyMs])
      .toEqual([Date.parse('2026-12-04T19:00:00.000Z'), 'q1', 'm', [12.5, 'a'], 0.75, 1.2]);
    for (const other of [scorer.slice(0, -1), scorer.replace('"a"', '"\\u0061"'), scorer.replace('"c":"a"', '"c":{"v":1}'), scorer.replace('"x":12.5', '"x":12.5,"x":1'), scorer.replace('.000Z', 'Z')]) {
      expect(scanner.scan(other)).toBe(false);
    }
  });
});
