// The file name goes with the notebook it names: New, Open and the demo replace the document (an
// undoable step), and Undo brings the previous document back; the name must come back with it.
// The reducer's history keeps documents by identity, so each replaced and replacing document is
// remembered with its name.
import type { NotebookDoc } from './model';

export class NotebookNames {
  private readonly names = new WeakMap<NotebookDoc, string>();

  /** Records a replacement: `previous` was named `previousName`, `next` is named `nextName`. */
  replaced(previous: NotebookDoc, previousName: string, next: NotebookDoc, nextName: string): void {
    this.names.set(previous, previousName);
    this.names.set(next, nextName);
  }

  /** The name of a document that took part in a replacement (undo or redo landed on it), else undefined. */
  nameOf(doc: NotebookDoc): string | undefined {
    return this.names.get(doc);
  }
}
