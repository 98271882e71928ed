import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../io/read-table';
import { fitTableToMatrix } from '../learn/table-to-matrix';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import { ModelDirError } from './errors';
import { loadModelDirFiles } from './load-model-dir';
import { MANIFEST } from './manifest';
import { editDocument, fixedDir, json, resign, text, tournamentDir, withFile, type Files } from './test-dirs';

const LABEL = '/models/m';
const table = syntheticBinaryTable(200, 5);

/** The one line the loader throws for `files`. */
function errorOf(files: Files): string {
  try {
    loadModelDirFiles(files, LABEL);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelDirError);
    const message = (err as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('the directory loaded');
}

let tournament: Files;
const fixed = { gbdt: fixedDir('gbdt'), forest: fixedDir('forest'), linear: fixedDir('linear'), bayes: fixedDir('bayes') };
beforeAll(async () => {
  tournament = await tournamentDir();
});

describe('buildModelDirFiles / loadModelDirFiles', () => {
  it('round-trips every family, a multiclass and a regression model, and a tournament, predicting identically', async () => {
    const penguins = await readTable(readFileSync('../shared/data/penguins.csv'), { fileName: 'penguins.csv' });
    const dirs: [string, Files][] = [
      ...Object.entries(fixed),
      ['multiclass', fixedDir('gbdt', penguins, 'species')],
      ['regression', fixedDir('linear', penguins, 'body_mass_g')],
      ['tournament', tournament],
    ];
    for (const [name, files] of dirs) {
      const manifest = json(files, MANIFEST) as { kind: string; files: { name: string }[] };
      expect(manifest.files.map((f) => f.name).sort(), name).toEqual([...files.keys()].filter((f) => f !== MANIFEST).sort());
      const loaded = loadModelDirFiles(files, LABEL);
      expect(loaded.kind).toBe(name === 'tournament' ? 'tournament' : 'fixed');
      const source = name === 'multiclass' || name === 'regression' ? penguins : table;
      const X = loaded.toMatrix(source);
      expect(X.featureNames).toEqual(loaded.featureNames);
      const p = loaded.predict(X);
      expect(p.length).toBe(source.rowCount * (loaded.task === 'multiclass' ? loaded.nClasses : 1));
      expect(p.every(Number.isFinite), name).toBe(true);
    }
    // The fixed GBDT predicts what the learner it was built from predicts.
    const loaded = loadModelDirFiles(fixed.gbdt, LABEL);
    const { X } = fitTableToMatrix(table, 'target');
    expect(Array.from(loaded.predict(loaded.toMatrix(table)))).toEqual(Array.from(loaded.predict(X)));
  });

  it('refuses a directory without manifest.json, or that is no model directory at all', () => {
    expect(errorOf(withFile(fixed.gbdt, MANIFEST, undefined))).toBe(`${LABEL}/meta.json: has no manifest.json beside it: the directory is incomplete or was not written by this Tourney; retrain it`);
    expect(errorOf(new Map())).toBe(`${LABEL}/meta.json: not found: ${LABEL} is not a Tourney model directory`);
  });

  it('refuses a stale, missing, truncated or edited document, naming it', () => {
    const stale = withFile(fixed.gbdt, 'tournament.json', text(tournament, 'tournament.json'));
    expect(errorOf(stale)).toBe(`${LABEL}/tournament.json: is not listed in manifest.json: a stale document from another model; retrain into an empty directory`);
    expect(errorOf(withFile(tournament, 'tournament.json', undefined))).toBe(`${LABEL}/tournament.json: listed in manifest.json but missing: the directory is incomplete; retrain it`);
    const truncated = withFile(fixed.linear, 'model.json', text(fixed.linear, 'model.json').slice(0, 100));
    expect(errorOf(truncated)).toMatch(/^\/models\/m\/model\.json: does not match manifest\.json \(100 bytes, the manifest says \d+\): it was edited, truncated or replaced/);
    const meta = text(fixed.linear, 'meta.json');
    const edited = withFile(fixed.linear, 'meta.json', meta.replace('"auroc"', '"aupr "'));
    expect(errorOf(edited)).toMatch(/^\/models\/m\/meta\.json: does not match manifest\.json \(its content differs\)/);
    // A model.json from another directory of the same kind: its hash gives it away.
    expect(errorOf(withFile(fixed.gbdt, 'model.json', fixed.forest.get('model.json')))).toMatch(/^\/models\/m\/model\.json: does not match manifest\.json/);
    // The tournament's kind needs its documents; a manifest listing a fixed model's needs is refused.
    expect(errorOf(editDocument(fixed.gbdt, MANIFEST, (m) => ({ ...m, kind: 'tournament' })))).toMatch(/manifest\.json: a tournament model directory needs tournament\.json/);
  });

  it('checks every document against its schema, naming the file and the field', () => {
    const cases: [Files, string][] = [
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.classes = null; }), 'meta.json: field "classes": expected an array of class names, got null (a binary model has classes)'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.metric = 'bogus'; }), 'meta.json: field "metric": unknown metric "bogus"'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.metric = 'rmse'; }), 'meta.json: field "metric": "rmse" does not score a binary task'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.target = 42; }), 'meta.json: field "target": expected the target column name, got 42'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.target = ''; }), 'meta.json: field "target": expected a non-empty target column name'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.classes = ['no', 'no']; }), 'meta.json: field "classes": class names must be unique'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.positiveClass = 'maybe'; }), 'meta.json: field "positiveClass": must be one of the classes (no, yes), got "maybe"'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.classes = [1, 2]; }), 'meta.json: field "classes[0]": expected a class name, got 1'],
      [editDocument(fixed.gbdt, 'meta.json', () => null), 'meta.json: expected object, got null'],
      [editDocument(fixed.gbdt, 'pipeline.json', (p) => { p.features = 'x1'; }), 'pipeline.json: field "features": expected an array of feature columns, got "x1"'],
      [editDocument(fixed.gbdt, 'pipeline.json', () => [1, 2]), 'pipeline.json: expected object, got an array of 2'],
      [editDocument(tournament, 'pipeline.json', (p) => { (p.derivations as { outputs: unknown }[])[0].outputs = null; }), 'pipeline.json: field "derivations[0].outputs": expected an array of feature names, got null'],
      [editDocument(tournament, 'tournament.json', () => null), 'tournament.json: expected object, got null'],
      [editDocument(tournament, 'tournament.json', (t) => { for (const m of t.members as { weight: number }[]) m.weight = 0; }), 'tournament.json: field "members[0].weight": a member weight must be > 0, got 0'],
      [editDocument(tournament, 'tournament.json', (t) => { t.members = []; }), 'tournament.json: field "members": a tournament model needs at least one member'],
      [editDocument(tournament, 'tournament.json', (t) => { t.calibration = { method: 'temperature', temperature: 0.5, nClasses: 3, smoothing: 1.5 }; }), 'tournament.json: field "calibration.smoothing": the smoothing must be in [0, 1), got 1.5'],
      [editDocument(tournament, 'template.json', (t) => { t.metric = 'auc'; }), 'template.json: unknown metric "auc"'],
      [editDocument(fixed.linear, 'model.json', (m) => { (m.coef as number[][])[0].pop(); }), 'model.json: field "coef[0]": has'],
      [editDocument(fixed.bayes, 'model.json', (m) => { m.logPrior = [0]; }), 'model.json: field "logPrior": has 1 entries for 2 classes'],
      [editDocument(fixed.gbdt, 'model.json', (m) => { m.family = 'svm'; }), 'model.json: field "family": expected a model of family gbdt, forest, linear or bayes, got "svm"'],
      [withFile(fixed.gbdt, MANIFEST, '{"format": 1, "kind": "fixed", "tourney": "x", "files": null}'), 'manifest.json: field "files": expected an array of {name, bytes, sha256}, got null'],
      [resign(withFile(fixed.gbdt, 'meta.json', '{"tourney": 1,')), 'meta.json: is not valid JSON'],
      [resign(withFile(fixed.gbdt, 'meta.json', new Uint8Array([0xff, 0xfe, 0x7b]))), 'meta.json: is not UTF-8 text'],
    ];
    for (const [files, expected] of cases) expect(errorOf(files)).toContain(`${LABEL}/${expected}`);
  });

  it('refuses tree ensembles whose pointers would not end, and feature indices out of range', () => {
    const cycle = editDocument(fixed.gbdt, 'model.json', (m) => {
      const tree = (m.trees as { leftChild: number[]; splitFeature: number[] }[]).find((t) => t.splitFeature.length > 1)!;
      tree.leftChild[1] = 1;
    });
    expect(errorOf(cycle)).toMatch(/model\.json: field "trees\[\d+\]\.leftChild\[1\]": node pointer 1 does not point to a later node once/);
    const range = editDocument(fixed.forest, 'model.json', (m) => { (m.trees as { splitFeature: number[] }[])[0].splitFeature[0] = 99; });
    expect(errorOf(range)).toMatch(/model\.json: field "trees\[0\]\.splitFeature\[0\]": feature index 99 is out of range \(the model has 4 features\)/);
  });

  it('checks the documents against each other', () => {
    const cases: [Files, string][] = [
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.task = 'multiclass'; m.metric = 'accuracy'; }), 'pipeline.json: field "task": "binary" does not match meta.json ("multiclass")'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.target = 'other'; }), 'pipeline.json: field "target": "target" does not match meta.json ("other")'],
      [editDocument(fixed.gbdt, 'meta.json', (m) => { m.kind = 'tournament'; }), 'meta.json: field "kind": "tournament" does not match manifest.json ("fixed")'],
      [editDocument(fixed.gbdt, 'model.json', (m) => { m.nClasses = 3; m.task = 'multiclass'; m.link = 'softmax'; m.initScores = [0, 0, 0]; }), 'model.json: field "task": "multiclass" does not match meta.json ("binary")'],
      [editDocument(fixed.linear, 'model.json', (m) => { (m.featureNames as string[]).reverse(); }), 'model.json: field "featureNames": the model takes 4 features, pipeline.json writes 4 with other names'],
      [editDocument(tournament, 'tournament.json', (t) => { t.nClasses = 3; }), 'tournament.json: field "members[0].model.nClasses": is 2, the tournament model has 3 classes'],
      [editDocument(tournament, 'tournament.json', (t) => { (t.members as { weight: number }[])[0].weight += 0.5; }), 'tournament.json: field "members": member weights sum to'],
      [editDocument(tournament, 'report.json', (r) => { r.task = 'regression'; }), 'report.json: field "task": "regression" does not match meta.json ("binary")'],
      [editDocument(tournament, 'template.json', (t) => { t.target = 'colour'; }), 'template.json: field "target": "colour" does not match meta.json ("target")'],
      [editDocument(tournament, 'pipeline.json', (p) => { (p.features as string[]).pop(); }), 'tournament.json: field "features": the model takes'],
    ];
    for (const [files, expected] of cases) expect(errorOf(files)).toContain(`${LABEL}/${expected}`);
  });
});
