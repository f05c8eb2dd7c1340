import type { OperationSpec } from '../../nodes/catalogue/types';
import type { OboEndpointClaim } from './obo-endpoints';

/** A generated part of README.md: the text between its two marker comments. */
export interface ReadmeMarkers {
  start: string;
  end: string;
}

export const OPERATIONS_MARKERS: ReadmeMarkers = { start: '<!-- operations:start -->', end: '<!-- operations:end -->' };
export const OBO_ENDPOINTS_MARKERS: ReadmeMarkers = { start: '<!-- obo-endpoints:start -->', end: '<!-- obo-endpoints:end -->' };

/** What the README says for the generic node (`dynamicTarget`) and for an empty permission list. */
const ANY_ENDPOINT = 'any';
const ANY_API = 'pod, agent, login';
const ENDPOINT_PERMISSION = 'the called endpoint\'s';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function permissionsCell(permissions: readonly string[] | null): string {
  if (!permissions) return 'bot only';
  return permissions.length > 0 ? permissions.map((p) => `\`${p}\``).join(', ') : ENDPOINT_PERMISSION;
}

/** The README's operation table; `paletteLabel` gives each type's English palette label. */
export function readmeTable(operations: readonly OperationSpec[], paletteLabel: (op: OperationSpec) => string): string {
  const rows = operations.map((op) => {
    const endpoint = op.dynamicTarget ? ANY_ENDPOINT : `\`${op.method} ${op.path}\``;
    const api = op.dynamicTarget ? ANY_API : op.api;
    return `| \`${op.type}\` | ${cell(paletteLabel(op))} | ${endpoint} | ${api} | ${permissionsCell(op.oboPermissions)} |`;
  });
  return ['| Node type | Palette label | Endpoint | API | OBO permission(s) |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README's table of OBO-enabled endpoints: one row per claimed endpoint, in the order given. */
export function oboEndpointsTable(claims: readonly OboEndpointClaim[]): string {
  const rows = claims.map((claim) =>
    `| \`${cell(`${claim.method} ${claim.path}`)}\` | \`${claim.type}\` | ${permissionsCell(claim.permissions)} |`);
  return ['| OBO-enabled endpoint | Node type | OBO permission(s) |', '| --- | --- | --- |', ...rows].join('\n');
}

/** README with the text between the markers replaced by `content`; `undefined` when the markers are absent. */
export function replaceBetween(readme: string, markers: ReadmeMarkers, content: string): string | undefined {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end, start + markers.start.length);
  if (start < 0 || end < 0) return undefined;
  return `${readme.slice(0, start + markers.start.length)}\n${content}\n${readme.slice(end)}`;
}

/** A generated README part and where it goes. */
export interface ReadmeSection {
  markers: ReadmeMarkers;
  content: string;
}

/** README with every section whose markers it has replaced; the rest is left as it is. */
export function updateReadme(readme: string, sections: readonly ReadmeSection[]): string {
  return sections.reduce((text, section) => replaceBetween(text, section.markers, section.content) ?? text, readme);
}

/** The text between a section's markers, trimmed; `undefined` when the markers are absent. */
export function readmeSection(readme: string, markers: ReadmeMarkers): string | undefined {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end, start + markers.start.length);
  if (start < 0 || end < 0) return undefined;
  return readme.slice(start + markers.start.length, end).trim();
}
