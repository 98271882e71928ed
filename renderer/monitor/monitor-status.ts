// The latest monitoring state per model, shared by the Monitor view (which writes it) and the
// Fleet view (drift status, predictions per day). Kept in this browser so the fleet still knows
// after a reload what was last seen.
import { useEffect, useState } from 'react';
import type { AlertName } from '../../kernels/monitor/alert-rules';

export interface ModelMonitorStatus {
  model: string;
  version: string | null;
  source: 'scorer' | 'log';
  /** When the view last saw it (epoch ms). */
  seenAt: number;
  alerts: { name: AlertName; feature?: string }[];
  drifted: string[];
  /** Scores per hour, for the fleet's predictions per day. */
  volume: { hour: string; count: number }[];
}

const KEY = 'tourney-monitor-status';
const listeners = new Set<() => void>();
let statuses: Map<string, ModelMonitorStatus> | null = null;

function load(): Map<string, ModelMonitorStatus> {
  if (!statuses) {
    statuses = new Map();
    try {
      const list = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]') as ModelMonitorStatus[];
      for (const s of list) statuses.set(s.model, s);
    } catch {
      // A damaged entry is forgotten: the next poll or import writes it again.
    }
  }
  return statuses;
}

export function monitorStatuses(): ModelMonitorStatus[] {
  return [...load().values()];
}

export function recordMonitorStatus(status: ModelMonitorStatus): void {
  const all = load();
  all.set(status.model, status);
  globalThis.localStorage?.setItem(KEY, JSON.stringify([...all.values()]));
  for (const l of listeners) l();
}

export function useMonitorStatuses(): ModelMonitorStatus[] {
  const [value, setValue] = useState(monitorStatuses);
  useEffect(() => {
    const listener = () => setValue(monitorStatuses());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return value;
}
