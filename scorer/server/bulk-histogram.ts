// A Prometheus histogram that takes a whole batch at once. prom-client's Histogram.observe costs
// about 2 µs a value (label hashing, bucket search per call): 20 ms for a 10,000-row batch, more
// than scoring it. This one counts a Float64Array into cumulative buckets in one pass and hands
// the registry the same {name, help, type, values} shape prom-client's own metrics return.
import type { Metric, Registry } from 'prom-client';

export class BulkHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(readonly name: string, readonly help: string, private readonly upperBounds: number[], registry: Registry) {
    this.counts = new Float64Array(upperBounds.length);
    registry.registerMetric(this as unknown as Metric);
  }

  /** Counts every finite value of `values`. */
  observeMany(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.observe(values[i]);
  }

  /** Counts one value (skipped when not finite). */
  observe(v: number): void {
    if (!Number.isFinite(v)) return;
    this.sum += v;
    this.count++;
    const bounds = this.upperBounds;
    for (let b = 0; b < bounds.length; b++) if (v <= bounds[b]) { this.counts[b]++; break; }
  }

  async get() {
    let cumulative = 0;
    const values = this.upperBounds.map((le, b) => {
      cumulative += this.counts[b];
      return { labels: { le }, value: cumulative, metricName: `${this.name}_bucket` };
    });
    values.push({ labels: { le: '+Inf' as unknown as number }, value: this.count, metricName: `${this.name}_bucket` });
    return {
      name: this.name, help: this.help, type: this.type, aggregator: this.aggregator,
      values: [...values, { labels: {}, value: this.sum, metricName: `${this.name}_sum` }, { labels: {}, value: this.count, metricName: `${this.name}_count` }],
    };
  }
}
