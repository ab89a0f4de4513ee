/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-experience"

#include "config.h"

#include <stdlib.h>

#include "shtat-experience.h"

/* How experience is counted (decisions.md item 14)
 *
 * 1. Periods are cut at the as-of date (an open one runs to it, inclusive), periods
 *    starting after it are left out, and the rest are merged: overlapping periods and
 *    periods where one starts the day after the other ends become one, so a day is
 *    never counted twice.
 *
 * 2. Each merged period [from, to] is counted in calendar months and days. Its end is
 *    taken as the day after @to, E. The anniversaries of @from are the same day of the
 *    month 1, 2, 3… months later; where that month has no such day (a start on the
 *    29th–31st, or on 29 February), the anniversary is the 1st of the month after, so
 *    the span ends on the last day of the short month. The count is the number of
 *    anniversaries not after E, in whole months, and the days from the last of them
 *    to E. Twelve months are a year.
 *
 *      2023-03-15..2024-03-14   E = 2024-03-15 = 12th anniversary    1 year
 *      2024-02-01..2024-02-29   E = 2024-03-01 = 1st anniversary     1 month
 *      2023-01-31..2023-02-28   E = 2023-03-01; no 31 February, so
 *                               the 1st anniversary is 2023-03-01    1 month
 *      2023-01-31..2023-02-27   E = 2023-02-28, before it            28 days
 *      2020-02-29..2021-02-28   no 29 February 2021: 2021-03-01      1 year
 *
 *    Every added day adds one day to the count or completes a month, so a period is
 *    never counted as shorter for being longer, and a single period is never rounded
 *    up: 2023-01-01..2023-01-30 is 30 days, not a month.
 *
 * 3. Separate periods are added up as years, months and days; when there are two or
 *    more, every 30 days of the sum make a month and every 12 months a year, as
 *    Kazakhstan HR practice counts стаж.
 *
 * All of it works on Julian day numbers, with one allocation per call at most (none
 * for up to STACK_SPANS periods). */

#define OPEN        G_MAXUINT32
#define STACK_SPANS 32

typedef struct
{
  guint32 from; /* Julian days, both included */
  guint32 to;   /* OPEN: never ends */
} Span;

void
shtat_period_init (ShtatPeriod *period,
                   const GDate *from,
                   const GDate *to)
{
  g_return_if_fail (period != NULL);

  g_date_clear (&period->from, 1);
  g_date_clear (&period->to, 1);
  if (from != NULL && g_date_valid (from))
    period->from = *from;
  if (to != NULL && g_date_valid (to))
    period->to = *to;
}

static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* The anniversary @n months after the day @day.@month.@year: the same day of the
 * month, or the 1st of the month after where the month is too short. */
static guint32
add_months (guint day,
            guint month,
            guint year,
            guint n)
{
  guint months_since_january = (month - 1) + n;
  guint y = year + months_since_january / 12;
  guint m = months_since_january % 12 + 1;
  guint last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);

  if (day <= last)
    return julian_from_dmy (day, m, y);
  return julian_from_dmy (last, m, y) + 1;
}

/* Whole months and remaining days from the Julian day @from (included) to @end
 * (excluded); @end > @from. */
static void
count_span (guint32  from,
            guint32  end,
            guint   *out_months,
            guint   *out_days)
{
  GDate f, e;
  guint fd, fm, fy;
  guint n;
  guint32 anniversary;

  g_date_clear (&f, 1);
  g_date_clear (&e, 1);
  g_date_set_julian (&f, from);
  g_date_set_julian (&e, end);
  fd = g_date_get_day (&f);
  fm = g_date_get_month (&f);
  fy = g_date_get_year (&f);

  /* Months between the calendar months of the two dates; the anniversary in E's
   * month may fall after E (a later day, or rolled to the month after), and then
   * the one before it is the last. */
  n = ((guint) g_date_get_year (&e) - fy) * 12 + (guint) g_date_get_month (&e) - fm;
  anniversary = add_months (fd, fm, fy, n);
  if (anniversary > end)
    {
      n--;
      anniversary = add_months (fd, fm, fy, n);
    }

  *out_months = n;
  *out_days = end - anniversary;
}

ShtatDuration
shtat_period_length (const GDate *from,
                     const GDate *to)
{
  ShtatDuration d = { 0, 0, 0 };
  guint32 f, t;
  guint months, days;

  g_return_val_if_fail (from != NULL && g_date_valid (from), d);
  g_return_val_if_fail (to != NULL && g_date_valid (to), d);

  f = g_date_get_julian (from);
  t = g_date_get_julian (to);
  if (t < f)
    return d;

  count_span (f, t + 1, &months, &days);
  d.years = months / 12;
  d.months = months % 12;
  d.days = days;
  return d;
}

static int
compare_spans (const void *a,
               const void *b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->from != sb->from)
    return sa->from < sb->from ? -1 : 1;
  return 0;
}

/* Fills @spans with the periods cut at @limit (OPEN for no limit), sorted and
 * merged; returns how many there are. */
static guint
merge_periods (const ShtatPeriod *periods,
               guint              n_periods,
               guint32            limit,
               Span              *spans)
{
  guint n = 0;
  guint merged = 0;

  for (guint i = 0; i < n_periods; i++)
    {
      const ShtatPeriod *p = &periods[i];
      guint32 from, to;

      if (!g_date_valid (&p->from))
        continue;
      from = g_date_get_julian (&p->from);
      to = g_date_valid (&p->to) ? g_date_get_julian (&p->to) : OPEN;
      if (from > limit)
        continue;
      to = MIN (to, limit);
      if (to < from)
        continue;
      spans[n].from = from;
      spans[n].to = to;
      n++;
    }

  if (n == 0)
    return 0;

  qsort (spans, n, sizeof (Span), compare_spans);

  for (guint i = 1; i < n; i++)
    {
      Span *last = &spans[merged];

      /* overlapping, or starting the day after the last one ends */
      if (last->to == OPEN || spans[i].from <= last->to + 1)
        last->to = MAX (last->to, spans[i].to);
      else
        spans[++merged] = spans[i];
    }
  return merged + 1;
}

static Span *
spans_for (guint  n_periods,
           Span  *stack)
{
  return n_periods <= STACK_SPANS ? stack : g_new (Span, n_periods);
}

static void
spans_free (Span *spans,
            Span *stack)
{
  if (spans != stack)
    g_free (spans);
}

/* The experience the periods give on @as_of (items 14 and 19). */
ShtatDuration
shtat_experience_total (const ShtatPeriod *periods,
                        guint              n_periods,
                        const GDate       *as_of)
{
  ShtatDuration d = { 0, 0, 0 };
  Span stack[STACK_SPANS];
  Span *spans;
  guint n;
  guint months = 0;
  guint days = 0;

  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), d);
  g_return_val_if_fail (periods != NULL || n_periods == 0, d);

  spans = spans_for (n_periods, stack);
  n = merge_periods (periods, n_periods, g_date_get_julian (as_of), spans);
  for (guint i = 0; i < n; i++)
    {
      guint m, dd;

      count_span (spans[i].from, spans[i].to + 1, &m, &dd);
      months += m;
      days += dd;
    }
  spans_free (spans, stack);

  if (n >= 2)
    {
      months += days / 30;
      days %= 30;
    }
  d.years = months / 12;
  d.months = months % 12;
  d.days = days;
  return d;
}

/* The first date on which shtat_experience_total() of the periods reaches @years
 * years, open periods running on to that date (item 19: in a category since
 * 2022-02-01 and needing 2 years in it → 2024-01-31). It may lie before today: the
 * caller compares it with its as-of date. Returns FALSE, leaving @out_date
 * invalid, when the periods are all closed and never add up to @years. */
gboolean
shtat_experience_date_reaching (const ShtatPeriod *periods,
                                guint              n_periods,
                                guint              years,
                                GDate             *out_date)
{
  Span stack[STACK_SPANS];
  Span *spans;
  guint n;
  guint target = years * 12;
  guint acc_months = 0;
  guint acc_days = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (out_date != NULL, FALSE);
  g_date_clear (out_date, 1);
  g_return_val_if_fail (years > 0 && years <= 1000, FALSE);
  g_return_val_if_fail (periods != NULL || n_periods == 0, FALSE);

  spans = spans_for (n_periods, stack);
  n = merge_periods (periods, n_periods, OPEN, spans);

  for (guint i = 0; i < n && !found; i++)
    {
      const Span *s = &spans[i];
      guint32 date;
      GDate f;
      guint fd, fm, fy;

      g_date_clear (&f, 1);
      g_date_set_julian (&f, s->from);
      fd = g_date_get_day (&f);
      fm = g_date_get_month (&f);
      fy = g_date_get_year (&f);

      if (i == 0)
        {
          /* Alone, a period is not rounded: the day before its anniversary. */
          date = add_months (fd, fm, fy, target) - 1;
        }
      else
        {
          /* With the periods before it, whose days may carry: the earlier of the
           * day before the anniversary giving the months still needed, and the day
           * on which, a month short of it, the days carry into that month. */
          guint carried = acc_days / 30;
          guint rest = acc_days % 30;

          if (acc_months + carried >= target)
            date = s->from;
          else
            {
              guint need = target - acc_months - carried;
              guint32 by_months = add_months (fd, fm, fy, need) - 1;
              guint32 by_days = add_months (fd, fm, fy, need - 1) + (30 - rest) - 1;

              date = MIN (by_months, by_days);
            }
        }

      if (s->to == OPEN || date <= s->to)
        {
          g_date_set_julian (out_date, date);
          found = TRUE;
        }
      else
        {
          guint m, d;

          count_span (s->from, s->to + 1, &m, &d);
          acc_months += m;
          acc_days += d;
        }
    }

  spans_free (spans, stack);
  return found;
}

/* Whether @duration is at least @years years (months of 12 and over count). */
gboolean
shtat_duration_at_least_years (const ShtatDuration *duration,
                               guint                years)
{
  g_return_val_if_fail (duration != NULL, FALSE);

  return (guint64) duration->years * 12 + duration->months >= (guint64) years * 12;
}
