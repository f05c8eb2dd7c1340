import type { Area } from '../../nodes/catalogue/types';

/**
 * The colour of nodes of an area nobody gave one yet (and once of every node): light enough for the black label,
 * dark enough for the white icon.
 */
export const SYMPHONY_COLOR = '#6CC4E8';

/**
 * One colour per palette area, so the nodes of each area can be told apart in a flow too. Each keeps the black
 * label readable (contrast at least 7) and the white icon visible (at least 1.9, as Node-RED's own nodes):
 * test/build/palette.test.ts checks it. Keyed by the area as named in the category (`symphony <area>`).
 */
export const AREA_COLORS: Readonly<Record<Area | 'events', string>> = {
  users: '#7FB3E0',
  streams: '#8CC77F',
  messages: '#5FC9C0',
  presence: '#E3AE5F',
  connections: '#B89BE0',
  signals: '#E8968A',
  compliance: '#D99ACB',
  apps: '#B9B86A',
  system: '#A9B4BF',
  events: '#CFB24A',
};

export function paletteCategory(area: Area): string {
  return `symphony ${area}`;
}

/** The colour of a palette category's nodes (`symphony users`, `symphony events`...); a new area gets the fallback. */
export function categoryColor(category: string): string {
  const area = category.replace(/^symphony /, '');
  return Object.prototype.hasOwnProperty.call(AREA_COLORS, area) ? AREA_COLORS[area as keyof typeof AREA_COLORS] : SYMPHONY_COLOR;
}

/** White glyph on transparent, `icons/symphony-<area>.svg`. */
export function areaIcon(area: Area): string {
  return `symphony-${area}.svg`;
}
