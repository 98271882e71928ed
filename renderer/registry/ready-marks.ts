// Performance marks around "the user asked" → "it is on screen" for the registry's views: the
// end-to-end benchmark reads the measured time from the element's data-ready-ms attribute (and
// a performance trace shows the same marks).
export function markStart(name: string): void {
  performance.mark(`${name}:start`);
}

/** Call once the content is committed: measured after the browser has painted it; then `after` runs. */
export function markReady(name: string, element: Element | null, after?: () => void): void {
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark(`${name}:ready`);
    if (performance.getEntriesByName(`${name}:start`, 'mark').length) {
      const { duration } = performance.measure(name, `${name}:start`, `${name}:ready`);
      element?.setAttribute('data-ready-ms', String(Math.round(duration)));
    }
    after?.();
  }));
}
