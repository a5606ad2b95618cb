/**
 * The page checks of a few screens in Chromium (test/helpers/page-checks.ts), signed in as one
 * console agent: one hub, one browser and one session for the block, a test per screen. The
 * files that show screens needing their own data (a wish, a broken link, a grouped story…)
 * say only how to prepare it and which addresses to check.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AgentInput } from '../../hub/accounts/agents.js';
import { HAS_CHROMIUM, launchBrowser } from './browser.js';
import { createTestAgent, signInAs, type ConsoleClient } from './console.js';
import { startTestHub, type TestHub, type TestHubOptions } from './hub.js';
import { checkPageEverywhere } from './page-checks.js';

/** A screen: its address (a function when it names what `prepare` made), its screenshots' name. */
export interface Screen {
  path: string | (() => string);
  name: string;
  /** Checked without the agent's session (a portal page shown beside the console's). */
  anonymous?: boolean;
}

export interface ScreensOptions {
  hub: TestHubOptions;
  /** The agent created, then signed in once `prepare` is done. */
  agent: AgentInput;
  /** The data the screens show, made through the hub (before the agent signs in). */
  prepare?: (hub: TestHub) => Promise<void>;
  /** What the agent does through HTTP before the browser opens (forms that make the data). */
  asAgent?: (agent: ConsoleClient, hub: TestHub) => Promise<void>;
  /** Stops what `prepare` started (a partner's site). */
  cleanup?: () => Promise<void>;
  screens: Screen[];
}

export function describeScreens(title: string, options: ScreensOptions): void {
  let hub: TestHub;
  let browser: Browser;
  let cookies: { name: string; value: string; url: string }[];

  describe.skipIf(!HAS_CHROMIUM)(title, () => {
    beforeAll(async () => {
      hub = await startTestHub(options.hub);
      await options.prepare?.(hub);
      await createTestAgent(options.agent);
      const agent = await signInAs(hub, options.agent.email);
      await options.asAgent?.(agent, hub);
      cookies = [...agent.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await hub?.stop();
      await options.cleanup?.();
    });

    for (const screen of options.screens)
      it(`${screen.name} passes the page checks`, () => {
        const path = typeof screen.path === 'string' ? screen.path : screen.path();
        return checkPageEverywhere(browser, hub.url + path, screen.name, screen.anonymous ? {} : { cookies });
      }, 120_000);
  });
}
