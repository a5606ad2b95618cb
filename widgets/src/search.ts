/** <passerelle-search>: a search box with completions, results, facet filters and paging. */
import { attachCombobox } from './combobox.js';
import { h, append, renderSnippet, replace } from './dom.js';
import { createSelection, FACETS, renderFacets, type FacetName, type Selection } from './facets.js';
import { formatDate, hasMessage } from './i18n.js';
import { alertClass, renderEvent, renderTypeBadge } from './item-parts.js';
import { toQuery } from './request.js';
import { toSafeUrl } from './text.js';
import type { ItemList, ItemSummary, Suggestion } from './types.js';
import { WidgetElement } from './widget-element.js';

const PAGE_SIZE = 10;

export class SearchElement extends WidgetElement {
  static observedAttributes = WidgetElement.attributes(
    'partner',
    'topic',
    'type',
    'audience',
    'commune',
    'limit',
    'q',
    'heading',
  );

  private input!: HTMLInputElement;
  private results!: HTMLUListElement;
  private facetBox!: HTMLDivElement;
  private more!: HTMLButtonElement;
  private selection: Selection = createSelection();
  private partnerNames = new Map<string, string>();
  private page = 1;
  private generation = 0;
  private names?: Promise<void>;

  protected render(): void {
    this.input = h('input', {
      id: 'q',
      type: 'search',
      name: 'q',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'q-list',
      value: this.option('q'),
    });
    const listbox = h('ul', { id: 'q-list', role: 'listbox', class: 'listbox', 'aria-label': this.t('suggestions') });
    const combo = attachCombobox({
      input: this.input,
      listbox,
      complete: (q, signal) => this.complete(q, signal),
      choose: () => void this.search(1),
    });
    const form = h(
      'form',
      {
        role: 'search',
        class: 'search-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          combo.close();
          void this.search(1);
        },
      },
      h('label', { for: 'q' }, this.t('searchLabel')),
      h(
        'div',
        { class: 'row' },
        h('div', { class: 'combo' }, this.input, listbox),
        h('button', { type: 'submit' }, this.t('searchButton')),
      ),
    );
    this.results = h('ul', { class: 'results' });
    this.facetBox = h('div', { class: 'facets', role: 'group', 'aria-label': this.t('filters') });
    this.more = h(
      'button',
      { type: 'button', class: 'more', hidden: true, onclick: () => void this.search(this.page + 1) },
      this.t('showMore'),
    );
    replace(
      this.shell,
      h(
        'section',
        null,
        h(this.heading(), null, this.option('heading') ?? this.t('searchTitle')),
        form,
        this.status,
        h('div', { class: 'layout' }, this.facetBox, h('div', null, this.results, this.more)),
      ),
    );
    if (this.option('q')) void this.search(1);
  }

  private async complete(q: string, signal: AbortSignal): Promise<string[]> {
    const result = await this.call<{ suggestions: Suggestion[] }>(`/api/v1/suggest${toQuery({ q, limit: 8 })}`, {
      signal,
    });
    return [...new Set(result.suggestions.map((s) => s.text))];
  }

  /** Partner facet labels: the directory is read once; its failure only leaves ids. */
  private loadPartnerNames(): Promise<void> {
    if (this.option('partner')) return Promise.resolve();
    return (this.names ??= this.call<{ partners: { id: string; name: string }[] }>('/api/v1/partners').then(
      (r) => {
        for (const p of r.partners) this.partnerNames.set(p.id, p.name);
      },
      () => undefined,
    ));
  }

  private fixedFacets(): Set<FacetName> {
    return new Set(FACETS.filter((f) => this.option(f)));
  }

  private queryFor(page: number): string {
    const q = this.input.value.trim();
    const values = (f: FacetName) => this.option(f) ?? ([...this.selection[f]].join(',') || undefined);
    const limit = Math.min(50, Math.max(1, Number(this.option('limit')) || PAGE_SIZE));
    return toQuery({
      q,
      partner: values('partner'),
      type: values('type'),
      topic: values('topic'),
      audience: values('audience'),
      commune: this.option('commune'),
      sort: q ? 'relevance' : 'date',
      page,
      limit,
    });
  }

  /** Runs the search; page > 1 appends the next page and moves focus to its first result. */
  private async search(page: number): Promise<void> {
    const generation = ++this.generation;
    this.say(this.t('loading'));
    try {
      const [result] = await Promise.all([
        this.call<ItemList>(`/api/v1/items${this.queryFor(page)}`),
        this.loadPartnerNames(),
      ]);
      if (generation !== this.generation) return; // a newer search won
      this.page = page;
      for (const item of result.items) if (item.partner) this.partnerNames.set(item.partner.id, item.partner.name);
      this.showResults(result, page > 1);
    } catch (err) {
      if (generation === this.generation) this.sayError(err);
    }
  }

  private showResults(result: ItemList, appended: boolean): void {
    const rows = result.items.map((item) => this.renderResult(item));
    if (appended) append(this.results, ...rows);
    else replace(this.results, ...rows);
    if (appended) rows[0]?.querySelector('a')?.focus();
    else this.showFacets(result);
    this.more.hidden = result.page * result.limit >= result.total;
    this.say(result.total ? this.t('results', { n: result.total }) : this.t('noResults'));
  }

  private showFacets(result: ItemList): void {
    // The checkboxes are rebuilt: keep keyboard focus on the one the user just toggled.
    const focused = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset?.key;
    replace(
      this.facetBox,
      ...renderFacets({
        lang: this.language,
        facets: result.facets ?? {},
        selection: this.selection,
        fixed: this.fixedFacets(),
        partnerNames: this.partnerNames,
        toggle: (facet, value, on) => this.toggle(facet, value, on),
      }),
    );
    if (focused) this.facetBox.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private toggle(facet: FacetName, value: string, on: boolean): void {
    if (on) this.selection[facet].add(value);
    else this.selection[facet].delete(value);
    void this.search(1);
  }

  private renderResult(item: ItemSummary): HTMLLIElement {
    const href = toSafeUrl(item.url);
    const typeKey = `type_${item.type}`;
    const meta = [
      // An alert's type is its badge.
      item.type === 'alert' ? '' : hasMessage(typeKey) ? this.t(typeKey) : item.type,
      formatDate(this.language, item.publishedAt),
      item.partner?.name ?? item.partnerId,
    ];
    return h(
      'li',
      { class: `result${alertClass(item)}` },
      item.type === 'alert' && renderTypeBadge(this, item),
      h(this.heading(1), { class: 'result-title' }, href ? h('a', { href }, item.title) : item.title),
      renderEvent(this, item),
      (item.snippet || item.summary) &&
        h('p', { class: 'snippet' }, item.snippet ? renderSnippet(item.snippet) : item.summary),
      h('p', { class: 'meta' }, meta.filter(Boolean).join(' · ')),
    );
  }
}
