// Every command in cli/main.ts's table has a help page, and `tourney <command> --help` prints it
// through the real binary (a command added without one used to crash on `commandHelp(name)!`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './faults/run-cli';
import { commandHelp, COMMANDS, formatCommandHelp, formatOverview } from './help';
import { COMMAND_NAMES } from './main';

const dir = mkdtempSync(join(tmpdir(), 'tourney-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help pages', () => {
  it('one page per command of the command table, no page for a command that does not exist', () => {
    expect(COMMANDS.map((c) => c.name).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) {
      const page = formatCommandHelp(commandHelp(name)!);
      expect(page).toMatch(new RegExp(`^tourney ${name}: `));
      expect(page).toContain(`usage: tourney ${name}`);
      for (const line of page.split('\n')) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(100);
      expect(formatOverview()).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    }
  });

  it('train --help documents --register and --registry; export and serve document registry names', () => {
    const flags = (name: string) => commandHelp(name)!.options.map((o) => o.flag);
    expect(flags('train')).toEqual(expect.arrayContaining(['register', 'registry']));
    for (const name of ['export', 'serve']) {
      expect(flags(name)).toContain('registry');
      expect(commandHelp(name)!.usage).toContain('name[@version|alias]');
    }
  });

  it('`tourney <command> --help` exits 0 with the page on stdout for every command (real binary)', async () => {
    const runs = await Promise.all(COMMAND_NAMES.map((name) => runCli([name, '--help'], dir)));
    COMMAND_NAMES.forEach((name, i) => {
      expect({ name, code: runs[i].code, stderr: runs[i].stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) }).toEqual({ name, code: 0, stderr: [] });
      expect(runs[i].stdout).toBe(formatCommandHelp(commandHelp(name)!));
    });
  }, 60_000);
});
