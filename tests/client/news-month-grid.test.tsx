import { describe, expect, it } from 'vitest';
import { daysCovered, monthWeeks } from '../../client/features/news/MonthGrid';

/**
 * The calendar arithmetic of the agenda's month grid (the grid in the
 * browser, with its keyboard moves and axe: tests/e2e/news-participation.test.ts).
 */
describe('agenda month grid', () => {
  it('lays a month out in weeks from Monday, blanks before the 1st and after the last day', () => {
    // 1 December 2026 is a Tuesday; the 31st a Thursday.
    const weeks = monthWeeks('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks[4]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    // February 2027 starts on a Monday and fills four weeks exactly.
    expect(monthWeeks('2027-02').map((w) => w.filter(Boolean).length)).toEqual([7, 7, 7, 7]);
  });

  it('puts an event on every Paris day it covers, an end at midnight sharp on the day before', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
    expect(daysCovered('2026-11-30T23:30:00Z', null)).toEqual(['2026-12-01']);
    expect(daysCovered('2026-12-30T09:00:00Z', '2027-01-02T17:00:00Z')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    // Ends at 00:00 Paris on the 5th (23:00 UTC on the 4th): the 5th is not an event day.
    expect(daysCovered('2026-12-03T08:00:00Z', '2026-12-04T23:00:00Z')).toEqual(['2026-12-03', '2026-12-04']);
    // An end before its start (refused by the database) still draws the start day only.
    expect(daysCovered('2026-12-03T08:00:00Z', '2026-12-01T08:00:00Z')).toEqual(['2026-12-03']);
  });
});
