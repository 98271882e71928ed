// Markdown cells to HTML: raw HTML in the source is shown as text (escaped), and the result is
// sanitised (no javascript: links, no event handlers) before it reaches the page.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { escapeHtml } from '../../shared/escape-html';

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return sanitizeHtml(html);
}

/** Sanitises HTML from outputs and markdown; links open outside the app. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input'] });
}

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
