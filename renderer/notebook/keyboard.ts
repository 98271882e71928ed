// Jupyter's command-mode keys as a pure mapping, so the habits are tested without a browser.
// Edit-mode keys (Shift+Enter, Esc inside the editor) are bound on the editor itself.

export type NotebookCommand =
  | 'run-and-advance'
  | 'run'
  | 'run-and-insert'
  | 'edit'
  | 'insert-above'
  | 'insert-below'
  | 'delete'
  | 'to-markdown'
  | 'to-code'
  | 'undo'
  | 'redo'
  | 'select-previous'
  | 'select-next'
  | 'interrupt'
  | 'save';

export interface KeyStroke {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export interface KeyResult {
  command: NotebookCommand | null;
  /** The key to remember for two-key commands (D,D delete and I,I interrupt). */
  pending: string | null;
}

/** The command for a key pressed in command mode; `pending` is the previous key of a pair. */
export function commandModeKey(stroke: KeyStroke, pending: string | null): KeyResult {
  const mod = Boolean(stroke.ctrlKey || stroke.metaKey);
  const key = stroke.key.length === 1 ? stroke.key.toLowerCase() : stroke.key;
  const none = { command: null, pending: null };
  if (key === 'Enter') {
    if (stroke.shiftKey) return { command: 'run-and-advance', pending: null };
    if (mod) return { command: 'run', pending: null };
    if (stroke.altKey) return { command: 'run-and-insert', pending: null };
    return { command: 'edit', pending: null };
  }
  if (mod) {
    if (key === 's') return { command: 'save', pending: null };
    if (key === 'z') return { command: stroke.shiftKey ? 'redo' : 'undo', pending: null };
    if (key === 'y') return { command: 'redo', pending: null };
    return none;
  }
  if (stroke.altKey) return none;
  switch (key) {
    case 'a':
      return { command: 'insert-above', pending: null };
    case 'b':
      return { command: 'insert-below', pending: null };
    case 'm':
      return { command: 'to-markdown', pending: null };
    case 'y':
      return { command: 'to-code', pending: null };
    case 'z':
      return { command: stroke.shiftKey ? 'redo' : 'undo', pending: null };
    case 'd':
      return pending === 'd' ? { command: 'delete', pending: null } : { command: null, pending: 'd' };
    case 'i':
      return pending === 'i' ? { command: 'interrupt', pending: null } : { command: null, pending: 'i' };
    case 'k':
    case 'ArrowUp':
      return { command: 'select-previous', pending: null };
    case 'j':
    case 'ArrowDown':
      return { command: 'select-next', pending: null };
    default:
      return none;
  }
}

/** Whether a key event comes from somewhere that types text (then command keys stay quiet). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return Boolean(element.closest('input, textarea, select, [contenteditable="true"], .monaco-editor'));
}
