import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './sanitize';

describe('sanitizeRichText', () => {
  it('keeps the structure an overview needs', () => {
    const html =
      '<h2>What you learn</h2><p>Some <strong>bold</strong>, <em>emphasis</em> and <code class="language-ts">code</code>.</p>' +
      '<ul><li>one</li></ul><ol start="2"><li>two</li></ol><blockquote>quote</blockquote><pre><code>x = 1</code></pre>' +
      '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('drops scripts, styles, event handlers and iframes', () => {
    const out = sanitizeRichText(
      '<p onclick="steal()">Hi<script>alert(1)</script></p><style>p{}</style><img src="https://x.test/a.png" onerror="alert(1)" alt="a">' +
        '<iframe src="https://evil.test"></iframe><p style="color:red">styled</p>',
    );
    expect(out).toBe('<p>Hi</p><img src="https://x.test/a.png" alt="a" /><p>styled</p>');
    expect(out).not.toMatch(/<script|onerror|onclick|<iframe|style=/i);
  });

  it('keeps http(s) and mailto links, with rel, and drops javascript: and data: URLs', () => {
    expect(sanitizeRichText('<a href="https://example.com" target="_blank">x</a>')).toBe(
      '<a href="https://example.com" rel="noopener noreferrer nofollow">x</a>',
    );
    expect(sanitizeRichText('<a href="mailto:a@b.c">mail</a>')).toContain('href="mailto:a@b.c"');
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer nofollow">x</a>');
    expect(sanitizeRichText('<a href="JaVaScRiPt:alert(1)">x</a>')).not.toMatch(/javascript/i);
    expect(sanitizeRichText('<a href="//evil.test/x">x</a>')).not.toContain('evil');
  });

  it('accepts only https images', () => {
    expect(sanitizeRichText('<img src="http://x.test/a.png">')).toBe('<img />');
    expect(sanitizeRichText('<img src="data:image/png;base64,AAAA">')).toBe('<img />');
  });
});
