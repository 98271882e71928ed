// What the Monitor view shows for one model, whichever way it came (a scorer polled, or logs
// imported and aggregated in the worker), and the alerts it raises under the model's rules.
import { alertsForReport, type Alert, type AlertRules } from '../../kernels/monitor/alert-rules';
import type { MonitorReport } from '../../kernels/monitor/monitor-report';

export interface MonitorSnapshot {
  source: 'scorer' | 'log';
  /** Where it came from, said plainly (the scorer's URL, the log files' names). */
  from: string;
  modelName: string;
  version: string | null;
  report: MonitorReport;
  /** Epoch ms of the latest prediction (the "no scores" rule measures from it). */
  lastTime: number | null;
  /** The clock the rules measure with: the scorer's, or this computer's for an import. */
  now: number;
  /** Problems met in the input and what was done about them. */
  notes: string[];
  /** The span the report covers, said plainly. */
  range: string;
}

export function snapshotAlerts(snapshot: MonitorSnapshot, rules: AlertRules): Alert[] {
  return alertsForReport(snapshot.report, { lastTime: snapshot.lastTime }, rules, snapshot.now);
}

/** Input columns the drift alerts name (drift on important columns). */
export function driftedFeatures(alerts: Alert[]): string[] {
  return alerts.filter((a) => a.name === 'feature-drift' && a.feature).map((a) => a.feature!);
}
