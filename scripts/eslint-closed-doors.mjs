// @ts-check
/**
 * ESLint rule `passerelle/closed-doors`: a folder is entered only through its index.ts.
 *
 * Units: each `hub/<folder>/`, `connectors/` (and inside it each `connectors/<kind>/`),
 * `schemas/`, `widgets/`, `portal/` and `console/`; `connectors/text/` (text helpers, light)
 * has a door of its own so that the search worker need not load every connector. A file may import anything inside its
 * own unit, and from another unit only that unit's `index.ts`. The files at the top of
 * `hub/` (config.ts, log.ts, version.ts, the wiring) are their own doors. Relative paths are
 * resolved, so the rule holds at any depth and for folders created later.
 *
 * Why a small rule and not `no-restricted-imports` patterns: patterns match the written
 * specifier ("../../items/item-model.js"), whose meaning depends on where the importing
 * file sits; resolving the path says exactly which folder is entered, in a dozen lines.
 */
import path from 'node:path';

const FACES = new Set(['widgets', 'portal', 'console', 'schemas']);

/**
 * The unit a repository-relative path belongs to, as its folder; undefined for files
 * that are their own door (hub/*.ts) or outside the checked tree (test/, scripts/).
 * @param {string[]} parts
 * @param {boolean} inConnectors whether the importer is inside connectors/
 * @returns {string | undefined}
 */
function unitOf(parts, inConnectors) {
  const [top, second] = parts;
  if (top === 'hub') return parts.length > 2 ? `hub/${second}` : undefined;
  if (top === 'connectors') {
    // connectors/text is a second, light door (text helpers the search worker loads alone).
    if (inConnectors || (second === 'text' && parts.length > 2))
      return parts.length > 2 ? `connectors/${second}` : 'connectors';
    return 'connectors';
  }
  if (top && FACES.has(top)) return top;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const closedDoors = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another folder only through its index.ts (never its internals or its models)' },
    messages: {
      closed:
        "'{{spec}}' reaches inside {{unit}}/: import it from {{door}} (each folder is entered only through its index.ts)",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep);
    const inConnectors = file[0] === 'connectors';
    const mine = unitOf(file, inConnectors);
    /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep);
      const unit = unitOf(target, inConnectors);
      if (!unit || unit === mine) return;
      // connectors/ itself (run-connector, registry) composes its kinds: that is inside the unit.
      if (mine === 'connectors' && unit.startsWith('connectors/')) return;
      const door = `${unit}/index.js`;
      if (target.join('/') === door) return;
      context.report({
        node: node.source ?? node,
        messageId: 'closed',
        data: { spec, unit, door: `${unit}/index.ts` },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'closed-doors': closedDoors } };
