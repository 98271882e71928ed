import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixedDir, withFile } from '../../kernels/modeldir/test-dirs';
import { modelDirFromZip, modelDirZip, modelNameFrom, stripCommonFolder } from './interchange';

const zipOf = (files: Map<string, Uint8Array>, folder = '') => zipSync(Object.fromEntries([...files].map(([n, b]) => [`${folder}${n}`, b])));

describe('model directory interchange', () => {
  const dir = fixedDir('linear');

  it('reads a zipped model directory with or without its folder, byte for byte, and writes it back the same', () => {
    expect(modelDirFromZip(zipOf(dir), 'm.zip')).toEqual(dir);
    expect(modelDirFromZip(zipOf(dir, 'churn/'), 'm.zip')).toEqual(dir);
    expect(modelDirFromZip(modelDirZip(dir), 'm.zip')).toEqual(dir);
    expect(modelDirZip(dir)).toEqual(modelDirZip(new Map([...dir].reverse())));
  });

  it('refuses a corrupt or missing file naming it, and a file that is not a zip', () => {
    const model = new TextDecoder().decode(dir.get('model.json')!);
    expect(() => modelDirFromZip(zipOf(withFile(dir, 'model.json', model.replace(/[0-9]/, (d) => String((Number(d) + 1) % 10)))), 'bad.zip')).toThrow(/bad\.zip\/model\.json/);
    expect(() => modelDirFromZip(zipOf(withFile(dir, 'pipeline.json', undefined)), 'bad.zip')).toThrow(/pipeline\.json/);
    expect(() => modelDirFromZip(new TextEncoder().encode('not a zip'), 'x.zip')).toThrow(/x\.zip is not a readable zip/);
  });

  it('strips only a folder every path shares', () => {
    expect([...stripCommonFolder(new Map([['a/x', new Uint8Array()], ['a/y/z', new Uint8Array()]])).keys()]).toEqual(['x', 'y/z']);
    expect([...stripCommonFolder(new Map([['a/x', new Uint8Array()], ['b', new Uint8Array()]])).keys()]).toEqual(['a/x', 'b']);
  });

  it('turns a table or file name into a model name the registry accepts', () => {
    expect(modelNameFrom('leads')).toBe('leads');
    expect(modelNameFrom('leads 2024.csv')).toBe('leads-2024');
    expect(modelNameFrom('  ')).toBe('model');
  });
});
