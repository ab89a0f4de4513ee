/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-appeals"

/* A centre's profile: the working-day calendar, the monthly appeal counts per
 * channel of 256-НҚ §12, the average per working day and its bracket in the
 * centres' table (decisions.md items 1–2). Every figure is counted by hand in
 * the comments from the weekday each month begins on; the holidays are made up
 * for the tests, not the official calendar of any year. */

#include "config.h"

#include <locale.h>

#include "shtat-appeals.h"
#include "shtat-core.h"
#include "shtat-test-common.h"

#define NBSP "\u00a0"

static ShtatNormLibrary *library;

static ShtatMonth
month (int y,
       int m)
{
  ShtatMonth out = { y, m };

  return out;
}

static void
set_holiday (ShtatCalendar *calendar,
             guint          y,
             guint          m,
             guint          d,
             gboolean       working)
{
  g_autoptr(GError) error = NULL;
  GDate day = shtat_test_date (y, m, d);

  g_assert_true (shtat_calendar_set_day (calendar, &day, working, NULL, &error));
  g_assert_no_error (error);
}

/* All five channels of a month: @first for self-referrals, 0 for the others,
 * so that the month is complete. */
static void
set_month (ShtatCentreProfile *profile,
           int                 y,
           int                 m,
           gint64              first)
{
  g_autoptr(GError) error = NULL;
  ShtatMonth mo = month (y, m);

  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    {
      g_assert_true (shtat_centre_profile_set_appeals (profile, &mo, c, c == 0 ? first : 0, &error));
      g_assert_no_error (error);
    }
}

/* ------------------------------------------------------------------------ */

static void
test_channels (void)
{
  const char *codes[] = { "self", "contact-111", "information-systems", "referrals", "media" };
  g_autoptr(GError) error = NULL;
  ShtatAppealChannel channel;

  G_STATIC_ASSERT (G_N_ELEMENTS (codes) == SHTAT_N_APPEAL_CHANNELS);
  for (guint i = 0; i < SHTAT_N_APPEAL_CHANNELS; i++)
    {
      g_autofree char *cite = g_strdup_printf ("256-НҚ §12(%u)", i + 1);

      g_assert_cmpstr (shtat_appeal_channel_to_string (i), ==, codes[i]);
      g_assert_true (shtat_appeal_channel_from_string (codes[i], &channel));
      g_assert_cmpint (channel, ==, i);
      g_assert_cmpstr (shtat_appeal_channel_get_cite (i), ==, cite);
      g_assert_true (g_str_has_prefix (shtat_appeal_channel_get_cite (i), SHTAT_APPEALS_CITE));
      g_assert_nonnull (shtat_appeal_channel_get_label (i));
    }
  g_assert_cmpstr (shtat_appeal_channel_get_label (SHTAT_APPEAL_CONTACT_111), ==, "Contact centre “111”");

  g_assert_false (shtat_appeal_channel_parse ("phone", &channel, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "unknown channel “phone”: use one of self, contact-111, information-systems, referrals, media");
}

static void
test_months (void)
{
  ShtatMonth m;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (shtat_month_parse ("2026-03", &m));
  g_assert_cmpint (m.year, ==, 2026);
  g_assert_cmpint (m.month, ==, 3);
  g_assert_true (shtat_month_parse ("12.2025", &m));
  g_assert_cmpint (m.year, ==, 2025);
  g_assert_cmpint (m.month, ==, 12);
  for (const char * const *bad = (const char *[]) { "2026-13", "2026-00", "2026-3", "03/2026", "", "2026-03-01", NULL };
       *bad != NULL; bad++)
    g_assert_false (shtat_month_parse (*bad, &m));

  m = month (2025, 11);
  shtat_month_add (&m, 3);
  g_assert_cmpint (m.year, ==, 2026);
  g_assert_cmpint (m.month, ==, 2);
  shtat_month_add (&m, -14);
  g_assert_cmpint (m.year, ==, 2024);
  g_assert_cmpint (m.month, ==, 12);
  iso = shtat_month_to_iso (&m);
  shown = shtat_month_format (&m);
  g_assert_cmpstr (iso, ==, "2024-12");
  g_assert_cmpstr (shown, ==, "12.2024");
}

/* Monday to Friday, and exceptions either way. */
static void
test_calendar (void)
{
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  g_autoptr(GError) error = NULL;
  ShtatMonth feb26 = month (2026, 2), mar25 = month (2025, 3), jan26 = month (2026, 1);
  GDate from = shtat_test_date (2025, 1, 1), to = shtat_test_date (2025, 12, 31), day;

  /* 28 days are four whole weeks: 20 weekdays, whatever day February begins on */
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &feb26), ==, 20);
  /* 01.01.2026 is a Thursday: 4 weeks (20) and Thu 29, Fri 30, Sat 31 → 22 */
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &jan26), ==, 22);
  /* 01.03.2025 is a Saturday: Mon 3–Fri 7, 10–14, 17–21, 24–28, Mon 31 → 21 */
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &mar25), ==, 21);
  /* 2025 begins on a Wednesday and has 365 days: 52 weeks and one Wednesday → 261 */
  g_assert_cmpuint (shtat_calendar_count_working_days (calendar, &from, &to), ==, 261);
  /* a period ending before it starts has none */
  g_assert_cmpuint (shtat_calendar_count_working_days (calendar, &to, &from), ==, 0);

  /* holidays on Mon 10, Fri 21, Mon 24 and Tue 25 March, a working Saturday
   * on the 29th: 21 − 4 + 1 = 18 */
  set_holiday (calendar, 2025, 3, 10, FALSE);
  set_holiday (calendar, 2025, 3, 21, FALSE);
  set_holiday (calendar, 2025, 3, 24, FALSE);
  set_holiday (calendar, 2025, 3, 25, FALSE);
  set_holiday (calendar, 2025, 3, 29, TRUE);
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &mar25), ==, 18);
  day = shtat_test_date (2025, 3, 29);
  g_assert_true (shtat_calendar_is_working_day (calendar, &day));
  day = shtat_test_date (2025, 3, 30);   /* a Sunday */
  g_assert_false (shtat_calendar_is_working_day (calendar, &day));
  day = shtat_test_date (2025, 3, 21);
  g_assert_false (shtat_calendar_is_working_day (calendar, &day));
  day = shtat_test_date (2025, 3, 20);   /* a Thursday */
  g_assert_true (shtat_calendar_is_working_day (calendar, &day));

  /* a holiday on a Sunday changes nothing */
  set_holiday (calendar, 2025, 3, 30, FALSE);
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &mar25), ==, 18);
  g_assert_cmpuint (shtat_calendar_get_days (calendar)->len, ==, 6);

  /* the same day again replaces it: the 21st back to work → 19 */
  set_holiday (calendar, 2025, 3, 21, TRUE);
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &mar25), ==, 19);
  g_assert_cmpuint (shtat_calendar_get_days (calendar)->len, ==, 6);
  day = shtat_test_date (2025, 3, 21);
  g_assert_true (shtat_calendar_remove_day (calendar, &day));
  g_assert_false (shtat_calendar_remove_day (calendar, &day));
  g_assert_cmpuint (shtat_calendar_count_month (calendar, &mar25), ==, 19);

  g_date_clear (&day, 1);
  g_assert_false (shtat_calendar_set_day (calendar, &day, FALSE, NULL, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
}

/* The 2025 of the tests: 261 weekdays (above), 13 holidays on weekdays and
 * one working Saturday: 261 − 13 + 1 = 249 working days. */
static ShtatCalendar *
calendar_2025 (void)
{
  ShtatCalendar *calendar = shtat_calendar_new ();
  /* Wed 1, Thu 2, Fri 3, Tue 7 Jan; Mon 10, Fri 21, Mon 24, Tue 25 Mar;
   * Thu 1, Wed 7, Fri 9 May (1 May 2025 is 120 days after a Wednesday: a
   * Thursday); Mon 7 Jul (1 Jul is a Tuesday); Tue 16 Dec (1 Dec is a Monday) */
  const guint holidays[][2] = {
    { 1, 1 }, { 1, 2 }, { 1, 3 }, { 1, 7 }, { 3, 10 }, { 3, 21 }, { 3, 24 }, { 3, 25 },
    { 5, 1 }, { 5, 7 }, { 5, 9 }, { 7, 7 }, { 12, 16 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    set_holiday (calendar, 2025, holidays[i][0], holidays[i][1], FALSE);
  set_holiday (calendar, 2025, 1, 4, TRUE);   /* Saturday, worked for Friday the 3rd */
  return calendar;
}

/* 1 040 appeals a month in 2025 (400 + 300 + 200 + 100 + 40 by channel):
 * 12 480 in the year over 249 working days = 50.1204… a day, above 50: the
 * second bracket (decisions.md item 1). */
static void
test_average_year (void)
{
  g_autoptr(ShtatCalendar) calendar = calendar_2025 ();
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 by_channel[] = { 400, 300, 200, 100, 40 };
  GDate today = shtat_test_date (2026, 1, 15);
  GDate first = shtat_test_date (2025, 1, 1), last = shtat_test_date (2025, 12, 31);

  g_assert_cmpuint (shtat_calendar_count_working_days (calendar, &first, &last), ==, 249);
  for (int m = 1; m <= 12; m++)
    for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
      {
        ShtatMonth mo = month (2025, m);

        g_assert_true (shtat_centre_profile_set_appeals (profile, &mo, c, by_channel[c], &error));
        g_assert_no_error (error);
      }
  g_assert_true (shtat_centre_profile_validate (profile, &today, &error));
  g_assert_no_error (error);

  /* no period given, none chosen: the twelve months before January 2026 */
  avg = shtat_appeals_average_compute (profile, calendar, library, NULL, NULL, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (avg);
  g_assert_cmpint (avg->from.year, ==, 2025);
  g_assert_cmpint (avg->from.month, ==, 1);
  g_assert_cmpint (avg->to.year, ==, 2025);
  g_assert_cmpint (avg->to.month, ==, 12);
  g_assert_cmpuint (avg->n_months, ==, 12);
  g_assert_cmpint (avg->total, ==, 12480);
  g_assert_cmpint (avg->by_channel[SHTAT_APPEAL_CONTACT_111], ==, 3600);
  g_assert_cmpint (avg->by_channel[SHTAT_APPEAL_MEDIA], ==, 480);
  g_assert_cmpuint (avg->working_days, ==, 249);
  g_assert_cmpuint (avg->missing->len, ==, 0);
  g_assert_cmpuint (avg->partial->len, ==, 0);
  g_assert_cmpfloat (avg->average, ==, 12480.0 / 249.0);
  g_assert_cmpint (avg->bracket, ==, 1);
  g_assert_false (avg->outside_table);
  g_assert_cmpstr (avg->explanation, ==,
                   "12" NBSP "480 appeals over 249 working days (01.2025–12.2025) = 50.12 a day → bracket 51–100");
  g_assert_cmpstr (avg->source, ==, "monthly statistics, 01.2025–12.2025");
  g_assert_cmpint (g_date_compare (&avg->period_from, &first), ==, 0);
  g_assert_cmpint (g_date_compare (&avg->period_to, &last), ==, 0);
}

/* The boundaries of decisions.md item 1 over January–May 2026: 22 + 20 + 22
 * + 22 + 21 weekdays (1 Jan a Thursday, 1 Mar a Sunday, 1 Apr a Wednesday,
 * 1 May a Friday) = 107, less 7 holidays = 100 working days; and February
 * alone, 20. */
static void
test_brackets (void)
{
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  GDate today = shtat_test_date (2026, 11, 22);
  ShtatMonth jan = month (2026, 1), may = month (2026, 5), feb = month (2026, 2);
  struct { gint64 total; gboolean five_months; double average; int bracket; const char *shown; } cases[] = {
    { 1000, FALSE, 50.0, 0, "50.00" },     /* 1 000 / 20: exactly 50, the first bracket */
    { 1008, FALSE, 50.4, 1, "50.40" },     /* 1 008 / 20 = 50.4: above 50, the second */
    { 10000, TRUE, 100.0, 1, "100.00" },   /* 10 000 / 100 = 100: still the second */
    { 10001, TRUE, 100.01, 2, "100.01" },  /* 10 001 / 100 = 100.01: the third */
    { 20, FALSE, 1.0, 0, "1.00" },
  };

  /* Thu 1, Fri 2, Wed 7 Jan; Mon 9, Mon 23, Tue 24, Wed 25 Mar */
  set_holiday (calendar, 2026, 1, 1, FALSE);
  set_holiday (calendar, 2026, 1, 2, FALSE);
  set_holiday (calendar, 2026, 1, 7, FALSE);
  set_holiday (calendar, 2026, 3, 9, FALSE);
  set_holiday (calendar, 2026, 3, 23, FALSE);
  set_holiday (calendar, 2026, 3, 24, FALSE);
  set_holiday (calendar, 2026, 3, 25, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
      g_autoptr(ShtatAppealsAverage) avg = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      const ShtatBracket *b;

      if (cases[i].five_months)
        {
          set_month (profile, 2026, 1, cases[i].total);
          for (int m = 2; m <= 5; m++)
            set_month (profile, 2026, m, 0);
          avg = shtat_appeals_average_compute (profile, calendar, library, "fsc", &jan, &may, &today, &error);
        }
      else
        {
          set_month (profile, 2026, 2, cases[i].total);
          avg = shtat_appeals_average_compute (profile, calendar, library, "fsc", &feb, &feb, &today, &error);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (avg->working_days, ==, cases[i].five_months ? 100 : 20);
      g_assert_cmpint (avg->total, ==, cases[i].total);
      g_assert_cmpfloat_with_epsilon (avg->average, cases[i].average, 1e-12);
      g_assert_cmpint (avg->bracket, ==, cases[i].bracket);

      b = g_ptr_array_index (avg->table->brackets, cases[i].bracket);
      expected = g_strdup_printf (" = %s a day → bracket %s", cases[i].shown, b->label.en);
      if (strstr (avg->explanation, expected) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, avg->explanation, expected);
    }
}

/* Two decimals, unless rounding to two would cross a bracket boundary. */
static void
test_format_average (void)
{
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  struct { double value; const char *en; const char *ru; } cases[] = {
    { 50.1204, "50.12", "50,12" },
    { 50.004, "50.004", "50,004" },      /* "50.00" would read as the first bracket */
    { 49.996, "50.00", "50,00" },        /* rounds up to 50, which is still the first */
    { 100.004, "100.004", "100,004" },   /* "100.00" would read as the second */
    { 100.0001, "100.0001", "100,0001" },
    { 7, "7.00", "7,00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *ru = NULL;

      shtat_lang_set_override (SHTAT_LANG_EN);
      en = shtat_appeals_format_average (cases[i].value, fsc);
      shtat_lang_set_override (SHTAT_LANG_RU);
      ru = shtat_appeals_format_average (cases[i].value, fsc);
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (ru, ==, cases[i].ru);
    }
  shtat_lang_set_override (SHTAT_LANG_EN);
}

/* Months without any count are named and left out of both sums; months with
 * some channels missing are named too. */
static void
test_missing_months (void)
{
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autoptr(GError) error = NULL;
  ShtatMonth jan = month (2025, 1), jun = month (2025, 6), mar = month (2025, 3);
  GDate today = shtat_test_date (2026, 11, 22);

  set_month (profile, 2025, 1, 230);
  set_month (profile, 2025, 2, 200);
  /* March: only the self-referrals are recorded */
  g_assert_true (shtat_centre_profile_set_appeals (profile, &mar, SHTAT_APPEAL_SELF, 210, &error));

  avg = shtat_appeals_average_compute (profile, calendar, NULL, NULL, &jan, &jun, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (avg->n_months, ==, 6);
  /* 1 Jan 2025 a Wednesday: 20 + Wed 29, Thu 30, Fri 31 = 23; February 20;
   * March 21: 64 working days, April to June left out */
  g_assert_cmpuint (avg->working_days, ==, 64);
  g_assert_cmpint (avg->total, ==, 640);
  g_assert_cmpfloat (avg->average, ==, 10.0);
  g_assert_cmpuint (avg->missing->len, ==, 3);
  g_assert_cmpint (g_array_index (avg->missing, ShtatMonth, 0).month, ==, 4);
  g_assert_cmpint (g_array_index (avg->missing, ShtatMonth, 2).month, ==, 6);
  g_assert_cmpuint (avg->partial->len, ==, 1);
  g_assert_cmpint (g_array_index (avg->partial, ShtatMonth, 0).month, ==, 3);
  /* without norm data there is no bracket */
  g_assert_cmpint (avg->bracket, ==, -1);
  g_assert_cmpstr (avg->explanation, ==,
                   "640 appeals over 64 working days (01.2025–06.2025) = 10.00 a day"
                   "; no data for 04.2025, 05.2025, 06.2025: left out of the appeals and the working days"
                   "; some channels not recorded for 03.2025: taken as 0");
}

static void
test_refusals (void)
{
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autoptr(GError) error = NULL;
  ShtatMonth jan = month (2025, 1), dec = month (2025, 12), dec26 = month (2026, 12);
  ShtatMonth bad = month (2026, 13), nov26 = month (2026, 11);
  ShtatAppealCount negative = { { 2026, 3 }, SHTAT_APPEAL_CONTACT_111, -4 };
  ShtatAppealCount future = { { 2026, 12 }, SHTAT_APPEAL_SELF, 5 };
  ShtatAppealCount unknown = { { 2026, 3 }, (ShtatAppealChannel) 9, 5 };
  GDate today = shtat_test_date (2026, 11, 22);

  /* no count in the period */
  avg = shtat_appeals_average_compute (profile, calendar, NULL, NULL, &jan, &dec, &today, &error);
  g_assert_null (avg);
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_NO_DATA);
  g_assert_cmpstr (error->message, ==, "Appeals period 01.2025–12.2025: no month of it has any count of appeals");
  g_clear_error (&error);

  /* a period into next month */
  set_month (profile, 2026, 11, 10);
  avg = shtat_appeals_average_compute (profile, calendar, NULL, NULL, &nov26, &dec26, &today, &error);
  g_assert_null (avg);
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_FUTURE);
  g_clear_error (&error);

  /* the last month before the first */
  avg = shtat_appeals_average_compute (profile, calendar, NULL, NULL, &dec, &jan, &today, &error);
  g_assert_null (avg);
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Appeals period: the last month 01.2025 is before the first 12.2025");
  g_clear_error (&error);

  /* an impossible month and a negative count are refused when entered */
  g_assert_false (shtat_centre_profile_set_appeals (profile, &bad, SHTAT_APPEAL_SELF, 1, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Appeals of 2026-13, The person or family applied: the month is impossible: "
                                       "give a month from 1 to 12 of a year from 1900");
  g_clear_error (&error);
  g_assert_false (shtat_centre_profile_set_appeals (profile, &jan, SHTAT_APPEAL_MEDIA, -1, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_APPEALS, 60, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 1.5, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_clear_error (&error);

  /* … and by validation when put in by hand, naming the record and field */
  {
    g_autoptr(ShtatCentreProfile) p = shtat_centre_profile_new ("demo");

    g_array_append_val (p->appeals, negative);
    g_assert_false (shtat_centre_profile_validate (p, &today, &error));
    g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Appeals of 03.2026, Contact centre “111”: the count -4 is negative");
    g_clear_error (&error);
  }
  {
    g_autoptr(ShtatCentreProfile) p = shtat_centre_profile_new ("demo");

    g_array_append_val (p->appeals, future);
    g_assert_false (shtat_centre_profile_validate (p, &today, &error));
    g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_FUTURE);
    g_assert_cmpstr (error->message, ==, "Appeals of 12.2026, The person or family applied: the month has not begun yet");
    g_clear_error (&error);
  }
  {
    g_autoptr(ShtatCentreProfile) p = shtat_centre_profile_new ("demo");

    g_array_append_val (p->appeals, unknown);
    g_assert_false (shtat_centre_profile_validate (p, &today, &error));
    g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Appeals of 03.2026: unknown channel"));
    g_clear_error (&error);
  }
}

/* The drivers of the centre and the period on a schedule: the average as the
 * appeals driver, the vehicles of the profile. With two vehicles the minimum
 * of the 51–100 bracket is the digest's 25.5 units (one vehicle) plus one more
 * driver (000 App r.15): 26.5. */
static void
test_drivers_and_schedule (void)
{
  g_autoptr(ShtatCalendar) calendar = calendar_2025 ();
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autoptr(ShtatMinimum) minimum = NULL;
  g_autoptr(ShtatSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  GDate today = shtat_test_date (2026, 1, 15), first = shtat_test_date (2025, 1, 1), last = shtat_test_date (2025, 12, 31);
  ShtatMonth from = month (2025, 1), to = month (2025, 12);
  ShtatDrivers drivers;

  for (int m = 1; m <= 12; m++)
    set_month (profile, 2025, m, 1040);
  g_assert_true (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 2, &error));
  g_assert_true (shtat_centre_profile_set_period (profile, &from, &to, &error));
  shtat_centre_profile_set_flag (profile, SHTAT_FLAG_HAS_LIFT, TRUE);
  g_assert_no_error (error);

  avg = shtat_appeals_average_compute (profile, calendar, library, "fsc", NULL, NULL, &today, &error);
  g_assert_no_error (error);
  shtat_centre_profile_get_drivers (profile, avg, &drivers);
  g_assert_true (drivers.set[SHTAT_DRIVER_APPEALS]);
  g_assert_cmpfloat (drivers.values[SHTAT_DRIVER_APPEALS], ==, 12480.0 / 249.0);
  g_assert_true (drivers.set[SHTAT_DRIVER_VEHICLES]);
  g_assert_cmpfloat (drivers.values[SHTAT_DRIVER_VEHICLES], ==, 2);
  g_assert_false (drivers.set[SHTAT_DRIVER_BEDS]);
  g_assert_true (drivers.flags[SHTAT_FLAG_HAS_LIFT]);

  minimum = shtat_minimum_compute (library, fsc, &drivers, SHTAT_RATIO_ROUNDING_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (minimum->bracket, ==, avg->bracket);
  g_assert_cmpint (minimum->total_units, ==, 2650);

  schedule = shtat_schedule_new ();
  g_assert_true (shtat_centre_profile_apply_to_schedule (profile, avg, schedule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (shtat_schedule_get_appeals_from (schedule), &first), ==, 0);
  g_assert_cmpint (g_date_compare (shtat_schedule_get_appeals_to (schedule), &last), ==, 0);
  g_assert_cmpstr (shtat_schedule_get_appeals_source (schedule), ==, "monthly statistics, 01.2025–12.2025");
  g_assert_cmpfloat (shtat_schedule_get_drivers (schedule)->values[SHTAT_DRIVER_VEHICLES], ==, 2);
  /* kept to six decimals by the schedule: 50.120482 */
  g_assert_cmpfloat_with_epsilon (shtat_schedule_get_drivers (schedule)->values[SHTAT_DRIVER_APPEALS],
                                  50.120482, 1e-9);
}

static void
test_copy_equal (void)
{
  g_autoptr(ShtatCentreProfile) a = shtat_centre_profile_new ("demo");
  g_autoptr(ShtatCentreProfile) b = NULL;
  ShtatMonth m = month (2025, 4);

  set_month (a, 2025, 4, 12);
  g_assert_true (shtat_centre_profile_set_driver (a, SHTAT_DRIVER_VEHICLES, 1, NULL));
  b = shtat_centre_profile_copy (a);
  g_assert_true (shtat_centre_profile_equal (a, b));
  g_assert_true (shtat_centre_profile_set_appeals (b, &m, SHTAT_APPEAL_MEDIA, 1, NULL));
  g_assert_false (shtat_centre_profile_equal (a, b));
  g_assert_true (shtat_centre_profile_remove_appeals (b, &m, SHTAT_APPEAL_MEDIA));
  g_assert_false (shtat_centre_profile_equal (a, b));   /* removed, not set back to 0 */
  g_assert_false (shtat_centre_profile_get_appeals (b, &m, SHTAT_APPEAL_MEDIA, NULL));
}

/* CSV: every row checked, the message names the line, nothing changes on an
 * error. */
static void
test_csv (void)
{
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("demo");
  g_autoptr(GError) error = NULL;
  GDate today = shtat_test_date (2026, 11, 22);
  ShtatMonth mar = month (2026, 3);
  gint64 count = 0;
  guint n = 0;
  const char good[] = "\xef\xbb\xbfmonth,channel,count\r\n2026-03,self,120\r\n\r\n2026-03,contact-111,45\r\n"
                      "\"2026-04\",media,3\r\n";
  struct { const char *text; const char *message; } bad[] = {
    { "month,channel,count\n2026-03,self,1\n2026-03,phone,2\n",
      "appeals.csv:3: unknown channel “phone”: use one of self, contact-111, information-systems, referrals, media" },
    { "2026-03,self,1\n2026-03,self,2\n",
      "appeals.csv:2: Appeals of 03.2026, The person or family applied is already given on line 1" },
    { "2026-03,self,-5\n", "appeals.csv:1: Appeals of 03.2026, The person or family applied: the count -5 is negative" },
    { "2026-13,self,5\n", "appeals.csv:1: “2026-13” is not a month: write it as YYYY-MM" },
    { "2026-12,self,5\n", "appeals.csv:1: Appeals of 12.2026, The person or family applied: the month has not begun yet" },
    { "2026-03,self\n", "appeals.csv:1: give three columns: month, channel, count" },
    { "2026-03,self,12.5\n", "appeals.csv:1: “12.5” is not a whole number of appeals" },
    { "2026-03,\"self,12\n", "appeals.csv:1: a quoted field must be closed on its line and followed by a separator" },
  };

  g_assert_true (shtat_centre_profile_read_appeals_csv (profile, "appeals.csv", good, sizeof good - 1, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (profile->appeals->len, ==, 3);
  g_assert_true (shtat_centre_profile_get_appeals (profile, &mar, SHTAT_APPEAL_CONTACT_111, &count));
  g_assert_cmpint (count, ==, 45);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ShtatCentreProfile) before = shtat_centre_profile_copy (profile);

      g_assert_false (shtat_centre_profile_read_appeals_csv (profile, "appeals.csv", bad[i].text, strlen (bad[i].text),
                                                             &today, &n, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_clear_error (&error);
      g_assert_true (shtat_centre_profile_equal (before, profile));
    }

  /* semicolons, as spreadsheets write them in kk and ru */
  g_assert_true (shtat_centre_profile_read_appeals_csv (profile, "appeals.csv", "2026-03;self;7\n", 15, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_get_appeals (profile, &mar, SHTAT_APPEAL_SELF, &count));
  g_assert_cmpint (count, ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  shtat_lang_set_override (SHTAT_LANG_EN);

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/appeals/channels", test_channels);
  g_test_add_func ("/appeals/months", test_months);
  g_test_add_func ("/appeals/calendar", test_calendar);
  g_test_add_func ("/appeals/average-year", test_average_year);
  g_test_add_func ("/appeals/brackets", test_brackets);
  g_test_add_func ("/appeals/format-average", test_format_average);
  g_test_add_func ("/appeals/missing-months", test_missing_months);
  g_test_add_func ("/appeals/refusals", test_refusals);
  g_test_add_func ("/appeals/drivers-and-schedule", test_drivers_and_schedule);
  g_test_add_func ("/appeals/copy-equal", test_copy_equal);
  g_test_add_func ("/appeals/csv", test_csv);

  status = g_test_run ();
  g_object_unref (library);
  return status;
}
