// Entry of a fleet bundle's server.js (esbuild bundles this file with the kernels it uses):
//   node server.js [--port 8080] [--host 127.0.0.1] [--fleet-dir <dir>]
// The tenants sit next to server.js (tenants.json + tenants/) unless --fleet-dir or
// TOURNEY_FLEET_DIR names another fleet bundle, registry folder or fleet directory.
// Startup problems print one `error: …` line: exit 2 for configuration, 1 for model files.
import { dirname, resolve } from 'node:path';
import { runEntry, serverFlags, serverPort } from '../server/entry';
import { fleetOptionsFromEnv, runFleetScorer } from './run';
import { openTenantCatalog } from './tenant-catalog';

runEntry(async () => {
  const f = serverFlags(process.argv.slice(2), 'fleet-dir');
  const env = fleetOptionsFromEnv(process.env);
  const port = serverPort(f.port, env.port);
  const catalog = await openTenantCatalog(resolve(f['fleet-dir'] ?? process.env.TOURNEY_FLEET_DIR ?? dirname(process.argv[1])));
  await runFleetScorer({ ...env, catalog, host: f.host ?? env.host, port });
});
