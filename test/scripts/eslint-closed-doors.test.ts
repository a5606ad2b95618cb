/** The lint rule that keeps folders closed: run through ESLint's own API on small snippets. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('passerelle/closed-doors', () => {
  it.each([
    [
      'hub/catalog/x.ts',
      "import { ItemModel } from '../items/item-model.js';\nexport { ItemModel };",
      'hub/items/index.ts',
    ],
    ['hub/interaction/comments/x.ts', "export { conflict } from '../../http/errors.js';", 'hub/http/index.ts'],
    ['hub/ingest/x.ts', "export { runConnector } from '../../connectors/run-connector.js';", 'connectors/index.ts'],
    ['hub/ingest/x.ts', "export { sha256Hex } from '../../connectors/shared/hash.js';", 'connectors/index.ts'],
    ['hub/search/x.ts', "export { escapeHtml } from '../../connectors/text/text.js';", 'connectors/text/index.ts'],
    ['connectors/feed/x.ts', "export { sha256Hex } from '../shared/hash.js';", 'connectors/shared/index.ts'],
    ['widgets/server/x.ts', "export { findPartner } from '../../hub/partners/partners.js';", 'hub/partners/index.ts'],
    ['portal/pages/x.tsx', "export { SourceModel } from '../../hub/sources/source-model.js';", 'hub/sources/index.ts'],
    ['console/x.ts', "export const load = () => import('../hub/auth/tokens.js');", 'hub/auth/index.ts'],
    ['portal/x.ts', "export { widgetRoutes } from '../widgets/server/index.js';", 'widgets/index.ts'],
  ])('refuses %s reaching inside another folder', async (file, code, door) => {
    const found = (await problems(file, code)).filter((p) => p.startsWith('passerelle/closed-doors'));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(door);
  });

  it.each([
    ['hub/catalog/x.ts', "export { findItemsByIds } from '../items/index.js';"],
    ['hub/interaction/comments/x.ts', "export { likeItem } from '../likes/likes.js';"],
    ['hub/sources/x.ts', "export type { Config } from '../config.js';"],
    ['connectors/run-x.ts', "export { feedConnector } from './feed/index.js';"],
    ['portal/pages/x.tsx', "export { findPublishedItem } from '../../hub/items/index.js';"],
    ['hub/search/internal/x.ts', "export { htmlToText } from '../../../connectors/text/index.js';"],
    ['test/hub/x.test.ts', "export { ItemModel } from '../../hub/items/item-model.js';"],
  ])('lets %s through its door', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('refuses a model to a face even beside the door rule', async () => {
    const found = await problems('portal/x.ts', "export { ItemModel } from '../hub/items/item-model.js';");
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('no-restricted-imports'),
        expect.stringContaining('closed-doors'),
      ]),
    );
  });

  it('keeps mongoose out of the faces', async () => {
    const found = await problems('console/x.ts', "import mongoose from 'mongoose';\nexport default mongoose;");
    expect(found).toEqual([expect.stringContaining('no-restricted-imports')]);
  });
});
