import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu-template';
import type { MenuCommand } from './preload-api';

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = find(item.submenu, label);
      if (found) return found;
    }
  }
  return undefined;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as unknown as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help, and File items send their command', () => {
    const sent: MenuCommand[] = [];
    const menu = buildMenuTemplate({ platform: 'linux', appName: 'Tourney', send: (c) => sent.push(c), developer: false });
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    click(find(menu, 'Open Data…'));
    click(find(menu, 'Open Notebook…'));
    click(find(menu, 'Save Notebook As…'));
    click(find(menu, 'Open the Demo Notebook'));
    expect(sent).toEqual(['open-data', 'open-notebook', 'save-notebook-as', 'open-demo']);
    expect(find(menu, 'Open Data…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find(menu, 'Quit')?.role).toBe('quit');
  });

  it('adds the app menu on macOS and developer items only when asked', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', appName: 'Tourney', send: () => {}, developer: true });
    expect(mac[0].label).toBe('Tourney');
    const roles = (items: MenuItemConstructorOptions[]) => JSON.stringify(items.map((m) => m.submenu));
    expect(roles(mac)).toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ platform: 'win32', appName: 'Tourney', send: () => {}, developer: false }))).not.toContain('toggleDevTools');
  });
});
