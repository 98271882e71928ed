// `tourney serve <bundle-or-model-dir | name[@version|alias]> [--port 8080] [--host 127.0.0.1] [--registry <dir>]`:
// the scorer's server, in-process, straight from a model directory, an exported bundle (both hold
// the model files at the top) or a registered version (a bare name means its champion). Same
// environment variables as the bundle (TOURNEY_API_KEY, …); SIGTERM drains and exits 0. A model directory's
// model is exported to ONNX in memory first, so it scores through onnxruntime-node exactly as its bundle would.
// `tourney serve <registry | fleet-dir | fleet-bundle> [--cache-models 100] [--cache-bytes 512MB]` serves
// every tenant's champion from one process (scorer/fleet): POST /v1/tenants/{tenant}/predict.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { withModelOnnx } from '../../scorer/model-onnx';
import { runFleetScorer, fleetOptionsFromEnv, parseByteSize } from '../../scorer/fleet/run';
import { multiModelKind, openTenantCatalog } from '../../scorer/fleet/tenant-catalog';
import { StartupError } from '../../scorer/server/app';
import { ConfigError, optionsFromEnv, runScorer } from '../../scorer/server/run';
import { checkFlags, integerFlag, numberFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from '../args';
import { resolveModel } from '../registry/resolve-model';
import { releaseSignalHandlers } from '../signals';

const FLEET_FLAGS = ['cache-models', 'cache-bytes', 'top-tenants', 'refresh-seconds'];

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['port', 'host', 'registry', ...FLEET_FLAGS]);
  if (args.positionals.length !== 1) throw new UsageError('serve needs one model: tourney serve <bundle-or-model-dir | name[@version|alias] | registry-or-fleet-dir> [--port 8080] [--host 127.0.0.1]');
  const port = numberFlag(args, 'port');
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0…65535, got ${port}`);
  const target = args.positionals[0];
  const fleet = existsSync(target) && multiModelKind(target) !== null;
  if (!fleet) {
    const given = FLEET_FLAGS.find((f) => args.flags.has(f));
    if (given) throw new UsageError(`--${given} applies to a registry or fleet directory (many models); ${target} is one model`);
  }
  try {
    if (fleet) return await serveFleet(target, args, port);
    const env = optionsFromEnv(process.env);
    const model = await resolveModel(target, stringFlag(args, 'registry'));
    // The server drains in-flight requests on SIGTERM/SIGINT and exits 0: the CLI's stop-at-once
    // handlers (130/143, for commands that write files) must not pre-empt it.
    releaseSignalHandlers();
    await runScorer({ ...env, files: withModelOnnx(model.files, model.source), name: model.name ?? basename(resolve(model.source)), source: model.source, host: stringFlag(args, 'host') ?? env.host, port: port ?? env.port ?? 8080 });
  } catch (err) {
    // A refusal to start (bind without a key, port in use) is a configuration error: exit 2, one line.
    if (err instanceof StartupError || err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return 0;
}

/** Every tenant of a registry, fleet directory or fleet bundle, from one multi-model server. */
async function serveFleet(dir: string, args: ParsedArgs, port: number | undefined): Promise<number> {
  if (args.flags.has('registry')) throw new UsageError(`${dir} is a folder: --registry applies to name[@version|alias] only`);
  const env = fleetOptionsFromEnv(process.env);
  const maxModels = integerFlag(args, 'cache-models', 1);
  const bytes = stringFlag(args, 'cache-bytes');
  const topTenants = integerFlag(args, 'top-tenants', 1);
  const refreshSeconds = numberFlag(args, 'refresh-seconds');
  if (refreshSeconds !== undefined && refreshSeconds < 0) throw new UsageError(`--refresh-seconds must be ≥ 0, got ${refreshSeconds}`);
  let maxBytes: number | undefined;
  try {
    maxBytes = bytes === undefined ? undefined : parseByteSize(bytes, '--cache-bytes');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const catalog = await openTenantCatalog(dir);
  releaseSignalHandlers();
  await runFleetScorer({
    ...env,
    catalog,
    host: stringFlag(args, 'host') ?? env.host,
    port: port ?? env.port ?? 8080,
    cache: { ...env.cache, ...(maxModels ? { maxModels } : {}), ...(maxBytes ? { maxBytes } : {}) },
    ...(topTenants ? { topTenants } : {}),
    ...(refreshSeconds !== undefined ? { refreshSeconds } : {}),
  });
  return 0;
}
