/** What every lab screen gathers: the lab as the viewer reads it and the partners' names. */
import type { Context } from 'koa';
import { loadLab, viewLab, type LabDoc, type LabView } from '../../hub/labs/index.js';
import type { ConsoleDeps } from '../deps.js';
import { getViewer, type Viewer } from '../http/viewer.js';

export interface LabScreen {
  viewer: Viewer;
  doc: LabDoc;
  lab: LabView;
  partnerName: (id: string) => string;
}

/** The names of partners by id, from the catalog's directory. */
export function partnerNames(deps: ConsoleDeps): (id: string) => string {
  const partners = deps.catalog.partners.current();
  return (id) => partners.get(id)?.name ?? id;
}

/** The lab of the :id parameter as the signed-in agent reads it (404 otherwise). */
export async function loadLabScreen(ctx: Context, deps: ConsoleDeps): Promise<LabScreen> {
  const viewer = getViewer(ctx);
  const doc = await loadLab(String(ctx.params.id ?? ''));
  return { viewer, doc, lab: await viewLab(doc, viewer.principal), partnerName: partnerNames(deps) };
}
