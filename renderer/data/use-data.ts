// React bindings for the data client's state.
import { useSyncExternalStore } from 'react';
import { dataClient, type DataState } from './data-client';
import type { TableSummary } from '../../shared/data/protocol';

export function useDataState(): DataState {
  return useSyncExternalStore(dataClient.subscribe, dataClient.getState);
}

/** The loaded tables, in load order; re-renders when one is added, retyped or removed. */
export function useTables(): readonly TableSummary[] {
  return useDataState().tables;
}

export function useTable(name: string): TableSummary | undefined {
  return useTables().find((t) => t.name === name);
}
