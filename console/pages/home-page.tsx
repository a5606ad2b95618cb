/** « À traiter »: one section per kind of matter, each row saying why it awaits and where it is handled. */
import { applyFrenchTypography, formatDateTime, Tag } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { ConsoleLayout } from '../layout.js';
import type { TodoRow } from '../registry/todo.js';

export interface TodoSection {
  id: string;
  title: string;
  total: number;
  rows: TodoRow[];
  more?: { label: string; href: string };
}

export interface HomePageProps {
  chrome: Chrome;
  sections: TodoSection[];
  /** A platform admin sees every partner: rows name theirs. */
  platform: boolean;
}

export function HomePage({ chrome, sections, platform }: HomePageProps) {
  const waiting = sections.reduce((n, s) => n + s.total, 0);
  return (
    <ConsoleLayout
      chrome={chrome}
      title="À traiter"
      lede={applyFrenchTypography(
        waiting === 0
          ? 'Rien ne vous attend : vos sources se lisent bien et aucun commentaire n’attend de modération.'
          : `${waiting} ${waiting > 1 ? 'éléments vous attendent' : 'élément vous attend'}, les plus urgents d’abord.`,
      )}
    >
      {sections
        .filter((s) => s.total > 0)
        .map((s) => (
          <section class="pl-section pl-todo" aria-labelledby={`${s.id}-titre`} key={s.id}>
            <h2 class="pl-section__title" id={`${s.id}-titre`}>
              {applyFrenchTypography(s.title)} <span class="pl-todo__count">({s.total})</span>
            </h2>
            <ul class="pl-todo__list">
              {s.rows.map((row) => (
                <li class={`pl-todo__row pl-todo__row--${row.severity}`} key={row.href}>
                  <p class="pl-todo__title">
                    {row.severity === 'alert' && <Tag tone="alert">En échec</Tag>} <a href={row.href}>{row.title}</a>
                  </p>
                  <p class="pl-todo__reason">{applyFrenchTypography(row.reason)}</p>
                  <p class="pl-todo__meta pl-muted">
                    {platform && row.partnerName && <span>{row.partnerName}</span>}
                    {platform && row.partnerName && row.since && ' · '}
                    {row.since && (
                      <span>
                        depuis le <time dateTime={row.since}>{formatDateTime(row.since)}</time>
                      </span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            {s.more && s.total > s.rows.length && (
              <p>
                <a href={s.more.href}>{applyFrenchTypography(`${s.more.label} (${s.total})`)}</a>
              </p>
            )}
          </section>
        ))}
    </ConsoleLayout>
  );
}
