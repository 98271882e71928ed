import { describe, expect, it } from 'vitest';
import { commandModeKey } from './keyboard';

const press = (key: string, extra: Partial<Parameters<typeof commandModeKey>[0]> = {}, pending: string | null = null) =>
  commandModeKey({ key, ...extra }, pending);

describe('commandModeKey', () => {
  it('maps Jupyter command-mode habits', () => {
    expect(press('Enter').command).toBe('edit');
    expect(press('Enter', { shiftKey: true }).command).toBe('run-and-advance');
    expect(press('Enter', { ctrlKey: true }).command).toBe('run');
    expect(press('Enter', { altKey: true }).command).toBe('run-and-insert');
    expect(press('a').command).toBe('insert-above');
    expect(press('B', { shiftKey: true }).command).toBe('insert-below');
    expect(press('m').command).toBe('to-markdown');
    expect(press('y').command).toBe('to-code');
    expect(press('ArrowUp').command).toBe('select-previous');
    expect(press('j').command).toBe('select-next');
  });

  it('needs D twice to delete and I twice to interrupt', () => {
    const first = press('d');
    expect(first).toEqual({ command: null, pending: 'd' });
    expect(press('d', {}, first.pending).command).toBe('delete');
    expect(press('d', {}, 'i').command).toBeNull();
    expect(press('i', {}, press('i').pending).command).toBe('interrupt');
  });

  it('undoes with Z or Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y', () => {
    expect(press('z').command).toBe('undo');
    expect(press('z', { ctrlKey: true }).command).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true }).command).toBe('redo');
    expect(press('y', { ctrlKey: true }).command).toBe('redo');
    expect(press('z', { metaKey: true, shiftKey: true }).command).toBe('redo');
  });

  it('saves with Ctrl+S and ignores other modified keys', () => {
    expect(press('s', { ctrlKey: true }).command).toBe('save');
    expect(press('a', { ctrlKey: true }).command).toBeNull();
    expect(press('x').command).toBeNull();
  });
});
