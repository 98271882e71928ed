// `tourney serve <bundle-or-model-dir> [--port 8080] [--host 127.0.0.1]`: the scorer's server,
// in-process, straight from a model directory or an exported bundle (both hold the model files at
// the top). A model directory's model is exported to ONNX in memory first, so it scores through
// onnxruntime-node exactly as its exported bundle would. Same environment variables as the bundle (TOURNEY_API_KEY, …); SIGTERM drains and exits 0.
import { basename, resolve } from 'node:path';
import { withModelOnnx } from '../../scorer/model-onnx';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
import { optionsFromEnv, runScorer } from '../../scorer/server/run';
import { StartupError } from '../../scorer/server/app';
import { checkFlags, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { checkNotRegistryRef } from './export';

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['port', 'host']);
  if (args.positionals.length !== 1) throw new UsageError('serve needs one bundle or model directory: tourney serve <dir> [--port 8080] [--host 127.0.0.1]');
  const [dir] = args.positionals;
  checkNotRegistryRef(dir);
  const port = numberFlag(args, 'port');
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0…65535, got ${port}`);
  const env = optionsFromEnv(process.env);
  const files = withModelOnnx(readModelDirFiles(dir));
  try {
    await runScorer({ ...env, files, name: basename(resolve(dir)), host: stringFlag(args, 'host') ?? env.host, port: port ?? env.port ?? 8080 });
  } catch (err) {
    if (err instanceof StartupError) throw new UsageError(err.message);
    throw err;
  }
  return 0;
}
