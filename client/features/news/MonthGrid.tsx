import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayjs, formatLocale, formatLongDate } from '../../lib/format';
import { dayOf } from './format';
import type { NewsAgendaItem } from './types';
import classes from './news.module.css';

/** « Mardi 15 décembre 2026 »: only the first letter up (French months stay lower case). */
export const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Monday … Sunday in the reader's language, long and short (weeks start on Monday, in French and English alike). */
function weekdayNames(locale: string) {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 0, 1 + i, 12));
    return {
      long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(d),
      short: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(d),
    };
  });
}

/**
 * The days (YYYY-MM-DD, Paris time) an event covers: its start day to its
 * end day, an end at midnight sharp belonging to the day before.
 */
export function daysCovered(start: string, end: string | null): string[] {
  const first = dayOf(start);
  const last = end && new Date(end) > new Date(start) ? dayOf(new Date(new Date(end).getTime() - 1)) : first;
  const days: string[] = [];
  // An event spans a few days; the bound keeps a wrong end date from drawing a year of cells.
  for (let d = dayjs(first); days.length < 400; d = d.add(1, 'day')) {
    const key = d.format('YYYY-MM-DD');
    days.push(key);
    if (key >= last) break;
  }
  return days;
}

/** The month's days in weeks from Monday, with blanks before the 1st and after the last day. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = dayjs(`${month}-01`);
  const lead = (first.day() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let i = 0; i < first.daysInMonth(); i++) cells.push(first.add(i, 'day').format('YYYY-MM-DD'));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * The « Par mois » view as a calendar: a table whose columns are the days of
 * the week and whose cells list the events of each day (a multi-day event on
 * every day it covers). One day cell is in the Tab order at a time: arrow
 * keys move a day or a week, Home and End to the week's ends, and Tab goes on
 * to the day's events (links). Each day's list is named by its full date.
 */
export function MonthGrid({ month, items, today }: { month: string; items: NewsAgendaItem[]; today: string }) {
  const { t } = useTranslation('news');
  const locale = formatLocale();
  const names = weekdayNames(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const weeks = monthWeeks(month);
  const byDay = new Map<string, { item: NewsAgendaItem; continued: boolean }[]>();
  for (const item of items) {
    daysCovered(item.start, item.end).forEach((day, i) => {
      if (day.startsWith(month)) byDay.set(day, [...(byDay.get(day) ?? []), { item, continued: i > 0 }]);
    });
  }
  const days = weeks.flat().filter((d): d is string => d !== null);
  const [active, setActive] = useState<string>(() => (today.startsWith(month) ? today : days.find((d) => byDay.has(d)) ?? days[0]!));
  const focusDay = active.startsWith(month) ? active : days[0]!;
  const table = useRef<HTMLTableElement>(null);

  const move = (to: string) => {
    setActive(to);
    table.current?.querySelector<HTMLElement>(`[data-day="${to}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>, day: string) => {
    if (e.target !== e.currentTarget) return; // keys typed on an event link are the link's
    const i = days.indexOf(day);
    const weekday = (dayjs(day).day() + 6) % 7;
    const target = {
      ArrowLeft: days[i - 1], ArrowRight: days[i + 1], ArrowUp: days[i - 7], ArrowDown: days[i + 7],
      Home: days[Math.max(i - weekday, 0)], End: days[Math.min(i + 6 - weekday, days.length - 1)],
    }[e.key];
    if (e.key in { ArrowLeft: 1, ArrowRight: 1, ArrowUp: 1, ArrowDown: 1, Home: 1, End: 1 }) {
      e.preventDefault();
      if (target) move(target);
    }
  };

  return (
    <table ref={table} className={classes.monthGrid} aria-describedby="month-grid-help">
      <caption className={classes.monthCaption}>
        <VisuallyHidden>{t('agenda.gridCaption', { month: dayjs(`${month}-01`).locale(locale).format('MMMM YYYY') })}</VisuallyHidden>
        <Text size="sm" c="dimmed" id="month-grid-help" ta="left">{t('agenda.gridHelp')}</Text>
      </caption>
      <thead>
        <tr>
          {names.map((n) => (
            <th key={n.long} scope="col">
              <abbr title={upperFirst(n.long)} className={classes.weekday}>{upperFirst(n.short.replace(/\.$/, ''))}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((day, i) => {
              if (!day) return <td key={`blank-${i}`} className={classes.blankDay} />;
              const events = byDay.get(day) ?? [];
              const label = upperFirst(formatLongDate(`${day}T12:00:00`));
              return (
                <td
                  key={day}
                  data-day={day}
                  tabIndex={day === focusDay ? 0 : -1}
                  aria-current={day === today ? 'date' : undefined}
                  className={classes.dayCell}
                  data-today={day === today || undefined}
                  onKeyDown={(e) => onKeyDown(e, day)}
                  onFocus={(e) => { if (e.target === e.currentTarget) setActive(day); }}
                  aria-label={events.length ? undefined : `${label}, ${t('agenda.noEvent')}`}
                >
                  <span className={classes.dayNumber} aria-hidden="true">{Number(day.slice(8))}</span>
                  {events.length ? (
                    <ul aria-label={`${label}, ${t('agenda.events', { count: events.length })}`} className={classes.dayEvents}>
                      {events.map(({ item, continued }) => (
                        <li key={item.postId}>
                          <Anchor component={Link} to={`/actualites/${item.postId}`} size="xs" className={classes.gridEvent} data-continued={continued || undefined}>
                            {continued ? <VisuallyHidden>{t('agenda.continued')} </VisuallyHidden> : null}
                            {item.title}
                          </Anchor>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
