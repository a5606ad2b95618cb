/**
 * The one script of the share block, served at /assets/partage.<hash>.js (loaded defer):
 * shows « Copier le lien » and copies the page's address, saying so in the status line.
 * Without it (or without the Clipboard API) the read-only field is there to copy from.
 */
import type { Context } from 'koa';
import { IMMUTABLE, sendFile, toServedFile, type ServedFile } from '../../hub/assets/index.js';
import { notFound } from '../../hub/http/index.js';

const SOURCE = `(function () {
  var blocks = document.querySelectorAll('[data-share-copy]');
  if (!navigator.clipboard || !blocks.length) return;
  Array.prototype.forEach.call(blocks, function (block) {
    var field = block.querySelector('input');
    var button = block.querySelector('button');
    var status = block.querySelector('[role=status]');
    if (!field || !button || !status) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(
        function () { status.textContent = 'Lien copié dans le presse-papiers.'; },
        function () { field.select(); status.textContent = 'Copie impossible : le lien est sélectionné, copiez-le avec Ctrl+C.'; }
      );
    });
  });
})();
`;

const script: ServedFile = toServedFile(SOURCE, 'text/javascript; charset=utf-8');

/** The script's address under its content hash (pages with a share block pass it in `scripts`). */
export const SHARE_SCRIPT = `/assets/partage.${script.etag.replace(/"/g, '').slice(0, 12)}.js`;

/** GET /assets/partage.:hash.js, immutable under its hash; an old hash is gone. */
export function serveShareScript(ctx: Context): Promise<void> {
  if (ctx.path !== SHARE_SCRIPT) throw notFound(`le script ${ctx.path}`);
  return sendFile(ctx, script, IMMUTABLE);
}
