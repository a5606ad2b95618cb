/**
 * The console's frame: the kit's page shell with the console's name, the navigation of
 * the agent's role with its counters, who is signed in with the sign-out button, the
 * message left by the last action, and the console's script.
 */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography, Notice, PageShell, type PageShellProps } from '../hub/ui/index.js';
import type { Chrome } from './chrome.js';
import { CsrfField } from './components/csrf-field.js';
import { SecretBox } from './components/secret-box.js';

export const SITE_NAME = 'Console Passerelle';

export interface ConsoleLayoutProps extends Pick<PageShellProps, 'title' | 'heading' | 'lede' | 'breadcrumbs'> {
  chrome: Chrome;
  /** The page shows a refused form: its title starts with « Erreur : ». */
  refused?: boolean;
  children?: ComponentChildren;
}

const BRAND = { name: 'Passerelle', tagline: 'Console des partenaires', href: '/console' };

export function ConsoleLayout({ chrome, refused, children, ...page }: ConsoleLayoutProps) {
  return (
    <PageShell
      {...page}
      title={refused ? `Erreur : ${page.title}` : page.title}
      face="console"
      siteName={SITE_NAME}
      brand={BRAND}
      nav={chrome.nav}
      headerExtra={<SignedIn chrome={chrome} />}
      head={<script type="module" src={chrome.scriptHref} />}
      footer={<ConsoleFooter />}
    >
      <div id="pl-live" class="pl-visually-hidden" aria-live="polite" />
      {chrome.flash && (
        <Notice kind={chrome.flash.kind} status title={chrome.flash.message}>
          {chrome.flash.secret && (
            <SecretBox label={chrome.flash.secretLabel ?? 'À copier'} value={chrome.flash.secret} />
          )}
        </Notice>
      )}
      {children}
    </PageShell>
  );
}

function SignedIn({ chrome }: { chrome: Chrome }) {
  const who = [chrome.user.role, chrome.user.partnerName].filter(Boolean).join(', ');
  return (
    <div class="pl-signed-in">
      <p class="pl-signed-in__who">
        <a href="/console/compte">{chrome.user.name}</a>
        <span class="pl-muted"> — {applyFrenchTypography(who)}</span>
      </p>
      <form method="post" action="/console/deconnexion" class="pl-signed-in__out">
        <CsrfField token={chrome.csrf} />
        <button type="submit" class="pl-link-button">
          Se déconnecter
        </button>
      </form>
    </div>
  );
}

function ConsoleFooter() {
  return (
    <p>
      Passerelle — console des partenaires de <a href="https://service-public.nc">service-public.nc</a>.{' '}
      <a href="/">Le portail</a> · <a href="/api/v1/openapi.json">L'API</a>
    </p>
  );
}

/** The frame of the pages shown before sign-in: no navigation. */
export function AnonymousLayout(
  props: Pick<PageShellProps, 'title' | 'heading' | 'lede'> & {
    refused?: boolean;
    children?: ComponentChildren;
  },
) {
  const { refused, children, ...page } = props;
  return (
    <PageShell
      {...page}
      title={refused ? `Erreur : ${page.title}` : page.title}
      face="console"
      siteName={SITE_NAME}
      brand={BRAND}
      footer={<ConsoleFooter />}
    >
      {children}
    </PageShell>
  );
}
