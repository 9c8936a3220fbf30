import { describe, expect, it } from 'vitest';
import { nextFreeSlug, slugify } from './slug';

describe('slugify', () => {
  it('makes lower-case words joined by single dashes', () => {
    expect(slugify('Advanced React: Patterns & Hooks!')).toBe('advanced-react-patterns-and-hooks');
    expect(slugify('  Zoë’s   Café 101 ')).toBe('zoe-s-cafe-101');
    expect(slugify('!!!', 'program')).toBe('program');
  });
  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('nextFreeSlug', () => {
  it('adds the lowest free numeric suffix', () => {
    expect(nextFreeSlug('react', [])).toBe('react');
    expect(nextFreeSlug('react', ['react', 'react-2', 'react-native'])).toBe('react-3');
  });
});
