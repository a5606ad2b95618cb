import { describe, expect, it } from 'vitest';
import { COLORS, CONTRAST_PAIRS, renderTokenCss, SCALES } from '../../../hub/ui/index.js';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.1 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('design tokens', () => {
  const rows = CONTRAST_PAIRS.flatMap(([fg, bg, min]) =>
    (['light', 'dark'] as const).map((scheme) => [scheme, fg, bg, min] as const),
  );

  it.each(rows)('%s: %s on %s keeps %d:1', (scheme, fg, bg, min) => {
    const ratio = contrast(COLORS[fg][scheme], COLORS[bg][scheme]);
    expect(ratio, `${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(min);
  });

  it('checks the measure itself against known WCAG figures', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('declares every token for pages, with the dark scheme under prefers-color-scheme', () => {
    const css = renderTokenCss('page');
    for (const name of Object.keys(COLORS))
      expect(css).toContain(`--pl-color-${name}:${COLORS[name as keyof typeof COLORS].light};`);
    for (const [name, value] of Object.entries(SCALES)) expect(css).toContain(`--pl-${name}:${value};`);
    expect(css).toMatch(/^:root\{/);
    expect(css).toContain(`@media (prefers-color-scheme: dark){:root{--pl-color-bg:${COLORS.bg.dark};`);
  });

  it("scopes the widgets' tokens to their .root, with a forced dark theme", () => {
    const css = renderTokenCss('widget');
    expect(css).not.toContain(':root');
    expect(css).toMatch(/^\.root\{/);
    expect(css).toContain(`.root:not([data-theme='light']){--pl-color-bg:${COLORS.bg.dark};`);
    expect(css).toContain(`.root[data-theme='dark']{--pl-color-bg:${COLORS.bg.dark};`);
    expect(css).toContain(`--pl-radius:${SCALES.radius};`);
    for (const name of Object.keys(COLORS)) expect(css).toContain(`--pl-color-${name}:`);
  });
});
