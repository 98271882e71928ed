// Runs the multi-model scorer as a process (the fleet bundle's server.js and `tourney serve
// <registry | fleet-dir>`): the single scorer's environment variables, plus the cache's.
import { optionsFromEnv, ConfigError, serveUntilSignal } from '../server/run';
import { startFleetScorer, type FleetScorerOptions } from './fleet-app';

/** `512MB`, `1.5GiB`, `800k` or plain bytes → bytes; throws ConfigError naming `what`. */
export function parseByteSize(text: string, what: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  const unit = (m?.[2] ?? 'b').toLowerCase()[0];
  const bytes = m ? Math.floor(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]) : NaN;
  if (!(bytes >= 1)) throw new ConfigError(`${what} must be a size such as 512MB or 2GB, got "${text}"`);
  return bytes;
}

/** The fleet's options from the environment: the single scorer's variables, TOURNEY_CACHE_MODELS, TOURNEY_CACHE_BYTES, TOURNEY_TOP_TENANTS, TOURNEY_CATALOG_REFRESH_SECONDS. */
export function fleetOptionsFromEnv(env: NodeJS.ProcessEnv): Omit<FleetScorerOptions, 'catalog'> {
  const { predictionLog: _log, monitoring: _monitoring, ...common } = optionsFromEnv(env);
  const whole = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a whole number ≥ 1, got "${v}"`);
    return n;
  };
  const maxModels = whole('TOURNEY_CACHE_MODELS');
  const maxBytes = env.TOURNEY_CACHE_BYTES ? parseByteSize(env.TOURNEY_CACHE_BYTES, 'TOURNEY_CACHE_BYTES') : undefined;
  const topTenants = whole('TOURNEY_TOP_TENANTS');
  const refresh = env.TOURNEY_CATALOG_REFRESH_SECONDS;
  if (refresh !== undefined && refresh !== '' && !(Number(refresh) >= 0)) throw new ConfigError(`TOURNEY_CATALOG_REFRESH_SECONDS must be a number of seconds ≥ 0, got "${refresh}"`);
  return {
    ...common,
    cache: { ...(maxModels ? { maxModels } : {}), ...(maxBytes ? { maxBytes } : {}) },
    ...(topTenants ? { topTenants } : {}),
    ...(refresh ? { refreshSeconds: Number(refresh) } : {}),
  };
}

/** Starts the multi-model scorer and resolves when it has drained after SIGTERM/SIGINT. */
export async function runFleetScorer(options: FleetScorerOptions): Promise<void> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FleetScorerOptions;
  const scorer = await startFleetScorer(defined);
  await serveUntilSignal(scorer, {
    url: scorer.url, tenants: scorer.catalog.tenants.size, source: scorer.catalog.root,
    cache: scorer.cache.limits,
  });
}
