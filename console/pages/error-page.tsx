/** A refusal or a failure, said in French, with a way on. */
import { applyFrenchTypography, capitalizeFirst } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { AnonymousLayout, ConsoleLayout } from '../layout.js';

export interface ErrorPageProps {
  status: number;
  title: string;
  detail: string;
  chrome?: Chrome;
}

export function ErrorPage({ status, title, detail, chrome }: ErrorPageProps) {
  const body = (
    <>
      <p class="pl-lede">{applyFrenchTypography(capitalizeFirst(detail.endsWith('.') ? detail : `${detail}.`))}</p>
      <p class="pl-muted">Code HTTP {status}</p>
      <p>
        <a href="/console">Revenir à « À traiter »</a>
      </p>
    </>
  );
  if (chrome)
    return (
      <ConsoleLayout chrome={chrome} title={title}>
        {body}
      </ConsoleLayout>
    );
  return <AnonymousLayout title={title}>{body}</AnonymousLayout>;
}
