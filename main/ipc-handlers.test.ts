import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from './ipc-contract';
import { createFileServices } from './file-services';
import { GrantedPaths, IpcInputError, createIpcHandlers, validateBundleFiles, type HostServices } from './ipc-handlers';

const APP = { url: 'app://tourney/index.html' };

let dir: string;
let dialogAnswer: string | null;
let dialogCalls: unknown[];

function setup(overrides: Partial<HostServices> = {}) {
  const host: HostServices = {
    ...createFileServices(),
    showOpenDialog: async (options) => { dialogCalls.push(options); return dialogAnswer; },
    showSaveDialog: async (options) => { dialogCalls.push(options); return dialogAnswer; },
    showFolderDialog: async (options) => { dialogCalls.push(options); return dialogAnswer; },
    ...overrides,
  };
  const persisted: string[][] = [];
  const granted = new GrantedPaths([], (paths) => persisted.push(paths));
  return { handlers: createIpcHandlers(host, granted), granted, persisted };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tourney-ipc-'));
  dialogAnswer = null;
  dialogCalls = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDataFile', () => {
  it('returns name, path and bytes of the chosen file and grants it for readFile', async () => {
    const path = join(dir, 'Leads.CSV');
    writeFileSync(path, 'a,b\n1,2\n');
    dialogAnswer = path;
    const { handlers, granted, persisted } = setup();
    const opened = await handlers.openDataFile(APP);
    expect(opened?.name).toBe('Leads.CSV');
    expect(opened?.path).toBe(path);
    expect(new TextDecoder().decode(opened!.bytes)).toBe('a,b\n1,2\n');
    expect(granted.has(path)).toBe(true);
    expect(persisted).toEqual([[path]]);
    expect(new TextDecoder().decode(await handlers.readFile(APP, path))).toBe('a,b\n1,2\n');
  });

  it('returns null when the dialog is cancelled', async () => {
    expect(await setup().handlers.openDataFile(APP)).toBeNull();
  });

  it('rejects arguments, untrusted senders, unknown extensions and oversize files', async () => {
    const { handlers } = setup({ fileSize: async () => LIMITS.dataFileBytes + 1 });
    await expect(handlers.openDataFile(APP, '/etc/passwd')).rejects.toThrow('openDataFile: expected 0 arguments, got 1');
    await expect(handlers.openDataFile({ url: 'https://evil.example/' })).rejects.toThrow('not the app');
    await expect(handlers.openDataFile({ url: 'app://tourney.evil/x' })).rejects.toThrow(IpcInputError);
    dialogAnswer = join(dir, 'program.exe');
    await expect(handlers.openDataFile(APP)).rejects.toThrow('program.exe has extension .exe; expected one of .csv');
    dialogAnswer = join(dir, 'big.parquet');
    await expect(handlers.openDataFile(APP)).rejects.toThrow('big.parquet is too large');
  });

  it('names a missing file', async () => {
    dialogAnswer = join(dir, 'gone.csv');
    await expect(setup().handlers.openDataFile(APP)).rejects.toThrow(/cannot read .*gone\.csv/);
  });
});

describe('openNotebook', () => {
  it('reads an .ipynb as text', async () => {
    const path = join(dir, 'demo.ipynb');
    writeFileSync(path, '{"cells": [], "x": "é"}');
    dialogAnswer = path;
    const opened = await setup().handlers.openNotebook(APP);
    expect(opened).toEqual({ name: 'demo.ipynb', path, text: '{"cells": [], "x": "é"}' });
  });

  it('rejects other extensions and text that is not UTF-8', async () => {
    const { handlers } = setup();
    dialogAnswer = join(dir, 'notes.txt');
    writeFileSync(dialogAnswer, 'x');
    await expect(handlers.openNotebook(APP)).rejects.toThrow('expected one of .ipynb');
    dialogAnswer = join(dir, 'bad.ipynb');
    writeFileSync(dialogAnswer, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    await expect(handlers.openNotebook(APP)).rejects.toThrow('bad.ipynb is not UTF-8 text');
  });
});

describe('saveNotebook', () => {
  it('proposes the name with .ipynb and writes the text where the user chose', async () => {
    dialogAnswer = join(dir, 'mine');
    const { handlers, granted } = setup();
    const saved = await handlers.saveNotebook(APP, 'Lead scoring', '{"cells":[]}');
    expect(dialogCalls[0]).toMatchObject({ defaultName: 'Lead scoring.ipynb' });
    expect(saved).toEqual({ name: 'mine.ipynb', path: join(dir, 'mine.ipynb') });
    expect(readFileSync(join(dir, 'mine.ipynb'), 'utf8')).toBe('{"cells":[]}');
    expect(granted.has(join(dir, 'mine.ipynb'))).toBe(true);
  });

  it('writes nothing when cancelled', async () => {
    expect(await setup().handlers.saveNotebook(APP, 'a.ipynb', '{}')).toBeNull();
  });

  it('rejects wrong types, path-like names and oversize text before showing a dialog', async () => {
    const { handlers } = setup();
    await expect(handlers.saveNotebook(APP, 42, '{}')).rejects.toThrow('saveNotebook: name must be a string (got number)');
    await expect(handlers.saveNotebook(APP, 'a', { cells: [] })).rejects.toThrow('text must be a string (got object)');
    await expect(handlers.saveNotebook(APP, '../../etc/x', '{}')).rejects.toThrow('is not a plain file name');
    await expect(handlers.saveNotebook(APP, 'C:\\x', '{}')).rejects.toThrow('is not a plain file name');
    await expect(handlers.saveNotebook(APP, '   ', '{}')).rejects.toThrow('name is empty');
    await expect(handlers.saveNotebook(APP, 'x'.repeat(201), '{}')).rejects.toThrow('name is too long (201 characters, at most 200)');
    await expect(handlers.saveNotebook(APP, 'a')).rejects.toThrow('expected 2 arguments, got 1');
    await expect(handlers.saveNotebook(APP, 'a', 'x'.repeat(LIMITS.notebookBytes + 1))).rejects.toThrow('text is too long');
    expect(dialogCalls).toEqual([]);
  });
});

describe('readFile', () => {
  it('refuses paths that never came from a dialog', async () => {
    const path = join(dir, 'secret.csv');
    writeFileSync(path, 'x');
    const { handlers, granted } = setup();
    await expect(handlers.readFile(APP, path)).rejects.toThrow('was not opened through a dialog');
    await expect(handlers.readFile(APP, 'relative.csv')).rejects.toThrow('was not opened through a dialog');
    granted.add(path);
    await expect(handlers.readFile(APP, `${dir}/../${dir.split('/').pop()}/secret.csv`)).rejects.toThrow('was not opened through a dialog');
    await expect(handlers.readFile(APP, 7)).rejects.toThrow('path must be a string (got number)');
    await expect(handlers.readFile({ url: 'file:///x.html' }, path)).rejects.toThrow('not the app');
    expect(new TextDecoder().decode(await handlers.readFile(APP, path))).toBe('x');
  });

  it('re-checks the extension of a granted path', async () => {
    const { handlers, granted } = setup();
    granted.add('/etc/shadow');
    await expect(handlers.readFile(APP, '/etc/shadow')).rejects.toThrow('shadow has no extension');
  });
});

describe('saveBundle', () => {
  const files = [
    { path: 'Dockerfile', data: 'FROM node:20\n' },
    { path: 'model/model.onnx', data: new Uint8Array([1, 2, 3]) },
  ];

  it('creates the folder inside the chosen one and writes every file', async () => {
    dialogAnswer = dir;
    const saved = await setup().handlers.saveBundle(APP, 'lead-scorer', files);
    expect(saved).toEqual({ name: 'lead-scorer', path: join(dir, 'lead-scorer') });
    expect(readFileSync(join(dir, 'lead-scorer', 'Dockerfile'), 'utf8')).toBe('FROM node:20\n');
    expect([...readFileSync(join(dir, 'lead-scorer', 'model', 'model.onnx'))]).toEqual([1, 2, 3]);
  });

  it('refuses to write into a non-empty folder', async () => {
    dialogAnswer = dir;
    mkdirSync(join(dir, 'lead-scorer'));
    writeFileSync(join(dir, 'lead-scorer', 'keep.txt'), 'mine');
    await expect(setup().handlers.saveBundle(APP, 'lead-scorer', files)).rejects.toThrow('already exists and is not empty');
    expect(existsSync(join(dir, 'lead-scorer', 'Dockerfile'))).toBe(false);
  });

  it('rejects escaping, absolute, duplicate and mistyped entries', () => {
    const bad = (entries: unknown) => () => validateBundleFiles('saveBundle', entries);
    expect(bad([{ path: '../x', data: '' }])).toThrow('must be a relative path');
    expect(bad([{ path: 'a/../../x', data: '' }])).toThrow('must be a relative path');
    expect(bad([{ path: '/etc/x', data: '' }])).toThrow('must be a relative path');
    expect(bad([{ path: 'a\\b', data: '' }])).toThrow('must be a relative path');
    expect(bad([{ path: 'a', data: '' }, { path: 'A', data: '' }])).toThrow('files[1].path "A" appears twice');
    expect(bad([{ path: 'a', data: 3 }])).toThrow('files[0].data must be a string or Uint8Array (got number)');
    expect(bad('nope')).toThrow('files must be an array (got string)');
    expect(bad([])).toThrow('files is empty');
    expect(bad([null])).toThrow('files[0] must be an object');
    expect(bad(Array.from({ length: LIMITS.bundleFiles + 1 }, (_, i) => ({ path: `f${i}`, data: '' })))).toThrow('too many files');
  });

  it('rejects a bundle over the size limit', () => {
    const big = new Uint8Array(LIMITS.bundleBytes / 2 + 1);
    expect(() => validateBundleFiles('saveBundle', [{ path: 'a', data: big }, { path: 'b', data: big }])).toThrow('the bundle is too large');
  });
});

describe('GrantedPaths', () => {
  it('keeps the most recent paths first, bounded, and drops junk it was loaded with', () => {
    const granted = new GrantedPaths(['/a.csv', 'relative.csv', 42, '/b.csv']);
    expect(granted.list()).toEqual(['/a.csv', '/b.csv']);
    granted.add('/b.csv');
    expect(granted.list()).toEqual(['/b.csv', '/a.csv']);
    for (let i = 0; i < LIMITS.grantedPaths + 5; i++) granted.add(`/f${i}.csv`);
    expect(granted.list()).toHaveLength(LIMITS.grantedPaths);
    expect(granted.has('/a.csv')).toBe(false);
  });
});
