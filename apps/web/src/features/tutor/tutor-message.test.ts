import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AnswerMarkdown, AnswerSources } from './tutor-message';

const citation = {
  n: 1,
  lessonId: 'l1',
  lessonTitle: 'Why types?',
  programId: 'p',
  programSlug: 'ts',
  lessonSlug: 'w',
};

function render(text: string): string {
  return renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(AnswerMarkdown, { text, citations: [citation] })),
  );
}

describe('tutor answers', () => {
  it('renders markdown as elements and citations as links to their lessons', () => {
    const html = render('**Types** help:\n\n- catch typos [1]');
    expect(html).toContain('<strong>Types</strong>');
    expect(html).toContain('<li>catch typos <a');
    expect(html).toContain('href="/programs/ts/learn/l1"');
    expect(html).toContain('aria-label="Source 1: Why types?"');
  });

  it('never renders HTML from the answer: tags are shown as text', () => {
    const html = render('Use <section> here.\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img|<section/);
    expect(html).toContain('&lt;section&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps only http(s) links, opened apart, and no remote images', () => {
    const html = render('[a](javascript:alert(1)) [b](https://example.com/x) ![pic](https://example.com/p.png)');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).not.toContain('<img');
    expect(html).toContain('[pic]');
    // A protocol-relative link is another site: not followed. (Markdown encodes a backslash as %5C.)
    const relative = render('[c](//evil.example/x) [d](/\\evil.example/y)');
    expect(relative).not.toMatch(/href="\/\/|href="\/\\/);
    expect(relative).toContain('<span>c</span>');
  });

  it('lists the cited lessons as sources, or the passages drawn on when none is cited by number', () => {
    const cited = renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(AnswerSources, { text: 'x [1]', citations: [citation] })),
    );
    expect(cited).toContain('aria-label="Sources"');
    expect(cited).toContain('href="/programs/ts/learn/l1"');
    const related = renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(AnswerSources, { text: 'x', citations: [citation] })),
    );
    expect(related).toContain('aria-label="Related lessons"');
  });
});
