// "Export scorer": the complete scoring-service bundle (`tourney export`'s files) for a registered
// version or the AutoML winner, built in the scoring worker. The web app downloads it as a .zip;
// the desktop app asks for a folder and writes it there through the preload API (saveBundle).
import { useState } from 'react';
import { downloadFile } from '../platform/download';
import { tourneyBridge } from '../platform/tourney-bridge';
import { scoringClient, type ModelSource } from './scoring-client';

/** `compact` (a table cell): a link-styled button, and a short "done" with the full message as its tooltip. */
export function ExportScorerButton({ source, compact = false }: { source: ModelSource; compact?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const files = await source.files();
      const options = { name: source.name, ...(source.registry ? { registry: { root: 'app (IndexedDB)', ...source.registry } } : {}) };
      const bridge = tourneyBridge();
      if (bridge) {
        const { bundle, files: written } = await scoringClient.exportBundle(files, options, source.label, 'files');
        const saved = await bridge.saveBundle(bundle.folder, written!.map(([path, data]) => ({ path, data })));
        setOutcome(saved ? { ok: true, text: `Scoring service written to ${saved.path}: there, npm install && npm start.` } : null);
      } else {
        const { bundle, zip } = await scoringClient.exportBundle(files, options, source.label, 'zip');
        downloadFile(`${bundle.folder}.zip`, zip!, 'application/zip');
        setOutcome({ ok: true, text: `Downloaded ${bundle.folder}.zip (${bundle.name} ${bundle.version}): unzip it, then npm install && npm start in ${bundle.folder}/.` });
      }
    } catch (e) {
      setOutcome({ ok: false, text: `Not exported: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sc-export">
      <button type="button" className={compact ? 'rg-link' : 'am-button'} onClick={() => void run()} disabled={busy} data-testid="export-scorer"
        title="The model as a scoring microservice (Node, onnxruntime-node): server.js, model.onnx, package.json, Dockerfile, Kubernetes manifests, model card">
        {busy ? 'Exporting…' : 'Export scorer'}
      </button>
      {outcome && (
        <span className={outcome.ok ? 'am-muted sc-outcome' : 'am-error sc-outcome'} role={outcome.ok ? 'status' : 'alert'} title={outcome.text} data-testid="export-scorer-outcome" data-text={outcome.text}>
          {compact && outcome.ok ? '✓ exported' : outcome.text}
        </span>
      )}
    </span>
  );
}
