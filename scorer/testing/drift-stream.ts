// Test helper: the monitoring simulation's stream against a real scorer. Training rows, ten per
// request (request ids s<i>, so labels can join the prediction log), stable until told to drift;
// drifting puts the named numeric columns in their top 30 % (inside the training range), and
// stop ends it. Shared by the Prometheus simulation and the app's Monitor e2e.

export type StreamMode = 'stable' | 'drift' | 'stop';
type Row = Record<string, unknown>;

export interface DriftStream {
  mode: StreamMode;
  /** Rows the scorer answered so far. */
  readonly sent: number;
  /** Resolves when the stream has stopped; rejects with the scorer's answer if one was not 200. */
  readonly done: Promise<void>;
}

export function driftStream(url: string, rows: Row[], drifted: string[]): DriftStream {
  const high = Object.fromEntries(drifted.map((name) => {
    const values = rows.map((r) => r[name]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    return [name, values.slice(Math.floor(values.length * 0.7))];
  }));
  const state = { mode: 'stable' as StreamMode, sent: 0 };
  const done = (async () => {
    for (let i = 0; state.mode !== 'stop'; i++) {
      const batch = Array.from({ length: 10 }, (_, k) => {
        const row = { ...rows[(i * 10 + k) % rows.length] };
        if (state.mode === 'drift') for (const name of drifted) row[name] = high[name][(i * 7 + k * 13) % high[name].length];
        return row;
      });
      const r = await fetch(`${url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': `s${i}` }, body: JSON.stringify({ rows: batch }) });
      if (r.status !== 200) throw new Error(`the scorer answered ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
      state.sent += batch.length;
      await new Promise((res) => setTimeout(res, 20)); // pacing of the stream, not synchronisation
    }
  })();
  done.catch(() => { state.mode = 'stop'; }); // the error surfaces where `done` is awaited
  return {
    get mode() { return state.mode; },
    set mode(m: StreamMode) { state.mode = m; },
    get sent() { return state.sent; },
    done,
  };
}
