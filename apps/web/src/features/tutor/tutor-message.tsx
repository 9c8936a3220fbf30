import type { Citation } from '@learningpt/schema';
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { Link } from 'react-router';
import remarkGfm from 'remark-gfm';
import { safeHttpUrl } from '../../lib/safe-url';
import { citedIn, lessonPath, linkCitations } from './tutor-chat-model';

// Model output is markdown rendered as React elements, never as HTML: without rehype-raw,
// react-markdown turns HTML in the text (a <script>, an <img onerror>, or a tag a learner asked
// about) into plain text, shown as written and never parsed (tutor-message.test.ts holds it).
const remarkPlugins = [remarkGfm];

// Links in an answer: our own paths (citations, lessons) stay in the app; anything else must be
// http(s), opens in a new tab and passes nothing on.
const components: Components = {
  a({ href, children, title }) {
    // Same-origin paths only: '//host' and '/\\host' are other sites.
    if (href && /^\/(?![/\\])/.test(href)) {
      const n = typeof children === 'string' ? /^\[(\d+)\]$/.exec(children) : null;
      return (
        <Link
          to={href}
          title={title}
          aria-label={n && title ? `Source ${n[1]}: ${title}` : undefined}
          className={n ? 'font-semibold text-indigo-600 no-underline hover:underline' : undefined}
        >
          {children}
        </Link>
      );
    }
    const safe = href ? safeHttpUrl(href) : undefined;
    if (!safe) return <span>{children}</span>;
    return (
      <a href={safe} title={title} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img({ alt }) {
    // No remote images from model output (they would load from anywhere): their text instead.
    return alt ? <span>[{alt}]</span> : null;
  },
};

/** An answer's markdown, citations linked to their lessons. Memoised: only the streaming one re-renders. */
export const AnswerMarkdown = memo(function AnswerMarkdown({
  text,
  citations,
}: {
  text: string;
  citations: readonly Citation[];
}) {
  return (
    <div className="rich-text text-[0.95rem] [&_table]:w-full [&_table]:text-sm [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1">
      <Markdown remarkPlugins={remarkPlugins} components={components}>
        {linkCitations(text, citations)}
      </Markdown>
    </div>
  );
});

/** The lessons an answer cites, as links (or the passages it drew on when it cites none by number). */
export function AnswerSources({ text, citations }: { text: string; citations: readonly Citation[] }) {
  if (citations.length === 0) return null;
  const cited = citedIn(text, citations);
  const list = cited.length > 0 ? cited : citations;
  const label = cited.length > 0 ? 'Sources' : 'Related lessons';
  return (
    <nav aria-label={label} className="mt-4 border-t border-slate-100 pt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h3>
      <ol className="mt-1.5 space-y-1 text-sm">
        {list.map((c) => (
          <li key={c.n} className="flex gap-2">
            {cited.length > 0 && <span className="text-slate-400">[{c.n}]</span>}
            <Link to={lessonPath(c)} className="font-medium text-indigo-600 hover:underline">
              {c.lessonTitle}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
