// "Open data…": a button and a drop zone that start loads, the progress of loads under way
// (with Cancel), error notices naming file and line, and the recently opened files.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { TableSummary } from '../../shared/data/protocol';
import { dataClient, LoadCancelledError } from './data-client';
import { LoadNotices } from './LoadNotices';
import { LoadProgress } from './LoadProgress';
import { RecentFilesList } from './RecentFilesList';
import { rememberFile } from './recent-files';
import { DATA_EXTENSIONS } from '../../main/ipc-contract';
import { tourneyBridge } from '../platform/tourney-bridge';
import './data.css';

export interface DataLoaderProps {
  /** Called with each table that finished loading (e.g. to show it). */
  onLoaded?: (table: TableSummary) => void;
  /** Hide the recent-files list (e.g. in a compact toolbar). */
  hideRecent?: boolean;
}

const ACCEPT = DATA_EXTENSIONS.map((ext) => `.${ext}`).join(',');

export function DataLoader({ onLoaded, hideRecent = false }: DataLoaderProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const settle = (loading: Promise<TableSummary>) =>
    loading.then(onLoaded, (error: unknown) => {
      // Failures are already shown as notices by the client; a cancel needs no message.
      if (!(error instanceof LoadCancelledError)) console.warn(error);
    });

  const openFiles = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      settle(
        dataClient.loadFile(file).then((table) => {
          void rememberFile({ name: file.name, size: file.size, blob: file }).catch(() => undefined);
          return table;
        }),
      );
    }
  };

  const openDialog = async () => {
    const bridge = tourneyBridge();
    if (!bridge) {
      input.current?.click();
      return;
    }
    const opened = await bridge.openDataFile().catch((error: unknown) => {
      console.warn(error);
      return null;
    });
    if (!opened) return;
    const size = opened.bytes.length;
    settle(
      dataClient.loadBytes(opened.bytes, opened.name).then((table) => {
        void rememberFile({ name: opened.name, size, path: opened.path }).catch(() => undefined);
        return table;
      }),
    );
  };

  // The native menu's File › Open Data… (Electron).
  const openDialogRef = useRef(openDialog);
  openDialogRef.current = openDialog;
  useEffect(() => tourneyBridge()?.onMenu('open-data', () => void openDialogRef.current()), []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) openFiles(event.dataTransfer.files);
  };

  return (
    <section className="td-loader" data-testid="data-loader" aria-label="Load data">
      <div
        className={`td-dropzone${dragging ? ' td-dropzone-active' : ''}`}
        data-testid="data-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <button type="button" className="td-button td-button-primary" data-testid="data-open-button" onClick={() => void openDialog()}>
          Open data…
        </button>
        <span className="td-dropzone-hint">or drop a CSV, TSV, JSON or Parquet file here</span>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          data-testid="data-file-input"
          onChange={(event) => {
            if (event.target.files) openFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <LoadProgress />
      <LoadNotices />
      {!hideRecent && <RecentFilesList onOpen={settle} />}
    </section>
  );
}
