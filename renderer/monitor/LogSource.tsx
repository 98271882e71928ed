// Prediction logs (NDJSON, as the scorer writes them) and a labels file, aggregated in the monitor
// worker against a reference: a registered version's, or a model directory's
// reference-profile.json. Progress by bytes, Cancel, and time ranges over the hourly summaries.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import type { ModelVersion } from '../../kernels/registry/documents';
import type { ImportProgress, LogView } from '../../workers/monitor/log-session';
import { errorMessage, registryStore, useRegistryRevision } from '../registry/registry-client';
import { ModelPanel } from './ModelPanel';
import { monitorWorker } from './monitor-client';
import type { MonitorTarget } from './monitor-target';
import type { MonitorSnapshot } from './snapshot';

const REFERENCE_FILE = 'reference-profile.json';
const RANGES: { label: string; hours: number | null }[] = [
  { label: 'all of the log', hours: null },
  { label: 'last 24 hours', hours: 24 },
  { label: 'last 7 days', hours: 24 * 7 },
  { label: 'last 30 days', hours: 24 * 30 },
];

interface Chosen {
  reference: ReferenceProfile;
  name: string;
  version: string | null;
  target: string | null;
}

function asReference(json: unknown, where: string): ReferenceProfile {
  const r = json as Partial<ReferenceProfile> | null;
  if (!r || r.format !== 1 || !Array.isArray(r.features)) throw new Error(`${where} is not a Tourney reference profile (retrain the model with this Tourney: train writes ${REFERENCE_FILE})`);
  return r as ReferenceProfile;
}

async function versionReference(v: ModelVersion): Promise<ReferenceProfile> {
  if (v.referenceProfile) return asReference(v.referenceProfile, `${v.model} v${v.version}'s reference`);
  if (!v.files.some((f) => f.name === REFERENCE_FILE)) throw new Error(`${v.model} v${v.version} has no ${REFERENCE_FILE}: it was trained before monitoring existed; retrain and register it again`);
  const files = await registryStore().readVersionFiles(v.model, v.version, [REFERENCE_FILE]);
  return asReference(JSON.parse(new TextDecoder().decode(files.get(REFERENCE_FILE))), `${v.model} v${v.version}'s ${REFERENCE_FILE}`);
}

function useRegisteredVersions(): ModelVersion[] {
  const revision = useRegistryRevision();
  const [versions, setVersions] = useState<ModelVersion[]>([]);
  useEffect(() => {
    let stale = false;
    void (async () => {
      const store = registryStore();
      const models = await store.listModels();
      const all = (await Promise.all(models.map((m) => store.listVersions(m.model.name)))).flat();
      if (!stale) setVersions(all);
    })().catch(() => !stale && setVersions([]));
    return () => {
      stale = true;
    };
  }, [revision]);
  return versions;
}

export function LogSource({ target, visible }: { target: MonitorTarget | null; visible: boolean }) {
  const versions = useRegisteredVersions();
  const [pick, setPick] = useState('');
  const [referenceFile, setReferenceFile] = useState<File | null>(null);
  const [logs, setLogs] = useState<File[]>([]);
  const [labels, setLabels] = useState<File | null>(null);
  const [logModel, setLogModel] = useState('');
  const [range, setRange] = useState(0);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<{ view: LogView; chosen: Chosen; files: string } | null>(null);
  const referenceInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!target) return;
    setPick(`${target.name}@${target.version}`);
    setLogModel(target.name);
  }, [target]);

  const choose = async (): Promise<Chosen> => {
    if (pick === 'file') {
      if (!referenceFile) throw new Error(`choose the model directory's ${REFERENCE_FILE}`);
      let json: unknown;
      try {
        json = JSON.parse(await referenceFile.text());
      } catch (err) {
        throw new Error(`${referenceFile.name} is not valid JSON: ${(err as Error).message}`, { cause: err });
      }
      return { reference: asReference(json, referenceFile.name), name: logModel.trim() || referenceFile.name.replace(/\.json$/, ''), version: null, target: null };
    }
    const v = versions.find((x) => `${x.model}@${x.version}` === pick);
    if (!v) throw new Error('choose the registered version the log is of (or a reference-profile.json)');
    return { reference: await versionReference(v), name: v.model, version: `v${v.version}`, target: v.summary.target };
  };

  const run = async () => {
    setError(null);
    setNotice(null);
    if (!logs.length) return setError('choose one or more prediction logs (.ndjson, as the scorer writes them)');
    setRunning(true);
    try {
      const chosen = await choose();
      const expectedName = logModel.trim() || chosen.name;
      const outcome = await monitorWorker.importLogs({
        reference: chosen.reference,
        expected: { name: expectedName, version: '' },
        logs: logs.map((f) => ({ name: f.name, blob: f })),
        labels: labels && { name: labels.name, blob: labels },
        target: chosen.target,
      }, RANGES[range].hours, setProgress);
      if (outcome === 'cancelled') setNotice('Import cancelled: nothing was changed (the previous import, if any, is still shown).');
      else setResult({ view: outcome, chosen: { ...chosen, name: expectedName }, files: logs.map((f) => f.name).join(', ') });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRunning(false);
    }
  };

  const changeRange = async (index: number) => {
    setRange(index);
    if (!result) return;
    try {
      setResult({ ...result, view: await monitorWorker.view(RANGES[index].hours) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // One snapshot per import and range (its clock read then), so the panel does not redo its work on every render.
  const snapshot = useMemo((): MonitorSnapshot | null => result && {
    source: 'log', from: result.files, modelName: result.chosen.name, version: result.chosen.version ?? result.view.model?.version ?? null,
    report: result.view.report, lastTime: result.view.lastTime, now: Date.now(), notes: result.view.notes,
    range: `${RANGES[range].label} (${result.view.lines.toLocaleString()} lines over ${result.view.spanHours.toFixed(1)} h)`,
  }, [result, range]);

  return (
    <div data-testid="monitor-logs" hidden={!visible}>
      <div className="rg-form mo-source">
        <label>
          <span>model</span>
          <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="monitor-log-model">
            <option value="">choose…</option>
            {versions.map((v) => <option key={`${v.model}@${v.version}`} value={`${v.model}@${v.version}`}>{v.model} v{v.version} ({v.summary.family})</option>)}
            <option value="file">a model directory's {REFERENCE_FILE}…</option>
          </select>
        </label>
        {pick === 'file' && (
          <label>
            <span>{REFERENCE_FILE}</span>
            <input ref={referenceInput} type="file" accept=".json,application/json" data-testid="monitor-reference-file" onChange={(e) => setReferenceFile(e.target.files?.[0] ?? null)} />
          </label>
        )}
        <label>
          <span title="Pick every file of the scorer's log folder: summaries.ndjson holds the rows' mergeable summaries, so a large log imports in a moment; each prediction is counted once">prediction logs (NDJSON; with the folder's summaries.ndjson)</span>
          <input type="file" multiple accept=".ndjson,.log,.jsonl,.json,text/plain" data-testid="monitor-log-files" onChange={(e) => setLogs([...(e.target.files ?? [])])} />
        </label>
        <label>
          <span>labels (ids and outcomes, optional)</span>
          <input type="file" accept=".csv,.tsv,.json,.parquet" data-testid="monitor-labels-file" onChange={(e) => setLabels(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          <span>model name in the log</span>
          <input value={logModel} onChange={(e) => setLogModel(e.target.value)} placeholder="as exported (--name)" data-testid="monitor-log-name" />
        </label>
        <label>
          <span>time range</span>
          <select value={range} onChange={(e) => void changeRange(Number(e.target.value))} data-testid="monitor-range">
            {RANGES.map((r, i) => <option key={r.label} value={i}>{r.label}</option>)}
          </select>
        </label>
        <button type="button" className="am-button" onClick={() => void run()} disabled={running} data-testid="monitor-import">Aggregate</button>
        {running && <button type="button" className="am-button" onClick={() => void monitorWorker.cancel()} data-testid="monitor-cancel">Cancel</button>}
      </div>
      {running && progress && (
        <div className="mo-progress" data-testid="monitor-progress">
          <progress max={progress.totalBytes || 1} value={progress.bytes} />
          <span className="am-muted">{progress.file}: {progress.lines.toLocaleString()} lines, {Math.round((100 * progress.bytes) / (progress.totalBytes || 1))}%</span>
        </div>
      )}
      {error && <div className="am-error" role="alert" data-testid="monitor-error">{error}</div>}
      {notice && <div className="am-notice" data-testid="monitor-notice">{notice}</div>}
      {snapshot && <ModelPanel snapshot={snapshot} />}
    </div>
  );
}
