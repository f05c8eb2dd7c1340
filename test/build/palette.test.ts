import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { AREA_COLORS, categoryColor, paletteCategory, SYMPHONY_COLOR } from '../../scripts/build/palette';
import { builtCatalog, loadEditor, readBuilt, ROOT } from './support';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('build: node colours, one per palette area (scripts/build/palette.ts)', () => {
  const categories = [...new Set([...catalogue.map((op) => paletteCategory(op.area)), ...dedicatedNodes.map((spec) => spec.category)])];

  it('gives every category of the palette a colour of its own', () => {
    const colours = categories.map(categoryColor);
    assert.ok(categories.length >= 8, categories.join(', '));
    assert.equal(new Set(colours.map((c) => c.toLowerCase())).size, categories.length, `two areas share a colour: ${categories.map((c, i) => `${c} ${colours[i]}`).join(', ')}`);
    assert.ok(!colours.includes(SYMPHONY_COLOR), 'the fallback stays free for areas added later');
  });

  it('keeps the black label readable and the white icon visible on each', () => {
    for (const [area, colour] of [...Object.entries(AREA_COLORS), ['fallback', SYMPHONY_COLOR]] as const) {
      assert.match(colour, /^#[0-9A-Fa-f]{6}$/, area);
      const l = luminance(colour);
      assert.ok(contrast(l, 0) >= 7, `${area} ${colour}: black label contrast ${contrast(l, 0).toFixed(2)} < 7`);
      assert.ok(contrast(l, 1) >= 1.9, `${area} ${colour}: white icon contrast ${contrast(l, 1).toFixed(2)} < 1.9`);
    }
  });

  it('falls back to the Symphony colour for an area without one', () => {
    assert.equal(categoryColor('symphony not-an-area'), SYMPHONY_COLOR);
    assert.equal(categoryColor('symphony users'), AREA_COLORS.users);
  });

  it('registers each node type with its category\'s colour', () => {
    const { definitions } = loadEditor(readBuilt('symphony.html'), builtCatalog());
    const wrong = [...definitions].filter(([, def]) => def.category !== 'config' && def.color !== categoryColor(def.category))
      .map(([type, def]) => `${type} (${def.category}): ${def.color}`);
    assert.deepEqual(wrong, []);
    assert.equal(definitions.get('symphony-events')?.color, AREA_COLORS.events);
    assert.equal(definitions.get('symphony-message-parse')?.color, AREA_COLORS.messages);
  });

  it("is listed in the README's palette table, every category once", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \*(symphony [a-z-]+)\* \|/gm)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), [...categories].sort());
  });
});
