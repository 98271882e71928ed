// Moving models and registries in and out of the app: import a CLI model directory (a folder or a
// .zip; checked by kernels/modeldir before anything is written), back up the whole registry as one
// .tourney-registry file, and restore one (checked whole first: all or nothing; restoring over a
// registry that holds anything first downloads a backup of it). Backups are zipped and read in a
// worker (backup-client.ts), their progress shown here.
import { useRef, useState, type InputHTMLAttributes } from 'react';
import type { BackupProgress } from '../../kernels/registry/backup';
import { readBackupInWorker, zipBackupInWorker } from './backup-client';
import { downloadBytes, modelDirFromFolder, modelDirFromZip, modelNameFrom } from './interchange';
import { errorMessage, registryChanged, registryStore } from './registry-client';

type Outcome = { ok: boolean; text: string } | null;

/** React's typings lack the directory-picking attribute Chromium and Firefox support. */
const DIRECTORY = { webkitdirectory: '' } as InputHTMLAttributes<HTMLInputElement>;

const backupName = (at: string) => `tourney-registry-${at.slice(0, 19).replace(/[:T]/g, '-')}.tourney-registry`;

async function downloadBackup(onProgress: BackupProgress): Promise<string> {
  const createdAt = new Date().toISOString();
  const bytes = await zipBackupInWorker(await registryStore().snapshot(), createdAt, onProgress);
  const name = backupName(createdAt);
  downloadBytes(name, bytes, 'application/zip');
  return name;
}

export function Interchange() {
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [progress, setProgress] = useState<{ what: string; done: number; total: number } | null>(null);
  const reporting = (what: string): BackupProgress => (done, total) => setProgress({ what, done, total });
  const zipInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const restoreInput = useRef<HTMLInputElement>(null);

  const attempt = async (work: () => Promise<string>, failure: string) => {
    setOutcome(null);
    try {
      setOutcome({ ok: true, text: await work() });
    } catch (e) {
      setOutcome({ ok: false, text: `${failure}: ${errorMessage(e)}` });
    } finally {
      setProgress(null);
    }
  };

  const register = async (files: Map<string, Uint8Array>, source: string) => {
    const model = name.trim() || modelNameFrom(source);
    const version = await registryStore().registerVersion({ name: model, files, createdAt: new Date().toISOString(), source: 'cli', notes: `imported from ${source}` });
    registryChanged();
    return `Imported ${source} as ${version.model} v${version.version}.`;
  };

  const importZip = (file: File | undefined) => file && void attempt(async () => register(modelDirFromZip(new Uint8Array(await file.arrayBuffer()), file.name), file.name), `${file.name} was not imported`);
  const importFolder = (files: FileList | null) => files?.length && void attempt(async () => {
    const picked = await modelDirFromFolder([...files]);
    return register(picked.files, picked.name);
  }, 'The folder was not imported');
  const restore = (file: File | undefined) => file && void attempt(async () => {
    const snapshot = await readBackupInWorker(new Uint8Array(await file.arrayBuffer()), file.name, reporting(`Checking ${file.name}:`));
    const store = registryStore();
    const holds = (await store.db.models.count()) > 0 || (await store.db.experiments.count()) > 0;
    let kept = '';
    if (holds) {
      if (!window.confirm('Restoring replaces everything in this registry. A backup of the current registry is downloaded first. Go on?')) return 'Restore cancelled; nothing changed.';
      kept = ` The previous registry was downloaded as ${await downloadBackup(reporting('Backing up the current registry:'))}.`;
    }
    await store.restore(snapshot, { replace: holds });
    registryChanged();
    const versions = snapshot.models.reduce((n, m) => n + m.versions.length, 0);
    return `Restored ${file.name}: ${snapshot.models.length} models, ${versions} versions, ${snapshot.experiments.length} experiments.${kept}`;
  }, `${file.name} was not restored (nothing changed)`);

  return (
    <div className="rg-interchange" data-testid="registry-interchange">
      <label><span>Import as</span><input value={name} onChange={(e) => setName(e.target.value)} placeholder="model name (default: the folder's)" data-testid="import-name" /></label>
      <button type="button" className="am-button" onClick={() => zipInput.current?.click()} data-testid="import-zip" title="Import a model directory (tourney train --out …) zipped">Import .zip…</button>
      <button type="button" className="am-button" onClick={() => folderInput.current?.click()} data-testid="import-folder" title="Import a model directory folder">Import folder…</button>
      <span className="rg-spacer" />
      <button type="button" className="am-button" onClick={() => void attempt(async () => `Backup downloaded as ${await downloadBackup(reporting('Zipping the backup:'))}.`, 'Backup failed')} data-testid="registry-backup">Back up</button>
      <button type="button" className="am-button" onClick={() => restoreInput.current?.click()} data-testid="registry-restore">Restore…</button>
      <input ref={zipInput} type="file" accept=".zip,application/zip" hidden data-testid="import-zip-input" onChange={(e) => { importZip(e.target.files?.[0]); e.target.value = ''; }} />
      <input ref={folderInput} type="file" hidden multiple {...DIRECTORY} data-testid="import-folder-input" onChange={(e) => { importFolder(e.target.files); e.target.value = ''; }} />
      <input ref={restoreInput} type="file" accept=".tourney-registry,.zip" hidden data-testid="restore-input" onChange={(e) => { restore(e.target.files?.[0]); e.target.value = ''; }} />
      {progress && (
        <div className="rg-progress" role="status" data-testid="registry-progress">
          <progress value={progress.done} max={progress.total} /> {progress.what} {progress.done.toLocaleString()} of {progress.total.toLocaleString()} files
        </div>
      )}
      {outcome && <div className={outcome.ok ? 'am-notice' : 'am-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="interchange-outcome">{outcome.text}</div>}
    </div>
  );
}
