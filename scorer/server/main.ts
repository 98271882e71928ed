// Entry of the bundle's server.js (esbuild bundles this file with the kernels it uses):
//   node server.js [--port 8080] [--host 127.0.0.1] [--model-dir <dir>]
// The model files sit next to server.js unless --model-dir or TOURNEY_MODEL_DIR says otherwise; a
// plain model directory (no bundle.json) is exported to ONNX in memory, as `tourney serve` does.
// Startup problems print one `error: …` line: exit 2 for configuration, 1 for model files.
import { basename, dirname, resolve } from 'node:path';
import { withModelOnnx } from '../model-onnx';
import { StartupError } from './app';
import { readModelDirFiles } from './read-model-dir';
import { ConfigError, optionsFromEnv, runScorer } from './run';

function flags(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(port|host|model-dir)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new ConfigError(`unknown argument "${argv[i]}" (usage: node server.js [--port 8080] [--host 127.0.0.1] [--model-dir <dir>])`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

async function main(): Promise<number> {
  try {
    const f = flags(process.argv.slice(2));
    const env = optionsFromEnv(process.env);
    const dir = resolve(f['model-dir'] ?? process.env.TOURNEY_MODEL_DIR ?? dirname(process.argv[1]));
    const port = f.port !== undefined ? Number(f.port) : env.port ?? 8080;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0…65535, got "${f.port}"`);
    await runScorer({ ...env, files: withModelOnnx(readModelDirFiles(dir), dir), name: basename(dir), source: dir, host: f.host ?? env.host, port });
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
    return err instanceof StartupError || err instanceof ConfigError ? 2 : 1;
  }
}

void main().then((code) => process.exit(code));
