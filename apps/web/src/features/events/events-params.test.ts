import { ZEventListInput } from '@learningpt/schema';
import { describe, expect, it } from 'vitest';
import { eventTime, statusLabel } from './event-format';
import { parseEventParams, toEventListInput, toEventParams } from './events-params';

const now = new Date('2026-12-02T12:00:00Z');

describe('events list URL', () => {
  it('reads the filters and writes them back without the defaults', () => {
    const f = parseEventParams(new URLSearchParams('when=past&category=design&format=online&featured=1&q=ux&page=2'));
    expect(f).toEqual({ page: 2, when: 'past', category: 'design', format: 'online', featured: true, search: 'ux' });
    expect(toEventParams(f).toString()).toBe('when=past&category=design&format=online&featured=1&q=ux&page=2');
    expect(toEventParams(parseEventParams(new URLSearchParams())).toString()).toBe('');
  });

  it('falls back to the defaults on hand-edited values', () => {
    expect(parseEventParams(new URLSearchParams('when=soon&format=vr&featured=yes&page=-3'))).toEqual({
      page: 1,
      when: 'upcoming',
    });
  });

  it('asks the API for what the filters say, in an input its schema accepts', () => {
    const upcoming = toEventListInput({ page: 1, when: 'upcoming', format: 'in-person' }, now);
    expect(upcoming).toEqual({ page: 1, limit: 9, from: now, isOnline: false });
    const past = toEventListInput({ page: 3, when: 'past', featured: true, category: 'cloud' }, now);
    expect(past).toEqual({ page: 3, limit: 9, to: now, sort: 'latest', featured: true, category: 'cloud' });
    expect(toEventListInput({ page: 1, when: 'all' }, now)).toEqual({ page: 1, limit: 9 });
    for (const input of [upcoming, past]) expect(ZEventListInput.safeParse(input).success).toBe(true);
  });
});

describe('event format', () => {
  it("shows the time in the event's own time zone", () => {
    expect(eventTime(new Date('2030-03-12T08:30:00Z'), 'Europe/Madrid')).toMatch(/9:30/);
    expect(eventTime(new Date('2030-01-15T17:00:00Z'), 'UTC')).toMatch(/5:00/);
  });

  it('reads an upcoming event whose time has passed as started or ended', () => {
    const e = (startsAt: string, endsAt: string) => ({
      status: 'upcoming' as const,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    });
    expect(statusLabel(e('2030-01-01T00:00:00Z', '2030-01-01T01:00:00Z'), now)).toBe('Upcoming');
    expect(statusLabel(e('2026-12-02T11:00:00Z', '2026-12-02T13:00:00Z'), now)).toBe('Happening now');
    expect(statusLabel(e('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z'), now)).toBe('Ended');
  });
});
