// `tourney serve <bundle-or-model-dir | name[@version|alias]> [--port 8080] [--host 127.0.0.1] [--registry <dir>]`:
// the scorer's server, in-process, straight from a model directory, an exported bundle (both hold
// the model files at the top) or a registered version (a bare name means its champion). Same
// environment variables as the bundle (TOURNEY_API_KEY, …); SIGTERM drains and exits 0. A model directory's
// model is exported to ONNX in memory first, so it scores through onnxruntime-node exactly as its bundle would.
import { basename, resolve } from 'node:path';
import { withModelOnnx } from '../../scorer/model-onnx';
import { StartupError } from '../../scorer/server/app';
import { optionsFromEnv, runScorer } from '../../scorer/server/run';
import { checkFlags, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { resolveModel } from '../registry/resolve-model';
import { releaseSignalHandlers } from '../signals';

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['port', 'host', 'registry']);
  if (args.positionals.length !== 1) throw new UsageError('serve needs one model: tourney serve <bundle-or-model-dir | name[@version|alias]> [--port 8080] [--host 127.0.0.1]');
  const port = numberFlag(args, 'port');
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0…65535, got ${port}`);
  const env = optionsFromEnv(process.env);
  const model = await resolveModel(args.positionals[0], stringFlag(args, 'registry'));
  // The server drains in-flight requests on SIGTERM/SIGINT and exits 0: the CLI's stop-at-once
  // handlers (130/143, for commands that write files) must not pre-empt it.
  releaseSignalHandlers();
  try {
    await runScorer({ ...env, files: withModelOnnx(model.files, model.source), name: model.name ?? basename(resolve(model.source)), source: model.source, host: stringFlag(args, 'host') ?? env.host, port: port ?? env.port ?? 8080 });
  } catch (err) {
    // A refusal to start (bind without a key, port in use) is a configuration error: exit 2, one line.
    if (err instanceof StartupError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return 0;
}
