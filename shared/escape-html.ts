// Text made safe inside HTML markup and attribute values: the runner's table outputs and the
// renderer's markdown cells both put user text into HTML.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
