/** Escaping for the HTML the editor helper builds (dialog templates, help). */
namespace SymphonyEditor {
  const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] || c);
  }
}
