// `tourney export <model-dir | name[@version|alias]> --out <bundle-dir> [--registry <dir>] [--name <name>]`:
// writes the scoring microservice bundle (scorer/bundle/write-bundle.ts) for a model directory
// or a registered version (a bare name means its champion; cli/registry/resolve-model.ts).
import { writeBundleFiles } from '../../scorer/bundle/write-bundle';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';
import { resolveModel } from '../registry/resolve-model';

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['out', 'name', 'registry']);
  if (args.positionals.length !== 1) throw new UsageError('export needs one model: tourney export <model-dir | name[@version|alias]> --out <bundle-dir>');
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('export needs --out <bundle-dir>');
  const resolved = await resolveModel(args.positionals[0], stringFlag(args, 'registry'));
  const name = stringFlag(args, 'name') ?? resolved.name;
  const result = await writeBundleFiles(resolved.files, out, { name: name ?? basenameOf(resolved.source), ...(resolved.registry ? { registry: resolved.registry } : {}) }, resolved.source);
  const from = resolved.registry ? ` from ${resolved.registry.model} v${resolved.registry.version}${resolved.registry.alias ? ` (@${resolved.registry.alias})` : ''}` : '';
  process.stderr.write(`wrote ${result.files.length} files to ${out} (${result.name} ${result.version}${from}); run: cd ${out} && npm install && npm start\n`);
  return 0;
}

function basenameOf(path: string): string {
  return path.replace(/[/\\]+$/, '').split(/[/\\]/).pop() || 'model';
}
