/**
 * The design tokens of the three faces (portal, console, widgets): the one file where the
 * colours, spacing, type scale, radius and focus style are decided. They become CSS custom
 * properties (`--pl-color-text`, `--pl-space-4`…): on `:root` for the pages, on the
 * widgets' `.root` inside their shadow roots (renderTokenCss). Change a value here and
 * every face follows; test/hub/ui/tokens.test.ts measures the contrast pairs below.
 */

/** Colours, light and dark. Text pairs keep 4.5:1, borders and focus 3:1 (WCAG 1.4.3, 1.4.11). */
export const COLORS = {
  /** Page background. */
  bg: { light: '#ffffff', dark: '#15181d' },
  /** Cards, panels, the footer. */
  surface: { light: '#f4f6f9', dark: '#1e232a' },
  text: { light: '#1b1b1b', dark: '#eef1f5' },
  /** Secondary text: dates, hints, metadata. */
  muted: { light: '#4f555d', dark: '#b7bfc9' },
  /** Links, buttons, the brand. */
  primary: { light: '#0b4f9c', dark: '#8fbfff' },
  'on-primary': { light: '#ffffff', dark: '#0b1422' },
  /** A lighter shade of the brand for hovered or selected backgrounds. */
  'primary-surface': { light: '#e6eef8', dark: '#1c2a3d' },
  /** Form controls' borders (3:1 against the background). */
  border: { light: '#6b7280', dark: '#9aa4b0' },
  /** Decorative separators (no contrast requirement). */
  line: { light: '#d5dae1', dark: '#3a414b' },
  focus: { light: '#0b4f9c', dark: '#8fbfff' },
  /** Alerts (coupure, vigilance), errors: always with a text label, never colour alone. */
  alert: { light: '#a4161a', dark: '#ff9b9b' },
  'on-alert': { light: '#ffffff', dark: '#1b0b0c' },
  'alert-surface': { light: '#fdf0f0', dark: '#2e1a1c' },
  success: { light: '#1d6b36', dark: '#8fd8a4' },
  'success-surface': { light: '#edf7f0', dark: '#17291e' },
  /** Search highlights. */
  mark: { light: '#ffe58a', dark: '#ffe58a' },
  'on-mark': { light: '#1b1b1b', dark: '#1b1b1b' },
} as const;

export type ColorName = keyof typeof COLORS;

/** Everything that does not change with the colour scheme. */
export const SCALES = {
  // Spacing: a 4-px grid.
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-5': '1.5rem',
  'space-6': '2rem',
  'space-7': '3rem',
  'space-8': '4rem',
  // Type scale (ratio ≈ 1.2 from 16 px), system fonts only.
  'font-sans': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  'font-mono': 'ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace',
  'font-size-sm': '0.875rem',
  'font-size-base': '1rem',
  'font-size-md': '1.125rem',
  'font-size-lg': '1.375rem',
  'font-size-xl': '1.75rem',
  'font-size-2xl': '2.25rem',
  'line-height': '1.5',
  'line-height-tight': '1.25',
  // Shapes.
  radius: '6px',
  'radius-sm': '4px',
  'radius-pill': '999px',
  // Focus: a 3-px ring outside the element, in --pl-color-focus.
  'focus-width': '3px',
  'focus-offset': '2px',
  // Measures.
  'page-width': '72rem',
  'text-width': '42rem',
  'target-size': '44px',
} as const;

/** Colour pairs that carry text or meaning, with the contrast each must keep in both schemes. */
export const CONTRAST_PAIRS: readonly [foreground: ColorName, background: ColorName, minimum: number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['text', 'primary-surface', 4.5],
  ['text', 'alert-surface', 4.5],
  ['text', 'success-surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['primary', 'bg', 4.5],
  ['primary', 'surface', 4.5],
  ['primary', 'primary-surface', 4.5],
  ['on-primary', 'primary', 4.5],
  ['alert', 'bg', 4.5],
  ['alert', 'surface', 4.5],
  ['alert', 'alert-surface', 4.5],
  ['on-alert', 'alert', 4.5],
  ['success', 'bg', 4.5],
  ['success', 'success-surface', 4.5],
  ['on-mark', 'mark', 4.5],
  ['border', 'bg', 3],
  ['border', 'surface', 3],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
];

type Scheme = 'light' | 'dark';

function declareColors(scheme: Scheme): string {
  return Object.entries(COLORS)
    .map(([name, value]) => `--pl-color-${name}:${value[scheme]};`)
    .join('');
}

/** The scales the widgets' stylesheet reads: the others would only weigh on embed.js. */
const WIDGET_SCALES: readonly (keyof typeof SCALES)[] = ['font-sans', 'radius'];

function declareScales(names: readonly (keyof typeof SCALES)[]): string {
  return names.map((name) => `--pl-${name}:${SCALES[name]};`).join('');
}

/** Where the tokens are declared: the pages' :root, or the widgets' shadow .root. */
export type TokenTarget = 'page' | 'widget';

/**
 * The tokens as CSS. Pages follow the visitor's colour scheme; a widget follows it too
 * unless its theme attribute forces one (data-theme on .root), and gets every colour but
 * only the scales its stylesheet reads.
 */
export function renderTokenCss(target: TokenTarget): string {
  const dark = declareColors('dark');
  if (target === 'page') {
    return [
      `:root{${declareScales(Object.keys(SCALES) as (keyof typeof SCALES)[])}${declareColors('light')}color-scheme:light dark;}`,
      `@media (prefers-color-scheme: dark){:root{${dark}}}`,
    ].join('\n');
  }
  return [
    `.root{${declareScales(WIDGET_SCALES)}${declareColors('light')}}`,
    `@media (prefers-color-scheme: dark){.root:not([data-theme='light']){${dark}}}`,
    `.root[data-theme='dark']{${dark}}`,
  ].join('\n');
}
