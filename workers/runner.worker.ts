// The code-cell runner: a Web Worker running one RunnerSession. Interrupting sets a shared flag
// that the cell's loop guards read (the variables stay); only when the cell does not stop is this
// worker terminated, so everything here is disposable state; the
// tables stay in the data worker and come over `connect`'s port, worker to worker.
import { expose } from 'comlink';
import { requestTables } from './data-port';
import type { RunnerApi, RunnerOutputMessage } from './runner/api';
import { RunnerSession } from './runner/session';

let dataPort: MessagePort | null = null;

const session = new RunnerSession(
  (cellId, output) => {
    const message: RunnerOutputMessage = { type: 'tourney:runner-output', cellId, output };
    (self as unknown as Worker).postMessage(message);
  },
  (names) => {
    if (!dataPort) return Promise.reject(new Error('the kernel is not connected to the data worker'));
    return requestTables(dataPort, names);
  },
);

const api: RunnerApi = {
  connect(port, interruptFlag) {
    dataPort = port;
    session.setInterruptFlag(interruptFlag ?? null);
  },
  execute: (request) => session.execute(request),
  chartData: (request) => session.chartData(request),
};

// Errors from code that outlives its cell (timers, unawaited promises) would otherwise vanish
// or kill nothing visibly: they are printed on the cell that ran last.
self.addEventListener('error', (event) => {
  event.preventDefault();
  session.reportUncaught(event.error ?? event.message);
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  session.reportUncaught(event.reason);
});

expose(api);
