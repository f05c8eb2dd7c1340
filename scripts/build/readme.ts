import type { OperationSpec } from '../../nodes/catalogue/types';

export const README_START = '<!-- operations:start -->';
export const README_END = '<!-- operations:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README's operation table; `paletteLabel` gives each type's English palette label. */
export function readmeTable(operations: readonly OperationSpec[], paletteLabel: (op: OperationSpec) => string): string {
  const rows = operations.map((op) => {
    const permissions = op.oboPermissions ? op.oboPermissions.map((p) => `\`${p}\``).join(', ') : 'bot only';
    return `| \`${op.type}\` | ${cell(paletteLabel(op))} | \`${op.method} ${op.path}\` | ${op.api} | ${permissions} |`;
  });
  return ['| Node type | Palette label | Endpoint | API | OBO permission(s) |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** README with the text between the markers replaced by the table; `undefined` when the markers are absent. */
export function replaceReadmeTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END, start + README_START.length);
  if (start < 0 || end < 0) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
