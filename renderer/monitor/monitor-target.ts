// "Monitor this version" from the Registry (and Fleet) views: which registered version the
// Monitor view should open its log import with, and the jump to the view.
import { useEffect, useState } from 'react';
import { scrollToSection } from '../workbench/ViewNav';

export interface MonitorTarget {
  name: string;
  version: number;
}

let target: MonitorTarget | null = null;
const listeners = new Set<(t: MonitorTarget) => void>();

export function openMonitor(next: MonitorTarget): void {
  target = next;
  for (const l of listeners) l(next);
  scrollToSection('monitor');
}

export function useMonitorTarget(): MonitorTarget | null {
  const [value, setValue] = useState(target);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
