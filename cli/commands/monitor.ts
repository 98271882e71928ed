// `tourney monitor <model-dir> <prediction log | log folder | data file> [--labels <file>] [--json] [--rules <file>]
//   [--reference <training data>] [--window <hours>] [--now <ISO time>]
//   [--prometheus-rules <out.yml>] [--metrics <out.prom>]`
// The drift and data-quality report of a prediction log (or a plain data file: inputs only, no
// scores) against the model's training reference (reference-profile.json, written by `train`;
// --reference rebuilds one from the training data for older models), and the alerts that fire. Exit 3 when an
// alert fires, so a scheduled job can gate on it; 0 when none.
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { alertsForReport, resolveAlertRules, type Alert, type AlertRules } from '../../kernels/monitor/alert-rules';
import { exposition, gaugesFromReport } from '../../kernels/monitor/gauges';
import { labelsFromTable, type Labels } from '../../kernels/monitor/labels';
import { PredictionLogAggregator } from '../../kernels/monitor/log-aggregator';
import { monitorReport, type MonitorReport } from '../../kernels/monitor/monitor-report';
import { performanceOverTime } from '../../kernels/monitor/performance';
import { looksLikePredictionLog, type LogModel } from '../../kernels/monitor/prediction-log';
import { labelCounts, problemNotes } from '../../kernels/monitor/problem-notes';
import { prometheusRules } from '../../kernels/monitor/prometheus-rules';
import { isSummaryLine } from '../../kernels/monitor/summary-line';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { cellValue } from '../../kernels/table/slice-rows';
import { DataError } from '../../kernels/table/types';
import { checkFlags, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { buildReferenceFromData, readReference, REFERENCE_FILE } from './monitor-reference';
import { formatMonitorText } from './monitor-text';
import { readDataFile } from './read-data-file';

export const ALERT_EXIT_CODE = 3;
const FLAGS = ['labels', 'json', 'rules', 'reference', 'window', 'now', 'prometheus-rules', 'metrics', 'model-name', 'model-version'];

export async function monitorCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  checkFlags(args, FLAGS);
  const [modelDir, source, ...extra] = args.positionals;
  const promOut = stringFlag(args, 'prometheus-rules');
  if (!modelDir || extra.length || (!source && !promOut)) {
    throw new UsageError('monitor needs a model directory and a prediction log, log folder or data file: tourney monitor <model-dir> <log | folder | data> [--labels <file>] [--json]');
  }
  const referencePath = stringFlag(args, 'reference');
  const window = numberFlag(args, 'window');
  if (window !== undefined && !(window > 0)) throw new UsageError('--window must be a number of hours > 0');
  const nowText = stringFlag(args, 'now');
  const now = nowText === undefined ? Date.now() : Date.parse(nowText);
  if (!Number.isFinite(now)) throw new UsageError(`--now must be an ISO-8601 time, got "${nowText}"`);
  const rules = await readRules(stringFlag(args, 'rules'));
  const meta = await readMeta(modelDir);

  const reference: ReferenceProfile | undefined = referencePath ? await buildReferenceFromData(modelDir, referencePath) : await readReference(modelDir);
  const modelName = stringFlag(args, 'model-name') ?? (typeof meta.name === 'string' ? meta.name : basename(resolve(modelDir)));
  if (promOut) {
    await writeFile(promOut, prometheusRules(modelName, rules));
    process.stderr.write(`wrote Prometheus alerting rules for "${modelName}" to ${promOut}\n`);
  }
  if (!source) return 0;
  if (!reference) {
    throw new DataError(`${resolve(modelDir, REFERENCE_FILE)} not found: retrain the model (train writes it) or give --reference <training data>`, { file: REFERENCE_FILE });
  }

  const labels = await readLabels(stringFlag(args, 'labels'), typeof meta.target === 'string' ? meta.target : null);
  const versionFlag = stringFlag(args, 'model-version') ?? (meta.version !== undefined ? String(meta.version) : undefined);
  const expected: LogModel | null = stringFlag(args, 'model-name') || typeof meta.name === 'string' ? { name: modelName, version: versionFlag ?? '' } : null;
  const aggregator = new PredictionLogAggregator(reference, { expected, perHour: window !== undefined, labels: labels?.labels });
  const kind = await aggregateSource(source, aggregator, reference);
  const result = aggregator.result();
  const summary = window !== undefined ? aggregator.window(window) ?? result.summary : result.summary;
  if (!summary.rows) {
    const c = result.problems.corrupt;
    throw new DataError(`${basename(source)}: no usable ${kind === 'log' ? 'prediction lines' : 'rows'}${c.count ? ` (${c.count} corrupt; ${c.first})` : ''}${result.problems.otherModels.count ? ` (${result.problems.otherModels.count} lines of other models)` : ''}`, { file: source });
  }
  const performance = result.labeled.length ? performanceOverTime(result.labeled, reference) : null;
  const report = monitorReport(summary, reference, performance);
  const alerts = alertsForReport(report, summary, rules, now);
  const notes = problemNotes(result, labelCounts(labels), kind);
  const metricsOut = stringFlag(args, 'metrics');
  // For node_exporter's textfile collector: the gauges the exported rules alert on.
  if (metricsOut) await writeFile(metricsOut, exposition(gaugesFromReport(modelName, report)));
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      model: result.model, source: { file: source, kind }, window: window ?? null, now: new Date(now).toISOString(),
      report, alerts, problems: result.problems, labels: labels && { file: stringFlag(args, 'labels'), rows: labels.labels.size, duplicates: labels.duplicates, incomplete: labels.incomplete, withoutRequest: result.labelsWithoutRequest },
      notes,
    }) + '\n');
  } else {
    process.stdout.write(formatMonitorText({ model: result.model, modelName, source, kind, window, report, alerts, notes }) + '\n');
  }
  return alerts.length ? ALERT_EXIT_CODE : 0;
}

async function readMeta(dir: string): Promise<Record<string, unknown>> {
  const path = resolve(dir, 'meta.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path} not found: ${dir} is not a Tourney model directory` : `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new DataError(`${path} is not valid JSON: ${(err as Error).message}`, { file: path });
  }
}

export async function readRules(path: string | undefined): Promise<AlertRules> {
  if (path === undefined) return resolveAlertRules({});
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? `cannot read ${path}: no such file` : `${path}: ${(err as Error).message}`, { file: path });
  }
  try {
    return resolveAlertRules(json);
  } catch (err) {
    throw new DataError(`${path}: ${(err as Error).message}`, { file: path });
  }
}

async function readLabels(path: string | undefined, target: string | null): Promise<Labels | null> {
  if (path === undefined) return null;
  return labelsFromTable(await readDataFile(path), target, basename(path));
}

async function firstLine(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `cannot read ${path}: no such file` : `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split('\n').find((l) => l.trim()) ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * Feeds a prediction log line by line, or a data file row by row (inputs only), to the aggregator.
 * A directory is a scorer's log directory: its summary files first, then its row logs oldest first
 * (rotated files by name, the live predictions.ndjson last), each prediction counted once.
 */
async function aggregateSource(path: string, aggregator: PredictionLogAggregator, reference: ReferenceProfile): Promise<'log' | 'data'> {
  if ((await stat(path).catch(() => null))?.isDirectory()) {
    const files = (await readdir(path)).filter((f) => f.endsWith('.ndjson')).sort((a, b) => liveLast(a) - liveLast(b) || a.localeCompare(b));
    const firsts = await Promise.all(files.map((f) => firstLine(join(path, f))));
    const logs = files.filter((_, i) => looksLikePredictionLog(firsts[i]));
    if (!logs.length) throw new DataError(`${path} holds no prediction log (*.ndjson files of a scorer's TOURNEY_PREDICTION_LOG directory)`, { file: path });
    const summaries = logs.filter((f) => isSummaryLine(firsts[files.indexOf(f)]));
    for (const f of [...summaries, ...logs.filter((f) => !summaries.includes(f))]) await aggregateLines(join(path, f), aggregator);
    return 'log';
  }
  const isLog = extname(path).toLowerCase() === '.log' || looksLikePredictionLog(await firstLine(path));
  if (isLog) {
    await aggregateLines(path, aggregator);
    return 'log';
  }
  const table = await readDataFile(path);
  const columns = reference.features.map((f) => table.columns.find((c) => c.name === f.name));
  for (let i = 0; i < table.rowCount; i++) {
    const input: Record<string, unknown> = {};
    reference.features.forEach((f, j) => {
      const c = columns[j];
      input[f.name] = c ? cellValue(c, i) : null;
    });
    aggregator.addRecord({ time: null, id: null, input: input as never, output: null });
  }
  return 'data';
}

/** The live file of a log (predictions.ndjson, summaries.ndjson) after its rotated ones. */
const liveLast = (name: string) => (/^(predictions|summaries)\.ndjson$/.test(name) ? 1 : 0);

async function aggregateLines(path: string, aggregator: PredictionLogAggregator): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) aggregator.addLine(n++ === 0 ? line.replace(/^\uFEFF/, '') : line, n);
}

export type { Alert, MonitorReport };
