// A version's model card (Mitchell et al. sections), rendered from the same markdown the CLI's
// `tourney registry show name@v` prints, through the notebook's sanitising markdown renderer.
import { useMemo } from 'react';
import type { ModelCard } from '../../kernels/registry/documents';
import { renderModelCardMarkdown } from '../../kernels/registry/model-card';
import { renderMarkdown } from '../cells/markdown';

export function ModelCardView({ card }: { card: ModelCard }) {
  const html = useMemo(() => renderMarkdown(renderModelCardMarkdown(card)), [card]);
  return <div className="am-card rg-card" data-testid="model-card" dangerouslySetInnerHTML={{ __html: html }} />;
}
