/**
 * A PEM text as the APIs want it. A single-line text field of the edit dialog keeps no line breaks, so a pasted
 * certificate or key arrives as "-----BEGIN CERTIFICATE-----MIIB...-----END CERTIFICATE-----": its lines are put back
 * (64 base64 characters each, as RFC 7468 writes them). Any other text is left as it is.
 */
const ONE_LINE_PEM = /^\s*-----BEGIN ([A-Z0-9 ]+)-----\s*([A-Za-z0-9+/= ]+?)\s*-----END \1-----\s*$/;

export function withPemLines(text: string): string {
  if (text.includes('\n')) return text;
  const match = ONE_LINE_PEM.exec(text);
  if (!match) return text;
  const [, label, body = ''] = match;
  const lines = body.replace(/ /g, '').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}
