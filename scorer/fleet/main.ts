// Entry of a fleet bundle's server.js (esbuild bundles this file with the kernels it uses):
//   node server.js [--port 8080] [--host 127.0.0.1] [--fleet-dir <dir>]
// The tenants sit next to server.js (tenants.json + tenants/) unless --fleet-dir or
// TOURNEY_FLEET_DIR names another fleet bundle, registry folder or fleet directory.
// Startup problems print one `error: …` line: exit 2 for configuration, 1 for model files.
import { dirname, resolve } from 'node:path';
import { StartupError } from '../server/app';
import { ConfigError } from '../server/run';
import { fleetOptionsFromEnv, runFleetScorer } from './run';
import { openTenantCatalog } from './tenant-catalog';

const USAGE = 'usage: node server.js [--port 8080] [--host 127.0.0.1] [--fleet-dir <dir>]';

function flags(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(port|host|fleet-dir)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new ConfigError(`unknown argument "${argv[i]}" (${USAGE})`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

async function main(): Promise<number> {
  try {
    const f = flags(process.argv.slice(2));
    const env = fleetOptionsFromEnv(process.env);
    const port = f.port !== undefined ? Number(f.port) : env.port ?? 8080;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0…65535, got "${f.port}"`);
    const catalog = await openTenantCatalog(resolve(f['fleet-dir'] ?? process.env.TOURNEY_FLEET_DIR ?? dirname(process.argv[1])));
    await runFleetScorer({ ...env, catalog, host: f.host ?? env.host, port });
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
    return err instanceof StartupError || err instanceof ConfigError ? 2 : 1;
  }
}

void main().then((code) => process.exit(code));
