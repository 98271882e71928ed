// Reading a prediction log: NDJSON, one scored request a line,
//   {"time": ISO-8601, "id": string, "model": {"name", "version"},
//    "input": {column: value}, "output": {"prediction": …, "probabilities"?: {class: p}}, "latencyMs"?: number}
// logLineToRecord is the ONE place that maps a log line to a MonitorRecord: a scorer writing
// another shape changes that function only.
import type { InputValue } from './coerce-input';
import type { MonitorRecord } from './monitor-record';
import { isSummaryLine } from './summary-line';

export interface LogModel {
  name: string;
  version: string;
}

export type LogLine = { model: LogModel | null; record: MonitorRecord };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A parsed log line as a record, or the sentence saying what is wrong with it. */
export function logLineToRecord(value: unknown): LogLine | string {
  if (!isObject(value)) return 'not a JSON object';
  const { time, id, model, input, output, latencyMs } = value;
  if (typeof time !== 'string') return '"time" is missing or not a string';
  const t = Date.parse(time);
  if (!Number.isFinite(t)) return `"time" ${JSON.stringify(time)} is not an ISO-8601 timestamp`;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string';
  if (!isObject(input)) return '"input" is missing or not an object';
  let logModel: LogModel | null = null;
  if (model !== undefined && model !== null) {
    if (!isObject(model) || typeof model.name !== 'string') return '"model" must be {"name", "version"}';
    logModel = { name: model.name, version: model.version === undefined || model.version === null ? '' : String(model.version) };
  }
  let out: MonitorRecord['output'] = null;
  if (output !== undefined && output !== null) {
    if (!isObject(output) || !('prediction' in output)) return '"output" must be {"prediction", "probabilities"?}';
    const probabilities = output.probabilities;
    if (probabilities !== undefined && probabilities !== null) {
      if (!isObject(probabilities) || Object.values(probabilities).some((p) => typeof p !== 'number')) return '"output.probabilities" must map classes to numbers';
      out = { prediction: output.prediction as InputValue, probabilities: probabilities as Record<string, number> };
    } else out = { prediction: output.prediction as InputValue };
  }
  if (latencyMs !== undefined && latencyMs !== null && typeof latencyMs !== 'number') return '"latencyMs" must be a number';
  return {
    model: logModel,
    record: { time: t, id: id === undefined || id === null ? null : String(id), input: input as Record<string, InputValue>, output: out, latencyMs: (latencyMs as number | undefined) ?? null },
  };
}

/** One line of text: JSON first (a truncated or corrupt line says so), then the mapping. */
export function parseLogLine(text: string): LogLine | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message.split('\n')[0]})`;
  }
  return logLineToRecord(value);
}

export function modelKey(model: LogModel | null): string {
  return model ? `${model.name}@${model.version}` : '(no model named)';
}

/** True when the first non-empty line of a file looks like a prediction log (or the scorer's summary log) rather than a data file. */
export function looksLikePredictionLog(firstLine: string): boolean {
  const t = firstLine.trim();
  if (isSummaryLine(t)) return true;
  if (!t.startsWith('{')) return false;
  try {
    const v = JSON.parse(t);
    return isObject(v) && 'input' in v && 'time' in v;
  } catch {
    // A first line cut short (or only its start read): go by its keys.
    return /"time"\s*:/.test(t) && /"input"\s*:/.test(t);
  }
}
