import type { Area } from '../../nodes/catalogue/types';

/** One Symphony colour for every node (light enough for the black palette label). */
export const SYMPHONY_COLOR = '#6CC4E8';

export function paletteCategory(area: Area): string {
  return `symphony ${area}`;
}

/** White glyph on transparent, `icons/symphony-<area>.svg`. */
export function areaIcon(area: Area): string {
  return `symphony-${area}.svg`;
}
