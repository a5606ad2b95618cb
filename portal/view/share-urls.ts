/** The share links of a page: each network's own share address, the page's address encoded once. */

export interface ShareLink {
  /** The visible name: « Facebook », « X », « LinkedIn », « WhatsApp », « Courriel ». */
  network: string;
  /** Said before the name by screen readers: « Partager sur ». */
  before: string;
  href: string;
  /** Opens the network in a new window (not the e-mail link). */
  newWindow: boolean;
}

const q = encodeURIComponent;

/** The links, in the order the portal shows them. `title` is plain text. */
export function buildShareLinks(url: string, title: string): ShareLink[] {
  return [
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    { network: 'X', href: `https://x.com/intent/tweet?url=${q(url)}&text=${q(title)}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${q(`${title} ${url}`)}` },
  ]
    .map((link) => ({ ...link, before: 'Partager sur ', newWindow: true }))
    .concat({
      network: 'Courriel',
      before: 'Envoyer par ',
      // mailto (RFC 6068): spaces as %20, never « + »; the body ends with the address.
      href: `mailto:?subject=${q(title)}&body=${q(`${title}\n\n${url}`)}`,
      newWindow: false,
    });
}
