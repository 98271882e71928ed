// Monaco loads on first use; until then the cell shows its source as plain text in the same box.
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from '../editor/CodeEditor';

const CodeEditor = lazy(() => import('../editor/CodeEditor'));

export function LazyEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <pre className="nb-editor-placeholder" style={{ minHeight: (props.minLines ?? 1) * 20 + 20 }}>
          {props.value}
        </pre>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
