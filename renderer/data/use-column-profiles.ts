// Column profiles for one table view, fetched lazily: a header asks for its column's profile
// when it is first drawn, so a wide table profiles the columns on screen first and the data
// worker stays free for row requests. Profiles reset when the table changes version.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableSummary } from '../../shared/data/protocol';
import { dataClient } from './data-client';
import { toProfileView, type ProfileView } from './profile-view';

export interface ColumnProfiles {
  profiles: Readonly<Record<string, ProfileView | undefined>>;
  errors: Readonly<Record<string, string>>;
  /** Asks for a column's profile (once per table version). */
  request: (column: string) => void;
}

export function useColumnProfiles(table: TableSummary | undefined): ColumnProfiles {
  const [state, setState] = useState<{ key: string; profiles: Record<string, ProfileView>; errors: Record<string, string> }>({ key: '', profiles: {}, errors: {} });
  const key = table ? `${table.name}\u0000${table.version}` : '';
  const requested = useRef({ key, columns: new Set<string>() });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const request = useCallback(
    (column: string) => {
      if (!table) return;
      if (requested.current.key !== key) requested.current = { key, columns: new Set() };
      if (requested.current.columns.has(column)) return;
      requested.current.columns.add(column);
      const update = (patch: (s: typeof state) => typeof state) =>
        live.current && setState((s) => patch(s.key === key ? s : { key, profiles: {}, errors: {} }));
      dataClient.getProfile(table.name, column).then(
        (profile) => update((s) => ({ ...s, profiles: { ...s.profiles, [column]: toProfileView(profile, column) } })),
        (error: unknown) => update((s) => ({ ...s, errors: { ...s.errors, [column]: error instanceof Error ? error.message : String(error) } })),
      );
    },
    // `key` names the table and its version; `table` changes with it.
    [key],
  );

  const current = state.key === key ? state : { profiles: {}, errors: {} };
  return { profiles: current.profiles, errors: current.errors, request };
}
