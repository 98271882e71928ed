// A cell's outputs, richest representation first: chart, HTML (sanitised), image, text.
import { memo } from 'react';
import { MIME_HTML, MIME_PLAIN, MIME_VEGALITE, type CellOutput, type MimeBundle } from '../../shared/runner/outputs';
import { sanitizeHtml } from './markdown';
import { VegaChart } from './VegaChart';

export const Outputs = memo(function Outputs({ outputs }: { outputs: readonly CellOutput[] }) {
  if (outputs.length === 0) return null;
  return (
    <div className="nb-outputs" data-testid="cell-outputs">
      {outputs.map((output, i) => (
        <OutputView key={i} output={output} />
      ))}
    </div>
  );
});

function OutputView({ output }: { output: CellOutput }) {
  switch (output.type) {
    case 'stream':
      return (
        <pre className={`nb-output nb-output-stream nb-${output.name}`} data-testid="output-stream">
          {output.text}
        </pre>
      );
    case 'error':
      return (
        <div className="nb-output nb-output-error" data-testid="output-error" role="alert">
          <div className="nb-error-title">
            <strong>{output.ename}</strong>: {output.evalue}
            {output.line !== undefined && <span className="nb-error-line"> (line {output.line})</span>}
          </div>
          {output.traceback.length > 1 && <pre className="nb-error-trace">{output.traceback.slice(1).join('\n')}</pre>}
        </div>
      );
    case 'display_data':
    case 'execute_result':
      return <BundleView data={output.data} result={output.type === 'execute_result'} />;
  }
}

function BundleView({ data, result }: { data: MimeBundle; result: boolean }) {
  const vegaLite = data[MIME_VEGALITE];
  if (vegaLite && typeof vegaLite === 'object') {
    const note = typeof data[MIME_PLAIN] === 'string' && data[MIME_PLAIN].startsWith('Showing') ? data[MIME_PLAIN] : null;
    return (
      <div className="nb-output nb-output-chart" data-testid="output-chart">
        <VegaChart spec={vegaLite} />
        {note && <p className="nb-output-note">{note}</p>}
      </div>
    );
  }
  const html = data[MIME_HTML];
  if (typeof html === 'string') {
    return <div className="nb-output nb-output-html" data-testid="output-html" dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />;
  }
  for (const mime of ['image/png', 'image/jpeg', 'image/gif']) {
    const image = data[mime];
    if (typeof image === 'string') return <img className="nb-output nb-output-image" alt="output" src={`data:${mime};base64,${image.replace(/\s/g, '')}`} />;
  }
  const svg = data['image/svg+xml'];
  if (typeof svg === 'string') return <img className="nb-output nb-output-image" alt="output" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />;
  const text = data[MIME_PLAIN];
  return (
    <pre className={`nb-output nb-output-text${result ? " nb-output-result" : ""}`} data-testid={result ? 'output-result' : 'output-text'}>
      {typeof text === 'string' ? text : JSON.stringify(data, null, 2)}
    </pre>
  );
}
