// The Monitor view: deployed models watched for drift, data quality and silence. Two ways in —
// connect to a running scorer (GET /v1/monitoring, polled) or import its prediction logs and a
// labels file (aggregated in the monitor worker) — each shown per model with the seed's charts,
// the drift table ranked by importance, data quality and the alerts of the model's rules.
import { useCallback, useEffect, useState } from 'react';
import { LogSource } from './LogSource';
import { useMonitorTarget } from './monitor-target';
import { scorerBaseUrl } from './scorer-connection';
import { ScorerSource, type ScorerConnection } from './ScorerSource';
import './monitor.css';

type Tab = { kind: 'logs' } | { kind: 'scorer'; id: number };

let nextId = 1;

export function MonitorView() {
  const target = useMonitorTarget();
  const [connections, setConnections] = useState<ScorerConnection[]>([]);
  const [names, setNames] = useState<Record<number, string>>({});
  const [tab, setTab] = useState<Tab>({ kind: 'logs' });
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [interval, setInterval] = useState('5');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (target) setTab({ kind: 'logs' });
  }, [target]);

  const connect = () => {
    try {
      const base = scorerBaseUrl(url);
      const seconds = Number(interval);
      if (!(seconds >= 0.5)) throw new Error('poll every 0.5 seconds or more');
      const existing = connections.find((c) => c.base === base);
      if (existing) {
        setTab({ kind: 'scorer', id: existing.id });
        setError(null);
        return;
      }
      const connection = { id: nextId++, base, apiKey, intervalSeconds: seconds };
      setConnections((list) => [...list, connection]);
      setTab({ kind: 'scorer', id: connection.id });
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const disconnect = (id: number) => {
    setConnections((list) => list.filter((c) => c.id !== id));
    setTab({ kind: 'logs' });
  };
  const onName = useCallback((id: number, name: string) => setNames((n) => (n[id] === name ? n : { ...n, [id]: name })), []);

  return (
    <section className="mo-view" data-testid="monitor-view">
      <header className="am-head">
        <h2>Monitor</h2>
        <span className="am-muted">Deployed models: scores per hour, score and input drift against training, data quality, performance once labels arrive, and alerts.</span>
      </header>
      <div className="rg-form mo-source">
        <label>
          <span>scorer URL</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:8080" size={30} data-testid="monitor-url" onKeyDown={(e) => e.key === 'Enter' && connect()} />
        </label>
        <label>
          <span>API key (if set)</span>
          <input type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} size={16} data-testid="monitor-api-key" autoComplete="off" />
        </label>
        <label>
          <span>poll every (s)</span>
          <input value={interval} onChange={(e) => setInterval(e.target.value)} size={4} data-testid="monitor-interval" />
        </label>
        <button type="button" className="am-button" onClick={connect} data-testid="monitor-connect">Connect</button>
        <span className="am-muted">The scorer must allow this app: TOURNEY_CORS_ORIGINS={globalThis.location?.origin}</span>
      </div>
      {error && <div className="am-error" role="alert" data-testid="monitor-connect-error">{error}</div>}
      <nav className="mo-tabs" data-testid="monitor-tabs">
        <button type="button" className={tab.kind === 'logs' ? 'mo-on' : ''} onClick={() => setTab({ kind: 'logs' })} data-testid="monitor-tab-logs">Prediction logs</button>
        {connections.map((c) => (
          <span key={c.id} className={`mo-tab ${tab.kind === 'scorer' && tab.id === c.id ? 'mo-on' : ''}`}>
            <button type="button" onClick={() => setTab({ kind: 'scorer', id: c.id })} data-testid="monitor-tab-scorer" data-url={c.base}>{names[c.id] ?? c.base}</button>
            <button type="button" className="mo-close" title="Disconnect" onClick={() => disconnect(c.id)} data-testid="monitor-disconnect">×</button>
          </span>
        ))}
      </nav>
      <LogSource target={target} visible={tab.kind === 'logs'} />
      {connections.map((c) => <ScorerSource key={c.id} connection={c} visible={tab.kind === 'scorer' && tab.id === c.id} onName={onName} />)}
    </section>
  );
}
