// Types for scripts/build-cli.js (plain Node ESM, run by cli/bin/tourney.js and `npm run build:cli`).
export const CLI_DIST: string;
export function freshCliBuild(root?: string): string | null;
export function buildCli(options?: { root?: string }): Promise<string>;
