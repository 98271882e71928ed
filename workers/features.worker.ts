// The feature-engineering worker behind the Features view: reads tables from the data worker
// over a port (worker to worker) and fits the feature pipeline off the main thread.
import { expose } from 'comlink';
import { requestTables } from './data-port';
import { fitFeatures, fromPortTable, type FeaturesRequest, type FeaturesResult } from './features/features-service';

let dataPort: MessagePort | null = null;

const api = {
  connect(port: MessagePort): void {
    dataPort = port;
  },
  async fit(request: FeaturesRequest): Promise<FeaturesResult> {
    if (!dataPort) throw new Error('the features worker is not connected to the data worker');
    const tables = await requestTables(dataPort, [request.table]);
    return fitFeatures(fromPortTable(request.table, tables[request.table]), request);
  },
};

export type FeaturesWorkerApi = typeof api;
expose(api);
