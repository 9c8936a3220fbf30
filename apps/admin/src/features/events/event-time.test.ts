import { describe, expect, it } from 'vitest';
import { zonedInstant } from './event-time';

describe("an event's start in its own time zone", () => {
  it('is the instant the wall clock there shows that day and time', () => {
    expect(zonedInstant('2030-03-12', '08:30', 'UTC')?.toISOString()).toBe('2030-03-12T08:30:00.000Z');
    // London in winter is UTC, in summer UTC+1; New York is UTC-5 / UTC-4.
    expect(zonedInstant('2030-01-15', '09:00', 'Europe/London')?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(zonedInstant('2030-07-15', '09:00', 'Europe/London')?.toISOString()).toBe('2030-07-15T08:00:00.000Z');
    expect(zonedInstant('2030-07-15', '23:30', 'America/New_York')?.toISOString()).toBe('2030-07-16T03:30:00.000Z');
    expect(zonedInstant('2030-07-15', '09:00', 'Asia/Kolkata')?.toISOString()).toBe('2030-07-15T03:30:00.000Z');
  });

  it('refuses malformed days, times and unknown zones', () => {
    expect(zonedInstant('15/07/2030', '09:00', 'UTC')).toBeNull();
    expect(zonedInstant('2030-07-15', '9am', 'UTC')).toBeNull();
    expect(zonedInstant('2030-07-15', '09:00', 'Mars/Olympus')).toBeNull();
  });
});
