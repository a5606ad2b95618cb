/**
 * Everything an end-to-end test needs: a hub with partners and fixture items indexed, a
 * partner site on another origin allowed by those partners, and Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { PartnerModel } from '../../../../hub/partners/partner-model.js';
import { startTestHub, type TestHub } from '../../../helpers/hub.js';
import { CATALOG_FIXTURES, insertItems, type ItemFixture } from '../../../helpers/items.js';
import { launchBrowser } from '../../../helpers/browser.js';
import { startHostSite, type HostSite } from './host-site.js';

export { runAxe, type AxeViolation } from '../../../helpers/axe.js';

export interface World {
  hub: TestHub;
  host: HostSite;
  browser: Browser;
  stop(): Promise<void>;
}

/** Partners whose allowedOrigins list the host site. */
export const HOST_PARTNERS = ['noumea', 'province-sud', 'province-nord', 'gouvernement'];

/** Starts the hub, the host site and the browser; `extraItems` are inserted with the catalog fixtures. */
export async function startWorld(
  label: string,
  extraItems: (host: HostSite) => ItemFixture[] = () => [],
): Promise<World> {
  // Partners' images are served from "localhost", another origin than the host site's 127.0.0.1.
  const hub = await startTestHub({ seed: true, label, env: { SOURCE_ALLOWED_HOSTS: '127.0.0.1,localhost' } });
  const host = await startHostSite();
  await insertItems([...CATALOG_FIXTURES, ...extraItems(host)]);
  await PartnerModel.updateMany({ _id: { $in: HOST_PARTNERS } }, { $set: { allowedOrigins: [host.origin] } });
  await hub.services.catalog.search.refresh();
  const browser = await launchBrowser();
  return {
    hub,
    host,
    browser,
    stop: async () => {
      await browser.close();
      await host.close();
      await hub.stop();
    },
  };
}

/** The focused element, looking through shadow roots: "tag#id" or "tag.class". */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}`;
  });
}
