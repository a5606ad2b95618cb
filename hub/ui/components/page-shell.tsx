/**
 * The frame of every page: skip link, header with the face's name and navigation, the
 * main landmark holding the page's one h1, and the footer. Faces wrap it in their own
 * layout (portal/layout.tsx) that fills the brand, navigation and footer.
 */
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { applyFrenchTypography } from '../../locale/index.js';
import type { FaceName } from '../build-styles.js';
import { PageAssets } from '../page-assets.js';

export interface NavLink {
  label: string;
  href: string;
  /** The link of the page being shown (aria-current="page"). */
  current?: boolean;
  /** Things waiting behind the link, shown as a number after it (nothing when 0). */
  count?: number;
  /** What the number counts, for screen readers: « à traiter », « non lues ». */
  countLabel?: string;
}

export interface PageShellProps {
  /** Which face's stylesheet the page uses. */
  face: FaceName;
  /** The page's own title; the document title adds « — siteName ». */
  title: string;
  siteName: string;
  /** The page's one h1 (default: the title). */
  heading?: ComponentChildren;
  /** A sentence under the h1. */
  lede?: ComponentChildren;
  /** More of the page's head, under the lede (the home page's search box). */
  intro?: ComponentChildren;
  /** <meta name="description">. */
  description?: string;
  /** Brand link in the header: the face's home. */
  brand: { name: string; tagline?: string; href: string };
  nav?: NavLink[];
  /** More of the header, after the navigation (the console's signed-in agent and sign-out). */
  headerExtra?: ComponentChildren;
  /** Shown above the h1 (Breadcrumbs). */
  breadcrumbs?: ComponentChildren;
  /** More elements for <head> (canonical link, alternate feeds…). */
  head?: ComponentChildren;
  footer?: ComponentChildren;
  children?: ComponentChildren;
}

/** A whole <html> document; render it with renderPage or sendPage. */
export function PageShell(props: PageShellProps) {
  const stylesheet = useContext(PageAssets)?.[props.face];
  const title = props.title === props.siteName ? props.title : `${props.title} — ${props.siteName}`;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{applyFrenchTypography(title)}</title>
        {props.description && <meta name="description" content={applyFrenchTypography(props.description)} />}
        <meta name="color-scheme" content="light dark" />
        {stylesheet && <link rel="stylesheet" href={stylesheet.href} />}
        <link rel="icon" href="data:," />
        {props.head}
      </head>
      <body>
        <a class="pl-skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader brand={props.brand} nav={props.nav} extra={props.headerExtra} />
        <main id="contenu" class="pl-main" tabindex={-1}>
          <div class="pl-page-head">
            <div class="pl-container">
              {props.breadcrumbs}
              <h1 class="pl-page-title">{props.heading ?? applyFrenchTypography(props.title)}</h1>
              {props.lede && <p class="pl-lede">{props.lede}</p>}
              {props.intro}
            </div>
          </div>
          <div class="pl-container pl-page-body">{props.children}</div>
        </main>
        <footer class="pl-footer">
          <div class="pl-container">{props.footer}</div>
        </footer>
      </body>
    </html>
  );
}

function SiteHeader({ brand, nav, extra }: Pick<PageShellProps, 'brand' | 'nav'> & { extra?: ComponentChildren }) {
  return (
    <header class="pl-header">
      <div class="pl-container pl-header__inner">
        <a class="pl-header__brand" href={brand.href}>
          <span class="pl-header__name">{brand.name}</span>
          {brand.tagline && <span class="pl-header__tagline">{applyFrenchTypography(brand.tagline)}</span>}
        </a>
        {extra && <div class="pl-header__extra">{extra}</div>}
        {nav && nav.length > 0 && (
          <nav class="pl-nav" aria-label="Navigation principale">
            <ul class="pl-nav__list">
              {nav.map((link) => (
                <li key={link.href}>
                  <a class="pl-nav__link" href={link.href} aria-current={link.current ? 'page' : undefined}>
                    {applyFrenchTypography(link.label)}
                    {link.count ? (
                      <span class="pl-nav__count">
                        {link.count}
                        {link.countLabel && <span class="pl-visually-hidden"> {link.countLabel}</span>}
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
