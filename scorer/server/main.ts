// Entry of the bundle's server.js (esbuild bundles this file with the kernels it uses):
//   node server.js [--port 8080] [--host 127.0.0.1] [--model-dir <dir>]
// The model files sit next to server.js unless --model-dir or TOURNEY_MODEL_DIR says otherwise; a
// plain model directory (no bundle.json) is exported to ONNX in memory, as `tourney serve` does.
// Startup problems print one `error: …` line: exit 2 for configuration, 1 for model files.
import { basename, dirname, resolve } from 'node:path';
import { withModelOnnx } from '../model-onnx';
import { runEntry, serverFlags, serverPort } from './entry';
import { readModelDirFiles } from './read-model-dir';
import { optionsFromEnv, runScorer } from './run';

runEntry(async () => {
  const f = serverFlags(process.argv.slice(2), 'model-dir');
  const env = optionsFromEnv(process.env);
  const dir = resolve(f['model-dir'] ?? process.env.TOURNEY_MODEL_DIR ?? dirname(process.argv[1]));
  const port = serverPort(f.port, env.port);
  await runScorer({ ...env, files: withModelOnnx(readModelDirFiles(dir), dir), name: basename(dir), source: dir, host: f.host ?? env.host, port });
});
