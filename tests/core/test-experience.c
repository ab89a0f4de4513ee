/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-experience"

/* Experience arithmetic (decisions.md items 14 and 19). Each expected figure is
 * counted by hand in the comment next to it, following the rule described at the
 * top of shtat-experience.c: E is the day after the period's last day; the period
 * holds as many whole months as there are anniversaries of its first day up to E
 * (an anniversary missing from a short month falls on the 1st of the next), and
 * the days from the last anniversary to E. Nothing is copied from the program. */

#include "config.h"

#include <stdio.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

#define MAX_PERIODS 4

typedef struct
{
  const char *from;
  const char *to; /* NULL: open */
} PeriodText;

static guint
make_periods (const PeriodText *texts,
              ShtatPeriod      *periods)
{
  guint n = 0;

  for (guint i = 0; i < MAX_PERIODS && texts[i].from != NULL; i++)
    {
      GDate from = shtat_test_date_iso (texts[i].from);
      GDate to = shtat_test_date_iso (texts[i].to);

      shtat_period_init (&periods[n++], &from, &to);
    }
  return n;
}

static void
assert_duration (ShtatDuration d,
                 guint         years,
                 guint         months,
                 guint         days)
{
  g_assert_cmpuint (d.years, ==, years);
  g_assert_cmpuint (d.months, ==, months);
  g_assert_cmpuint (d.days, ==, days);
}

/* One period, first and last day included. */
static void
test_period_length (void)
{
  struct { const char *from, *to; guint y, m, d; } cases[] = {
    /* item 14: E = 2024-03-15, the 12th anniversary of 15 March */
    { "2023-03-15", "2024-03-14", 1, 0, 0 },
    /* E = 2024-02-01, the 1st anniversary */
    { "2024-01-01", "2024-01-31", 0, 1, 0 },
    /* leap February: E = 2024-03-01, the 1st anniversary of 1 February */
    { "2024-02-01", "2024-02-29", 0, 1, 0 },
    { "2023-02-01", "2023-02-28", 0, 1, 0 },
    /* no 31 February: the 1st anniversary of 31 January 2023 is 1 March; E = 28 Feb is
     * before it, and 31 Jan → 28 Feb is 28 days */
    { "2023-01-31", "2023-02-27", 0, 0, 28 },
    /* E = 1 March = the 1st anniversary: the rest of January and all of February */
    { "2023-01-31", "2023-02-28", 0, 1, 0 },
    /* anniversaries 1 March, 31 March; E = 31 March */
    { "2023-01-31", "2023-03-30", 0, 2, 0 },
    /* E = 30 March, before 31 March: 1 month and 1 March → 30 March = 29 days */
    { "2023-01-31", "2023-03-29", 0, 1, 29 },
    /* no 31 April: the 3rd anniversary is 1 May = E */
    { "2023-01-31", "2023-04-30", 0, 3, 0 },
    /* no 29 February 2021: the 12th anniversary is 2021-03-01 = E */
    { "2020-02-29", "2021-02-28", 1, 0, 0 },
    /* E = 2021-02-28; 11th anniversary 2021-01-29; 29 Jan → 28 Feb = 30 days, which a
     * single period keeps as days */
    { "2020-02-29", "2021-02-27", 0, 11, 30 },
    /* 29 February 2024 exists: the 48th anniversary is E = 2024-02-29 */
    { "2020-02-29", "2024-02-28", 4, 0, 0 },
    /* E = 2020-03-29, the 1st anniversary */
    { "2020-02-29", "2020-03-28", 0, 1, 0 },
    /* a single day */
    { "2024-01-01", "2024-01-01", 0, 0, 1 },
    /* 30 days are not a month: E = 31 January, before 1 February */
    { "2023-01-01", "2023-01-30", 0, 0, 30 },
    /* E = 2024-07-21; 40th anniversary 2024-07-15; 15 → 21 July = 6 days */
    { "2021-03-15", "2024-07-20", 3, 4, 6 },
    /* across New Year: 20–31 December is 12 days, 1–10 January 10: 22 */
    { "2019-12-20", "2020-01-10", 0, 0, 22 },
    /* ends before it starts: nothing */
    { "2024-03-01", "2024-02-29", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from = shtat_test_date_iso (cases[i].from);
      GDate to = shtat_test_date_iso (cases[i].to);

      g_test_message ("%s..%s", cases[i].from, cases[i].to);
      assert_duration (shtat_period_length (&from, &to), cases[i].y, cases[i].m, cases[i].d);
    }
}

/* Several periods counted on an as-of date. */
static void
test_total (void)
{
  struct
  {
    PeriodText  periods[MAX_PERIODS];
    const char *as_of;
    guint       y, m, d;
  } cases[] = {
    /* adjacent halves merge into 2020-01-01..2020-12-31: E = 2021-01-01, 12 months */
    { { { "2020-01-01", "2020-06-30" }, { "2020-07-01", "2020-12-31" } }, "2025-01-01", 1, 0, 0 },
    /* adjacent, and merging matters: January is 1 month, whereas 15 + 16 days apart
     * would carry to 1 month 1 day */
    { { { "2023-01-01", "2023-01-15" }, { "2023-01-16", "2023-01-31" } }, "2024-01-01", 0, 1, 0 },
    /* overlap counted once: 2020-01-01..2021-06-30, E = 2021-07-01, 18 months */
    { { { "2020-01-01", "2020-12-31" }, { "2020-07-01", "2021-06-30" } }, "2024-01-01", 1, 6, 0 },
    /* the same in the other order */
    { { { "2020-07-01", "2021-06-30" }, { "2020-01-01", "2020-12-31" } }, "2024-01-01", 1, 6, 0 },
    /* nested: the inner period adds nothing to 2020-01-01..2021-12-31 */
    { { { "2020-01-01", "2021-12-31" }, { "2020-05-10", "2020-08-20" } }, "2024-01-01", 2, 0, 0 },
    /* item 19: open since 2022-02-01, on 2024-01-31: E = 2024-02-01, 24 months */
    { { { "2022-02-01", NULL } }, "2024-01-31", 2, 0, 0 },
    /* a day earlier: E = 2024-01-31; 23rd anniversary 2024-01-01; 30 days, not carried */
    { { { "2022-02-01", NULL } }, "2024-01-30", 1, 11, 30 },
    /* item 14: open since 2023-03-15 → 1 year on 2024-03-14 */
    { { { "2023-03-15", NULL } }, "2024-03-14", 1, 0, 0 },
    /* a closed period past the as-of date is cut: 2023-01-01..2024-06-30, 18 months */
    { { { "2023-01-01", "2030-12-31" } }, "2024-06-30", 1, 6, 0 },
    /* a period starting after the as-of date is left out */
    { { { "2020-01-01", "2020-12-31" }, { "2025-01-01", NULL } }, "2024-12-31", 1, 0, 0 },
    /* one starting on the as-of date counts that day: 12 months + 1 day */
    { { { "2020-01-01", "2020-12-31" }, { "2024-12-31", NULL } }, "2024-12-31", 1, 0, 1 },
    /* days carry: 1–20 January = 20 days (E = 21 Jan), 1–15 March = 15 days;
     * 35 days = 1 month 5 days */
    { { { "2023-01-01", "2023-01-20" }, { "2023-03-01", "2023-03-15" } }, "2024-01-01", 0, 1, 5 },
    /* months carry: 7 months (E = 2019-08-01) + 6 months (E = 2021-07-01) = 13 */
    { { { "2019-01-01", "2019-07-31" }, { "2021-01-01", "2021-06-30" } }, "2024-01-01", 1, 1, 0 },
    /* both carry to exactly a year: 10 months 20 days (E = 2022-11-21, 10th
     * anniversary 1 Nov) + 1 month 10 days (E = 2023-06-11, 1st anniversary 1 June)
     * = 11 months 30 days = 12 months */
    { { { "2022-01-01", "2022-11-20" }, { "2023-05-01", "2023-06-10" } }, "2024-01-01", 1, 0, 0 },
    /* three periods. 2015-03-10..2016-05-24: E = 2016-05-25, 14th anniversary
     * 2016-05-10, 15 days. 2017-09-01..2018-03-20: E = 2018-03-21, 6 months 20 days.
     * 2019-11-25..2020-03-04: E = 2020-03-05, 4th anniversary 25 March is after it,
     * 3rd 25 Feb; 25 Feb → 5 Mar in a leap year = 9 days. Months 14 + 6 + 3 = 23,
     * days 15 + 20 + 9 = 44 = 1 month 14 days: 24 months 14 days */
    { { { "2015-03-10", "2016-05-24" }, { "2017-09-01", "2018-03-20" },
        { "2019-11-25", "2020-03-04" } }, "2024-01-01", 2, 0, 14 },
    /* a single period of 30 days stays 30 days */
    { { { "2023-01-01", "2023-01-30" } }, "2024-01-01", 0, 0, 30 },
    /* open since 29 Feb 2020: 1 year on 2021-02-28 (anniversary 1 March 2021) */
    { { { "2020-02-29", NULL } }, "2021-02-28", 1, 0, 0 },
    { { { "2020-02-29", NULL } }, "2021-02-27", 0, 11, 30 },
    /* a closed period overlapping an open one: 2021-01-01..2023-05-31,
     * E = 2023-06-01, 29 months */
    { { { "2021-01-01", "2021-12-31" }, { "2021-06-01", NULL } }, "2023-05-31", 2, 5, 0 },
    /* unusable periods count for nothing: no start, ending before it starts */
    { { { "", "2020-12-31" }, { "2021-03-01", "2021-02-01" } }, "2024-01-01", 0, 0, 0 },
    /* no periods */
    { { { NULL } }, "2024-01-01", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShtatPeriod periods[MAX_PERIODS];
      guint n = make_periods (cases[i].periods, periods);
      GDate as_of = shtat_test_date_iso (cases[i].as_of);

      g_test_message ("case %u", i);
      assert_duration (shtat_experience_total (periods, n, &as_of),
                       cases[i].y, cases[i].m, cases[i].d);
    }

  /* no array at all */
  {
    GDate as_of = shtat_test_date_iso ("2024-01-01");

    assert_duration (shtat_experience_total (NULL, 0, &as_of), 0, 0, 0);
  }
}

/* The first date on which the periods reach N years. */
static void
test_date_reaching (void)
{
  struct
  {
    PeriodText  periods[MAX_PERIODS];
    guint       years;
    const char *expected; /* NULL: never */
  } cases[] = {
    /* item 19: in category II since 2022-02-01, 2 years needed: the 24th anniversary
     * is 2024-02-01, so the period 2022-02-01..2024-01-31 holds 2 years */
    { { { "2022-02-01", NULL } }, 2, "2024-01-31" },
    /* item 14 */
    { { { "2023-03-15", NULL } }, 1, "2024-03-14" },
    /* 12th anniversary of 29 Feb 2020: no 29 Feb 2021, so 1 March; the day before */
    { { { "2020-02-29", NULL } }, 1, "2021-02-28" },
    /* 48th anniversary: 29 Feb 2024 exists */
    { { { "2020-02-29", NULL } }, 4, "2024-02-28" },
    /* 12th anniversary of 31 January 2023 is 31 January 2024 */
    { { { "2023-01-31", NULL } }, 1, "2024-01-30" },
    /* closed periods only, a year in all: never 2 */
    { { { "2020-01-01", "2020-12-31" } }, 2, NULL },
    /* reached inside a closed period: 36th anniversary 2021-01-01 */
    { { { "2018-01-01", "2021-12-31" } }, 3, "2020-12-31" },
    /* reached in the first of two periods: 60th anniversary 2015-01-01 */
    { { { "2010-01-01", "2015-12-31" }, { "2020-01-01", NULL } }, 5, "2014-12-31" },
    /* overlapping: merged 2021-01-01.., 24th anniversary 2023-01-01 */
    { { { "2021-01-01", "2021-12-31" }, { "2021-07-01", NULL } }, 2, "2022-12-31" },
    /* 18 months, then open from 2018-01-01: 6 more months, 6th anniversary 1 July */
    { { { "2015-01-01", "2016-06-30" }, { "2018-01-01", NULL } }, 2, "2018-06-30" },
    /* 20 days, then open from 2023-01-01. On 2023-12-10 the open period is 11 months
     * 10 days (E = 12-11, 11th anniversary 12-01); + 20 days = 11 months 30 days
     * = 12 months. On 12-09 it is 11 months 29 days. */
    { { { "2022-01-01", "2022-01-20" }, { "2023-01-01", NULL } }, 1, "2023-12-10" },
    /* 11 months 30 days (E = 2019-12-31, 11th anniversary 12-01), then open from
     * 2022-05-01: on its first day 11 months 31 days = 12 months 1 day */
    { { { "2019-01-01", "2019-12-30" }, { "2022-05-01", NULL } }, 1, "2022-05-01" },
    /* 2010 (12 months), then 2012: on 2012-12-30 the second period is 11 months
     * 30 days (E = 12-31, 11th anniversary 12-01), and with two periods the 30 days
     * carry into a month: 12 + 11 + 1 = 24 months. On 12-29, 12 + 11 months 29 days. */
    { { { "2012-01-01", "2012-12-31" }, { "2010-01-01", "2010-12-31" } }, 2, "2012-12-30" },
    /* no periods */
    { { { NULL } }, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShtatPeriod periods[MAX_PERIODS];
      guint n = make_periods (cases[i].periods, periods);
      GDate date;
      gboolean reached;

      g_test_message ("case %u", i);
      reached = shtat_experience_date_reaching (periods, n, cases[i].years, &date);
      if (cases[i].expected == NULL)
        {
          g_assert_false (reached);
          g_assert_false (g_date_valid (&date));
        }
      else
        {
          GDate expected = shtat_test_date_iso (cases[i].expected);
          GDate before = expected;
          ShtatDuration on, on_day_before;

          g_assert_true (reached);
          g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);

          /* and it agrees with the total: reached on that day, not the day before */
          g_date_subtract_days (&before, 1);
          on = shtat_experience_total (periods, n, &expected);
          on_day_before = shtat_experience_total (periods, n, &before);
          g_assert_true (shtat_duration_at_least_years (&on, cases[i].years));
          g_assert_false (shtat_duration_at_least_years (&on_day_before, cases[i].years));
        }
    }
}

static void
test_at_least_years (void)
{
  struct { ShtatDuration d; guint years; gboolean expected; } cases[] = {
    { { 2, 0, 0 }, 2, TRUE },
    { { 1, 11, 30 }, 2, FALSE }, /* days never make up a year here */
    { { 3, 1, 0 }, 2, TRUE },
    { { 0, 24, 0 }, 2, TRUE },   /* months not carried by the caller */
    { { 0, 0, 0 }, 0, TRUE },
    { { 0, 0, 0 }, 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (shtat_duration_at_least_years (&cases[i].d, cases[i].years), ==,
                     cases[i].expected);
}

/* Two properties over every start day of four years, checked against a day-by-day
 * count rather than against figures: a period one day longer counts one day more or
 * completes a month, and the reaching date is the first day the total says so. */
static void
test_day_by_day (void)
{
  GDate start = shtat_test_date_iso ("2019-01-01");

  for (guint s = 0; s < 4 * 366; s++)
    {
      GDate from = start;
      GDate to;
      GDate reached;
      ShtatPeriod period;
      ShtatDuration prev = { 0, 0, 0 };
      guint32 expected_julian = 0;

      g_date_add_days (&from, s);
      to = from;
      for (guint len = 0; len < 800; len++)
        {
          ShtatDuration d = shtat_period_length (&from, &to);
          guint prev_months = prev.years * 12 + prev.months;
          guint months = d.years * 12 + d.months;

          if (len == 0)
            assert_duration (d, 0, 0, 1);
          else if (months == prev_months)
            g_assert_cmpuint (d.days, ==, prev.days + 1);
          else
            {
              g_assert_cmpuint (months, ==, prev_months + 1);
              g_assert_cmpuint (d.days, ==, 0);
            }
          g_assert_cmpuint (d.days, <=, 30);
          if (expected_julian == 0 && d.years >= 2)
            expected_julian = g_date_get_julian (&to);
          prev = d;
          g_date_add_days (&to, 1);
        }

      g_date_clear (&to, 1);
      shtat_period_init (&period, &from, &to);
      g_assert_true (shtat_experience_date_reaching (&period, 1, 2, &reached));
      g_assert_cmpuint (g_date_get_julian (&reached), ==, expected_julian);
    }
}

/* Random sets of up to four periods against a day-by-day search: the reaching date
 * is the first day on which shtat_experience_total() gives the years. */
static void
test_reaching_by_search (void)
{
  for (guint c = 0; c < 150; c++)
    {
      ShtatPeriod periods[MAX_PERIODS];
      guint n = (guint) g_test_rand_int_range (1, MAX_PERIODS + 1);
      guint years = (guint) g_test_rand_int_range (1, 4);
      guint32 first = G_MAXUINT32;
      guint32 found = 0;
      GDate reached;
      gboolean ok;

      for (guint i = 0; i < n; i++)
        {
          GDate from, to;

          g_date_clear (&from, 1);
          g_date_clear (&to, 1);
          g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2015);
          g_date_add_days (&from, (guint) g_test_rand_int_range (0, 6 * 365));
          first = MIN (first, g_date_get_julian (&from));
          if (g_test_rand_int_range (0, 4) > 0)
            {
              to = from;
              g_date_add_days (&to, (guint) g_test_rand_int_range (0, 2 * 365));
            }
          shtat_period_init (&periods[i], &from, &to);
        }

      for (guint32 j = first; j < first + 12 * 366 && found == 0; j++)
        {
          GDate day;
          ShtatDuration d;

          g_date_clear (&day, 1);
          g_date_set_julian (&day, j);
          d = shtat_experience_total (periods, n, &day);
          if (shtat_duration_at_least_years (&d, years))
            found = j;
        }

      ok = shtat_experience_date_reaching (periods, n, years, &reached);
      g_assert_cmpint (ok, ==, found != 0);
      if (ok)
        g_assert_cmpuint (g_date_get_julian (&reached), ==, found);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/experience/period-length", test_period_length);
  g_test_add_func ("/experience/total", test_total);
  g_test_add_func ("/experience/date-reaching", test_date_reaching);
  g_test_add_func ("/experience/at-least-years", test_at_least_years);
  g_test_add_func ("/experience/day-by-day", test_day_by_day);
  g_test_add_func ("/experience/reaching-by-search", test_reaching_by_search);

  return g_test_run ();
}
