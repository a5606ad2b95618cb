/**
 * html-validate on a rendered page, for every page test: the recommended rules plus the
 * accessibility ones, with the few preferences of this codebase written down.
 */
import { HtmlValidate, type Message } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:a11y'],
  rules: {
    // preact writes void elements as <meta/>, valid HTML.
    'void-style': 'off',
    // Text content is French and escaped by preact; « & » in text is written &amp;.
    'no-trailing-whitespace': 'off',
  },
});

export interface HtmlProblem {
  rule: string;
  message: string;
  line: number;
  selector: string | null;
}

/** The problems html-validate finds in `html` (empty when valid). */
export async function validateHtml(html: string): Promise<HtmlProblem[]> {
  const report = await validator.validateString(html, 'page.html');
  return report.results.flatMap((r) =>
    r.messages.map((m: Message) => ({ rule: m.ruleId, message: m.message, line: m.line, selector: m.selector })),
  );
}
