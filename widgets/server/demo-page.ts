/** GET /widgets/demo: every widget live against this hub, each with its snippet. */
import { escapeHtml, hashSource } from './html.js';
import type { Snippets } from './snippets.js';

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem}h2{margin-top:2.5rem;border-top:1px solid #d5dae1;padding-top:1rem}
pre{overflow:auto;background:#f4f6f9;border:1px solid #d5dae1;border-radius:6px;padding:.75rem;white-space:pre-wrap;word-break:break-all}
code{font-family:ui-monospace,Consolas,monospace;font-size:.875rem}
a{color:#0b4f9c}:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
.live{border:1px dashed #6b7280;border-radius:6px;margin:1rem 0}
passerelle-news.custom{--passerelle-color-primary:#7a1f5c;--passerelle-radius:0;--passerelle-font:Georgia,serif}
iframe{width:100%;height:420px;border:0}
`;

/** The CSP source of the page's one inline stylesheet. */
export const DEMO_STYLE_HASH = hashSource(STYLE);

export interface DemoPage {
  snippets: Snippets;
  /** An item to show in <passerelle-article>, when the hub has one. */
  itemId?: string;
  /** Origin the demo iframe posts its height to (this page's). */
  origin: string;
}

function section(title: string, intro: string, live: string, snippet: string): string {
  return `<section>
<h2>${escapeHtml(title)}</h2>
<p>${escapeHtml(intro)}</p>
<div class="live">${live}</div>
<p>Extrait à copier :</p>
<pre tabindex="0"><code>${escapeHtml(snippet)}</code></pre>
</section>`;
}

/** Renders the demo page. */
export function renderDemoPage({ snippets, itemId, origin }: DemoPage): string {
  const frameSrc = `/widgets/v1/frame/news?${new URLSearchParams({ limit: '3', origin, id: 'demo' })}`;
  const article = itemId
    ? `<passerelle-article item="${escapeHtml(itemId)}" heading-level="3"></passerelle-article>`
    : "<p>Aucun contenu n'est encore publié sur ce hub : le widget article s'affichera dès le premier contenu.</p>";
  const css =
    'passerelle-news {\n  --passerelle-color-primary: #7a1f5c;\n  --passerelle-radius: 0;\n  --passerelle-font: Georgia, serif;\n}';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widgets Passerelle — démonstration</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Widgets Passerelle — démonstration</h1>
<p>Chaque widget ci-dessous fonctionne en direct sur ce hub. Copiez l'extrait de code pour l'intégrer à votre site : le script s'ajoute une seule fois par page, puis chaque balise affiche un widget.</p>
<section>
<h2>Installer le script</h2>
<p>À placer une fois dans la page, avant la fermeture de la balise body. Les attributs data-partner, data-lang ou data-theme du script servent de valeurs par défaut à tous les widgets.</p>
<pre tabindex="0"><code>${escapeHtml(snippets.script)}</code></pre>
</section>
${section('Actualités', 'Les derniers contenus publiés, filtrables par partenaire, thème, type ou commune.', '<passerelle-news limit="3" heading-level="3"></passerelle-news>', snippets.news)}
${section('Recherche', 'Recherche en français avec suggestions, filtres et chargement progressif des résultats.', '<passerelle-search heading-level="3"></passerelle-search>', snippets.search)}
${section("Article, mentions J'aime et commentaires", "Un contenu, son bouton J'aime et le fil de commentaires modéré.", article, snippets.article)}
${section('Version iframe', 'Pour les sites dont le gestionnaire de contenu interdit les scripts. Le petit script frame.js, facultatif, ajuste la hauteur du cadre.', `<iframe src="${escapeHtml(frameSrc)}" title="Actualités (version iframe)"></iframe>`, snippets.iframe)}
${section('Personnaliser', 'Couleurs, police et arrondis se règlent par des propriétés CSS ; theme="dark" ou theme="light" force un thème et lang="en" passe en anglais.', '<passerelle-news class="custom" limit="2" heading-level="3"></passerelle-news>', css)}
</main>
<script src="/widgets/v1/embed.js"></script>
<script src="/widgets/v1/frame.js"></script>
</body>
</html>
`;
}
