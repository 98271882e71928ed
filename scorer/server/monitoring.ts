// The scorer's monitoring window: every scored row goes into the SummaryBuilder of the current
// time bucket (hourly by default); the window is the last `windowSeconds` of buckets, merged when
// someone asks (GET /v1/monitoring, a /metrics scrape). Adding a row is a few array increments per
// column (kernels/monitor/summary.ts); buckets older than the window are dropped as time moves on.
import { gaugesFromReport, type GaugeSample } from '../../kernels/monitor/gauges';
import { METRICS } from '../../kernels/monitor/metric-names';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import { monitorReport, type MonitorReport } from '../../kernels/monitor/monitor-report';
import { REFERENCE_FORMAT, type ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { emptySummary, mergeSummaries, SummaryBuilder, type MonitorSummary } from '../../kernels/monitor/summary';

export interface MonitoringOptions {
  /** How far back the window reaches (default 24 hours). */
  windowSeconds?: number;
  /** Width of one bucket (default 1 hour); the window moves on in these steps. */
  bucketSeconds?: number;
}

export const DEFAULT_MONITORING = { windowSeconds: 24 * 3600, bucketSeconds: 3600 };

/** reference-profile.json as a ReferenceProfile, or null when it is absent or another format (older data profile). */
export function referenceFrom(json: unknown): ReferenceProfile | null {
  const r = json as Partial<ReferenceProfile> | null | undefined;
  return r && r.format === REFERENCE_FORMAT && Array.isArray(r.features) ? (r as ReferenceProfile) : null;
}

export class MonitoringWindow {
  readonly windowMs: number;
  readonly bucketMs: number;
  private buckets: { start: number; builder: SummaryBuilder }[] = [];
  private current: { start: number; builder: SummaryBuilder } | null = null;
  /** Epoch ms of the latest scored row, kept past the window (the "no scores" alert reads it). */
  lastTime: number | null = null;
  /** Rows scored since the start, kept past the window. */
  total = 0;

  constructor(readonly reference: ReferenceProfile, options: MonitoringOptions = {}) {
    this.windowMs = (options.windowSeconds ?? DEFAULT_MONITORING.windowSeconds) * 1000;
    this.bucketMs = Math.min(this.windowMs, (options.bucketSeconds ?? DEFAULT_MONITORING.bucketSeconds) * 1000);
  }

  /** The builder for rows scored at `time` (epoch ms), opening a new bucket when time has moved on. */
  builderAt(time: number): SummaryBuilder {
    const c = this.current;
    if (c && time >= c.start && time < c.start + this.bucketMs) return c.builder;
    const start = time - (time % this.bucketMs);
    let bucket = this.buckets.find((b) => b.start === start);
    if (!bucket) {
      bucket = { start, builder: new SummaryBuilder(this.reference) };
      this.buckets.push(bucket);
      this.prune(time);
    }
    this.current = bucket;
    return bucket.builder;
  }

  add(record: MonitorRecord, builder = this.builderAt(record.time ?? Date.now())): void {
    builder.add(record);
    this.total++;
    if (record.time !== null && (this.lastTime === null || record.time > this.lastTime)) this.lastTime = record.time;
  }

  private prune(now: number): void {
    const from = now - this.windowMs;
    this.buckets = this.buckets.filter((b) => b.start + this.bucketMs > from);
  }

  /** The merged summary of the buckets that overlap the window ending at `now`. */
  summary(now = Date.now()): MonitorSummary {
    this.prune(now);
    return this.buckets.reduce((s, b) => mergeSummaries(s, b.builder.summary), emptySummary(this.reference));
  }

  report(now = Date.now()): MonitorReport {
    return monitorReport(this.summary(now), this.reference);
  }

  /** The gauges of metric-names.ts over the window, plus the last prediction's time (kept past the window). */
  gauges(modelName: string, now = Date.now()): GaugeSample[] {
    const samples = gaugesFromReport(modelName, this.report(now)).filter((g) => g.name !== METRICS.lastPredictionTimestamp);
    if (this.lastTime !== null) samples.push({ name: METRICS.lastPredictionTimestamp, labels: { model: modelName }, value: this.lastTime / 1000 });
    return samples;
  }
}
