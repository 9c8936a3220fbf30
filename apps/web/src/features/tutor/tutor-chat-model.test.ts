import { describe, expect, it } from 'vitest';
import { citedIn, lessonPath, linkCitations, refusalOf, toUIMessages, tutorPathFor } from './tutor-chat-model';

const c1 = {
  n: 1,
  lessonId: 'l1',
  lessonTitle: 'Props "and" state',
  programId: 'p',
  programSlug: 'react',
  lessonSlug: 'x',
};
const c2 = { n: 2, lessonId: 'l 2', lessonTitle: 'Hooks', programId: 'p', programSlug: 'react', lessonSlug: 'y' };

describe('tutor citations', () => {
  it('links each [n] that names a citation to its lesson', () => {
    expect(linkCitations('State lives in components [1], hooks too [2].', [c1, c2])).toBe(
      'State lives in components [[1]](/programs/react/learn/l1 "Props and state"), hooks too [[2]](/programs/react/learn/l%202 "Hooks").',
    );
  });
  it('leaves unknown numbers, links, references and code alone', () => {
    const md = 'See [3], [1](https://x.dev), [1]: ref\n`a[1]` and\n```\nxs[1]\n```\nthen [1]';
    expect(linkCitations(md, [c1])).toBe(
      'See [3], [1](https://x.dev), [1]: ref\n`a[1]` and\n```\nxs[1]\n```\nthen [[1]](/programs/react/learn/l1 "Props and state")',
    );
    expect(linkCitations('no citations [1]', [])).toBe('no citations [1]');
  });
  it('lists the citations a text uses, in order', () => {
    expect(citedIn('b [2] a [1] again [2]', [c2, c1]).map((c) => c.n)).toEqual([1, 2]);
    expect(citedIn('none', [c1])).toEqual([]);
    expect(lessonPath(c2)).toBe('/programs/react/learn/l%202');
  });
});

describe('tutor refusals', () => {
  it('keeps the status, the API message and the upgrade link of a 429', async () => {
    const body = {
      success: false,
      error: { code: 'TOO_MANY_REQUESTS', message: 'Daily limit' },
      upgradeUrl: '/pricing',
    };
    const r = await refusalOf(new Response(JSON.stringify(body), { status: 429 }));
    expect([r.status, r.code, r.message, r.upgradeUrl]).toEqual([429, 'TOO_MANY_REQUESTS', 'Daily limit', '/pricing']);
  });
  it('says something readable when the body is not the API envelope', async () => {
    const r = await refusalOf(new Response('<html>bad gateway</html>', { status: 502 }));
    expect(r.message).toMatch(/unavailable/);
    expect(r.upgradeUrl).toBeUndefined();
  });
});

describe('tutor sessions', () => {
  it('turns saved messages into UI messages with their citations', () => {
    const at = new Date();
    const mine = {
      status: 'complete' as const,
      citations: [],
      cached: false,
      model: null,
      offline: false,
      timestamp: at,
    };
    const ui = toUIMessages('s1', [
      { id: 'u', role: 'user', content: 'Q?', ...mine },
      {
        id: 'a',
        role: 'assistant',
        content: 'A [1]',
        status: 'complete',
        citations: [c1],
        cached: true,
        model: 'offline-tutor',
        offline: true,
        timestamp: at,
      },
      { id: 's', role: 'system', content: 'x', ...mine },
    ]);
    expect(ui.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(ui[1]!.parts).toEqual([
      { type: 'data-citations', data: { citations: [c1] } },
      { type: 'text', text: 'A [1]', state: 'done' },
    ]);
    // A saved answer shows the badges a live one does.
    expect(ui[1]!.metadata).toEqual({
      sessionId: 's1',
      messageId: 'a',
      model: 'offline-tutor',
      cached: true,
      offline: true,
    });
    expect(ui[0]!.metadata).toBeUndefined();
  });
  it('opens the tutor with a program and lesson in focus', () => {
    expect(tutorPathFor({ programId: 'p1', lessonId: 'l1' })).toBe('/tutor?program=p1&lesson=l1');
    expect(tutorPathFor({ programId: 'p1' })).toBe('/tutor?program=p1');
  });
});
