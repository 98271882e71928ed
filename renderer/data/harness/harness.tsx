// A development page for the data components alone (vite dev: /data/harness/). The app shell
// (renderer/App.tsx) is where they live for real; end-to-end tests go through the app.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DataCellView, DataLoader, TablePicker } from '..';

function Harness() {
  const [table, setTable] = useState<string>();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '320px 1fr', gap: 16, padding: 16, fontFamily: 'system-ui' }}>
      <DataLoader onLoaded={(t) => setTable(t.name)} />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
        <TablePicker value={table} onChange={setTable} />
        {table && <DataCellView tableName={table} />}
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
