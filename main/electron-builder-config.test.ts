import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron), so check its config the way it
// would: parsed with its YAML reader and validated against its own JSON schema.
const ROOT = join(__dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
  validateSchema(schema: unknown, data: unknown, options: { name: string }): void;
};
const scheme = require('app-builder-lib/scheme.json') as unknown;

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's schema", () => {
    expect(() => validateSchema(scheme, config, { name: 'electron-builder' })).not.toThrow();
    expect(() => validateSchema(scheme, { ...config, unknownOption: true }, { name: 'electron-builder' })).toThrow();
  });

  it('names the app and its targets', () => {
    expect(config.productName).toBe('Tourney');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('ships the entry package.json names and the bundles, no sources or node_modules', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(config.files).toContain(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/renderer/**/*', '!node_modules/**/*']));
    expect(config.files.some((f) => /^(renderer|kernels|workers|main)\/\*\*/.test(f))).toBe(false);
  });

  it('finds electron where it accepts it: in devDependencies, not dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies?.electron).toMatch(/^\^45(\.|$)/);
  });

  it('locks the Electron binary to this app', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});
