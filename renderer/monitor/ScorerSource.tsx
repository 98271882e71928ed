// A running scorer, polled: GET /v1/monitoring every few seconds while connected. The panel keeps
// the last good report when a poll fails and says what failed.
import { useEffect, useState } from 'react';
import { ModelPanel } from './ModelPanel';
import { fetchMonitoring, type ScorerMonitoring } from './scorer-connection';
import type { MonitorSnapshot } from './snapshot';

export interface ScorerConnection {
  id: number;
  base: string;
  apiKey: string;
  intervalSeconds: number;
}

function snapshotOf(base: string, m: ScorerMonitoring): MonitorSnapshot {
  const hours = m.window.seconds / 3600;
  return {
    source: 'scorer', from: base, modelName: m.model.name, version: m.model.version, report: m.report,
    lastTime: m.lastPrediction === null ? null : Date.parse(m.lastPrediction), now: Date.parse(m.now), notes: [],
    range: `the scorer's window: last ${hours >= 1 ? `${+hours.toFixed(1)} h` : `${m.window.seconds} s`} (${m.predictions.toLocaleString()} predictions since it started)`,
  };
}

export function ScorerSource({ connection, visible, onName }: { connection: ScorerConnection; visible: boolean; onName: (id: number, name: string) => void }) {
  const [snapshot, setSnapshot] = useState<MonitorSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const m = await fetchMonitoring(connection.base, connection.apiKey, controller.signal);
        setSnapshot(snapshotOf(connection.base, m));
        onName(connection.id, m.model.name);
        setError(null);
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setError((err as Error).message);
      }
      setPolls((n) => n + 1);
      timer = setTimeout(() => void poll(), connection.intervalSeconds * 1000);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [connection, onName]);

  // Hidden, not unmounted: a connection in another tab keeps polling and feeding the fleet's status.
  return (
    <div data-testid="monitor-scorer" data-polls={polls} hidden={!visible}>
      {error && <div className="am-error" role="alert" data-testid="monitor-error">{error}{snapshot ? ' (showing the last report that arrived)' : ''}</div>}
      {snapshot ? <ModelPanel snapshot={snapshot} /> : !error && <p className="am-muted">Connecting to {connection.base}…</p>}
    </div>
  );
}
