// `tourney export <model-dir> --out <bundle-dir>`: writes the scoring microservice bundle
// (scorer/bundle/write-bundle.ts). `name@alias` registry references belong to the registry issue.
import { existsSync } from 'node:fs';
import { writeBundle } from '../../scorer/bundle/write-bundle';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';

/** `name@alias` / `name@3` when no such directory exists: a registry reference. */
export function checkNotRegistryRef(ref: string): void {
  if (/^[^/\\]+@[^/\\]+$/.test(ref) && !existsSync(ref)) throw new Error(`${ref}: registry not available yet; give a model directory`);
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['out', 'name']);
  if (args.positionals.length !== 1) throw new UsageError('export needs one model directory: tourney export <model-dir> --out <bundle-dir>');
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('export needs --out <bundle-dir>');
  const [modelDir] = args.positionals;
  checkNotRegistryRef(modelDir);
  const name = stringFlag(args, 'name');
  const result = await writeBundle(modelDir, out, name ? { name } : {});
  process.stderr.write(`wrote ${result.files.length} files to ${out} (${result.name} ${result.version}); run: cd ${out} && npm install && npm start\n`);
  return 0;
}
