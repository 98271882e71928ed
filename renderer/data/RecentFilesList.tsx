import { useEffect, useState } from 'react';
import type { TableSummary } from '../../shared/data/protocol';
import { formatBytes } from './format-text';
import { forgetFile, listRecentFiles, rememberFile, reopenRecentFile, subscribeRecentFiles, type RecentFile } from './recent-files';
import { tourneyBridge } from '../platform/tourney-bridge';

/** Recently opened files that can be reopened: stored bytes in the web app, a path in Electron. */
export function RecentFilesList({ onOpen }: { onOpen: (loading: Promise<TableSummary>) => void }) {
  const [files, setFiles] = useState<RecentFile[]>([]);

  useEffect(() => {
    let live = true;
    const refresh = () => void listRecentFiles().then((list) => live && setFiles(list), () => undefined);
    refresh();
    const unsubscribe = subscribeRecentFiles(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const bridge = tourneyBridge();
  const reopenable = (file: RecentFile) => !!file.blob || (!!file.path && !!bridge);
  const shown = files.filter(reopenable);
  if (shown.length === 0) return null;

  const reopen = (file: RecentFile) => {
    onOpen(reopenRecentFile(file).then((table) => {
      void rememberFile({ name: file.name, size: file.size, blob: file.blob, path: file.path }).catch(() => undefined);
      return table;
    }));
  };

  return (
    <div className="td-recent" data-testid="data-recent-files">
      <h3 className="td-section-title">Recent</h3>
      <ul>
        {shown.map((file) => (
          <li key={file.key} className="td-recent-item">
            <button type="button" className="td-link" data-testid="data-recent-file" title={file.path ?? file.name} onClick={() => reopen(file)}>
              {file.name}
            </button>
            <span className="td-recent-size">{formatBytes(file.size)}</span>
            <button type="button" className="td-icon-button" aria-label={`Forget ${file.name}`} onClick={() => void forgetFile(file.key)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
