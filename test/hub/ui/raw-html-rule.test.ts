/** The lint rule that keeps raw HTML behind <SanitizedHtml>: it fails everywhere else. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../../', import.meta.url)) });

async function lintRules(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const JSX_RAW =
  'export const Bad = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n';
const H_RAW =
  "import { h } from 'preact';\nexport const bad = (html: string) => h('div', { dangerouslySetInnerHTML: { __html: html } });\n";

describe('raw HTML outside hub/ui/sanitized-html.tsx', () => {
  it.each([
    ['a portal page, in JSX', 'portal/pages/bad-page.tsx', JSX_RAW],
    ['a console page, in JSX', 'console/pages/bad-page.tsx', JSX_RAW],
    ['another kit component', 'hub/ui/components/bad.tsx', JSX_RAW],
    ['a handler, through h()', 'portal/routes/bad.ts', H_RAW],
  ])('fails lint in %s', async (_, filePath, code) => {
    expect(await lintRules(code, filePath)).toEqual([
      'no-restricted-syntax: Raw HTML goes through <SanitizedHtml> (hub/ui/sanitized-html.tsx), for already-sanitized content.',
    ]);
  });

  it('passes in the one helper, and escaped JSX passes everywhere', async () => {
    expect(await lintRules(JSX_RAW, 'hub/ui/sanitized-html.tsx')).toEqual([]);
    const escaped = 'export const Good = ({ text }: { text: string }) => <p class="pl-lede">{text}</p>;\n';
    expect(await lintRules(escaped, 'portal/pages/good-page.tsx')).toEqual([]);
  });
});
