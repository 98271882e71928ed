// "Register this model", shown under a finished tournament: the winner's model directory (built in
// the AutoML worker through kernels/modeldir, the same bytes `tourney train` writes) becomes a new
// version of a named model, and the run an experiment, in one IndexedDB transaction.
import { useState } from 'react';
import { version as tourneyVersion } from '../../package.json';
import { automlClient } from '../automl/automl-client';
import { scrollToSection } from '../workbench/ViewNav';
import { modelNameFrom } from './interchange';
import { errorMessage, registryChanged, registryStore } from './registry-client';

export function RegisterModel({ tableName }: { tableName: string }) {
  const [name, setName] = useState(() => modelNameFrom(tableName));
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const register = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const createdAt = new Date().toISOString();
      const { files, experiment } = await automlClient.registration({ createdAt, notebook: null, tourneyVersion });
      const version = await registryStore().registerVersion({
        name: name.trim(), files, createdAt, source: 'app', experiment, notes: note.trim(),
        tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      });
      registryChanged();
      setOutcome({ ok: true, text: `Registered ${version.model} v${version.version} (experiment ${experiment.id}).` });
    } catch (e) {
      setOutcome({ ok: false, text: `Not registered: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="am-card rg-register" data-testid="register-model">
      <h3>Register this model <span className="am-muted">a new version in the model registry, with this run as its experiment</span></h3>
      <div className="rg-form">
        <label><span>Name</span><input value={name} onChange={(e) => setName(e.target.value)} data-testid="register-name" /></label>
        <label><span>Note</span><input value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional" data-testid="register-note" /></label>
        <label><span>Tags</span><input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma-separated, optional" data-testid="register-tags" /></label>
        <button type="button" className="am-button am-primary" disabled={busy || !name.trim()} onClick={() => void register()} data-testid="register-submit">
          {busy ? 'Registering…' : 'Register'}
        </button>
      </div>
      {outcome && (
        <div className={outcome.ok ? 'am-notice' : 'am-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="register-outcome">
          {outcome.text}{' '}
          {outcome.ok && <button type="button" className="rg-link" onClick={() => scrollToSection('registry')}>Open the registry</button>}
        </div>
      )}
    </div>
  );
}
