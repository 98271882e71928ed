// Shared by the notebook end-to-end tests: typing a cell's source through Monaco.
import { expect, type Locator } from '@playwright/test';

/** Replaces a cell's source through Monaco (insertText avoids auto-closed brackets). */
export async function setSource(cell: Locator, source: string): Promise<void> {
  const editor = cell.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  await editor.click();
  await cell.page().keyboard.press('ControlOrMeta+A');
  await cell.page().keyboard.insertText(source);
}
