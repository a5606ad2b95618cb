/**
 * « Partager cette page »: plain links to the networks' own share pages (no third-party
 * script, no iframe, nothing loaded before a citizen clicks), an e-mail link, and the
 * page's address in a read-only field with « Copier le lien » (the button appears with
 * JavaScript, share-script.ts; without it, the field is there to select and copy).
 */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { useAbsoluteUrl } from '../site/site-context.js';
import { buildShareLinks } from '../view/share-urls.js';

export { SHARE_SCRIPT } from '../site/share-script.js';

export interface ShareLinksProps {
  /** The page's canonical path (made absolute from PUBLIC_URL): the address shared. */
  path: string;
  /** The page's title, sent with the address where the network takes a text. */
  title: string;
  /** Unique in the page: ids of the heading and the field. */
  id?: string;
}

/** Pages showing it also load SHARE_SCRIPT (`scripts={[SHARE_SCRIPT]}`) for « Copier le lien ». */
export function ShareLinks({ path, title, id = 'partager' }: ShareLinksProps) {
  const url = useAbsoluteUrl()(path);
  const links = buildShareLinks(url, applyFrenchTypography(title));
  return (
    <section class="pl-section pl-share" aria-labelledby={`${id}-titre`}>
      <h2 class="pl-section__title" id={`${id}-titre`}>
        Partager cette page
      </h2>
      <ul class="pl-share__links">
        {links.map((link) => (
          <li key={link.network}>
            <a
              class="pl-share__link"
              href={link.href}
              {...(link.newWindow ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              <span class="pl-visually-hidden">{link.before}</span>
              {link.network}
              {link.newWindow && <span class="pl-visually-hidden"> (nouvelle fenêtre)</span>}
            </a>
          </li>
        ))}
      </ul>
      <div class="pl-share__copy" data-share-copy="">
        <label class="pl-share__label" for={`${id}-adresse`}>
          Adresse de cette page
        </label>
        <div class="pl-share__row">
          <input class="pl-share__field" id={`${id}-adresse`} type="url" value={url} readOnly />
          <button class="pl-button pl-button--secondary pl-share__button" type="button" hidden>
            Copier le lien
          </button>
        </div>
        <p class="pl-share__status" role="status" />
      </div>
    </section>
  );
}
