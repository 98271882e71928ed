// A Monaco editor that grows with its content and speaks the notebook's edit-mode keys:
// Shift+Enter run and move on, Ctrl+Enter run, Alt+Enter run and insert, Esc to command mode.
import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco';

export interface CodeEditorProps {
  value: string;
  language: 'typescript' | 'json' | 'markdown';
  /** Model path; `.ts` paths share one TypeScript program, so cells see each other's names. */
  path: string;
  focused: boolean;
  onChange: (value: string) => void;
  onFocus?: () => void;
  onEscape?: () => void;
  onRun?: () => void;
  onRunAndAdvance?: () => void;
  onRunAndInsert?: () => void;
  minLines?: number;
}

const LINE_HEIGHT = 20;
const PADDING = 10;

export default function CodeEditor(props: CodeEditorProps) {
  const handlers = useRef(props);
  handlers.current = props;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const minHeight = (props.minLines ?? 1) * LINE_HEIGHT + 2 * PADDING;
  const [height, setHeight] = useState(() => Math.max(minHeight, props.value.split('\n').length * LINE_HEIGHT + 2 * PADDING));

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.onDidContentSizeChange((event) => {
      if (event.contentHeightChanged) setHeight(Math.max(minHeight, event.contentHeight));
    });
    setHeight(Math.max(minHeight, editor.getContentHeight()));
    editor.onDidFocusEditorText(() => handlers.current.onFocus?.());
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({
      id: 'tourney.run-and-advance',
      label: 'Run cell and select below',
      keybindings: [KeyMod.Shift | KeyCode.Enter],
      run: () => handlers.current.onRunAndAdvance?.(),
    });
    editor.addAction({
      id: 'tourney.run',
      label: 'Run cell',
      keybindings: [KeyMod.CtrlCmd | KeyCode.Enter],
      run: () => handlers.current.onRun?.(),
    });
    editor.addAction({
      id: 'tourney.run-and-insert',
      label: 'Run cell and insert below',
      keybindings: [KeyMod.Alt | KeyCode.Enter],
      run: () => handlers.current.onRunAndInsert?.(),
    });
    editor.addAction({
      id: 'tourney.command-mode',
      label: 'Leave the editor (command mode)',
      keybindings: [KeyCode.Escape],
      precondition: '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible',
      run: () => handlers.current.onEscape?.(),
    });
    if (handlers.current.focused) editor.focus();
  };

  useEffect(() => {
    const editor = editorRef.current;
    if (props.focused && editor && !editor.hasTextFocus()) editor.focus();
  }, [props.focused]);

  return (
    <div className="nb-code-editor" style={{ height }}>
      <Editor
        height="100%"
        language={props.language}
        path={props.path}
        value={props.value}
        theme="tourney-light"
        onChange={(value) => handlers.current.onChange(value ?? '')}
        onMount={onMount}
        loading={<div className="nb-editor-loading">Loading editor…</div>}
        options={{
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          lineNumbers: 'on',
          lineNumbersMinChars: 3,
          lineDecorationsWidth: 6,
          glyphMargin: false,
          folding: false,
          fontSize: 13,
          lineHeight: LINE_HEIGHT,
          fontFamily: "'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
          padding: { top: PADDING, bottom: PADDING },
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          overviewRulerBorder: false,
          scrollbar: { vertical: 'hidden', horizontal: 'auto', alwaysConsumeMouseWheel: false, verticalScrollbarSize: 0 },
          automaticLayout: true,
          fixedOverflowWidgets: true,
          tabSize: 2,
          wordWrap: props.language === 'markdown' ? 'on' : 'off',
          contextmenu: true,
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
