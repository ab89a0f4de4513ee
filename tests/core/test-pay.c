/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pay grid of Government Decree 1193 (decisions.md item 21): official
 * salary = base official salary (BDO) × coefficient, rounded half up to a whole
 * tiyn. Every figure here is a SAMPLE made up for the test, not the decree's: the
 * BDO of 17 697 ₸ is used only because it is a familiar order of magnitude. The
 * expected salaries are multiplied out by hand in the comments. */

#include "config.h"

#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

#define NBSP "\u00a0"

/* SAMPLE grid: BDO 17 697,00 ₸ from 01.01.2024 and 20 000,00 ₸ from 01.01.2026;
 * block B2 category 1 by years of service (0, 5, 10), with a new coefficient for
 * 5 years from 2026; block B3 without categories. */
static ShtatPayGrid *
sample_grid (void)
{
  g_autoptr(GError) error = NULL;
  ShtatPayGrid *grid = shtat_pay_grid_new ();
  GDate y2024 = shtat_test_date (2024, 1, 1);
  GDate y2026 = shtat_test_date (2026, 1, 1);
  struct { const char *block, *category; guint years; GDate from; int coefficient; } cells[] = {
    { "B2", "1", 0, y2024, 30000 },   /* 3.0 */
    { "B2", "1", 5, y2024, 35000 },   /* 3.5 */
    { "B2", "1", 10, y2024, 40000 },  /* 4.0 */
    { "B2", "1", 5, y2026, 36000 },   /* 3.6 from 2026 */
    { "B3", NULL, 0, y2024, 20000 },  /* 2.0 */
  };

  g_assert_true (shtat_pay_grid_add_base (grid, &y2024, 1769700, &error));
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_add_base (grid, &y2026, 2000000, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_assert_true (shtat_pay_grid_add_coefficient (grid, cells[i].block, cells[i].category, cells[i].years,
                                                     &cells[i].from, cells[i].coefficient, &error));
      g_assert_no_error (error);
    }
  return grid;
}

/* BDO × coefficient, half up to a tiyn, on one date. */
static void
test_rounding (void)
{
  struct { gint64 base; const char *coefficient; gint64 expected; } cases[] = {
    { 1769700, "1", 1769700 },      /* 17 697,00 ₸ × 1 */
    { 1769700, "3.79", 6707163 },   /* 17 697 × 3.79 = 67 071,63 ₸ exactly */
    { 1769700, "1.005", 1778549 },  /* 1 769 700 × 1.005 = 1 778 548.5 tiyn → half up → 1 778 549 */
    { 1769700, "1.2345", 2184695 }, /* 1 769 700 × 1.2345 = 2 184 694.65 → 2 184 695 */
    { 1, "0.5", 1 },                /* 0.5 tiyn → 1 */
    { 3, "0.5", 2 },                /* 1.5 → 2 */
    { 1, "0.4999", 0 },             /* 0.4999 → 0 */
    { 1, "0.0001", 0 },
    { 5, "0.9", 5 },                /* 4.5 → 5 */
    { 922337203685477, "1000", 922337203685477000 }, /* near the top, still exact */
    /* 9 223 372 036 854 770 + 922 337 203 685 477 × 0.0005 (= 461 168 601 842.7385) → …612.7385 → up */
    { 922337203685477, "10.0005", 9223833205456613 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
      g_autoptr(GError) error = NULL;
      GDate from = shtat_test_date (2024, 1, 1);
      GDate on = shtat_test_date (2024, 6, 1);
      gint64 salary = -1;
      int coefficient = 0;

      g_assert_true (shtat_coefficient_parse (cases[i].coefficient, &coefficient));
      g_assert_true (shtat_pay_grid_add_base (grid, &from, cases[i].base, NULL));
      g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", NULL, 0, &from, coefficient, NULL));
      g_assert_true (shtat_pay_grid_salary (grid, "B2", NULL, 0, &on, &salary, &error));
      g_assert_no_error (error);
      g_assert_cmpint (salary, ==, cases[i].expected);
    }
}

/* The entry in force on a date, the years-of-service bracket, the category. */
static void
test_lookup (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  struct { const char *block, *category; guint years; guint y, m, d; gint64 salary; } cases[] = {
    /* 2025: BDO 1 769 700 tiyn */
    { "B2", "1", 0, 2025, 1, 1, 5309100 },     /* × 3.0 */
    { "B2", "1", 4, 2025, 6, 30, 5309100 },    /* still the 0-year bracket */
    { "B2", "1", 5, 2025, 6, 30, 6193950 },    /* × 3.5 = 6 193 950 */
    { "B2", "1", 25, 2025, 12, 31, 7078800 },  /* 10+ bracket, × 4.0 */
    /* 2026: BDO 2 000 000 tiyn; 5-year cell 3.6 from 01.01.2026 */
    { "B2", "1", 7, 2026, 1, 1, 7200000 },
    { "B2", "1", 12, 2026, 2, 1, 8000000 },    /* the 10-year cell has no 2026 entry: 4.0 */
    { "B2", "1", 0, 2026, 2, 1, 6000000 },
    { "B3", NULL, 30, 2025, 1, 1, 3539400 },   /* × 2.0 */
    { "B3", "", 0, 2025, 1, 1, 3539400 },      /* "" is no category */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate on = shtat_test_date (cases[i].y, cases[i].m, cases[i].d);
      gint64 salary = -1;

      g_assert_true (shtat_pay_grid_salary (grid, cases[i].block, cases[i].category, cases[i].years, &on,
                                            &salary, &error));
      g_assert_no_error (error);
      g_assert_cmpint (salary, ==, cases[i].salary);
    }
}

static void
test_not_found (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  struct { const char *block, *category; guint years; guint y, m, d; } cases[] = {
    { "B2", "1", 0, 2023, 12, 31 },  /* before any BDO */
    { "B2", "2", 0, 2025, 1, 1 },    /* no such category */
    { "B4", NULL, 0, 2025, 1, 1 },   /* no such block */
    { "B3", "1", 0, 2025, 1, 1 },    /* B3 has no categories */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate on = shtat_test_date (cases[i].y, cases[i].m, cases[i].d);
      gint64 salary = -1;

      g_assert_false (shtat_pay_grid_salary (grid, cases[i].block, cases[i].category, cases[i].years, &on,
                                             &salary, &error));
      g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND);
      g_assert_cmpint (salary, ==, -1);
    }
}

static void
test_overflow (void)
{
  struct { gint64 base; int coefficient; } cases[] = {
    { G_MAXINT64 / 2, 30000 },          /* × 3 */
    { 10000000000000000, 10000000 },    /* 10¹⁶ tiyn × 1000 = 10¹⁹ > 9.2 × 10¹⁸ */
    { G_MAXINT64, 10001 },              /* × 1.0001 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
      g_autoptr(GError) error = NULL;
      GDate from = shtat_test_date (2024, 1, 1);
      gint64 salary = -1;

      g_assert_true (shtat_pay_grid_add_base (grid, &from, cases[i].base, NULL));
      g_assert_true (shtat_pay_grid_add_coefficient (grid, "A1", NULL, 0, &from, cases[i].coefficient, NULL));
      g_assert_false (shtat_pay_grid_salary (grid, "A1", NULL, 0, &from, &salary, &error));
      g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_OVERFLOW);
      g_assert_cmpint (salary, ==, -1);
    }
}

static void
test_invalid (void)
{
  g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
  GDate ok = shtat_test_date (2024, 1, 1);
  GDate bad;
  struct { const char *block, *category; guint years; const GDate *from; int coefficient; } coefficients[] = {
    { NULL, NULL, 0, &ok, 10000 },
    { "", NULL, 0, &ok, 10000 },
    { "B2", NULL, 0, &bad, 10000 },
    { "B2", NULL, 0, NULL, 10000 },
    { "B2", NULL, 0, &ok, 0 },
    { "B2", NULL, 0, &ok, -1 },
    { "B2", NULL, 0, &ok, SHTAT_COEFFICIENT_MAX + 1 },
    { "B2", NULL, SHTAT_PAY_YEARS_MAX + 1, &ok, 10000 },
    { "B\xff", NULL, 0, &ok, 10000 },
  };

  g_date_clear (&bad, 1);
  for (guint i = 0; i < G_N_ELEMENTS (coefficients); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (shtat_pay_grid_add_coefficient (grid, coefficients[i].block, coefficients[i].category,
                                                      coefficients[i].years, coefficients[i].from,
                                                      coefficients[i].coefficient, &error));
      g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (shtat_pay_grid_add_base (grid, &ok, 0, &error));
    g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (shtat_pay_grid_add_base (grid, &bad, 100, &error));
    g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (shtat_pay_grid_set_position (grid, "psychologist", "", NULL, 0, &error));
    g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID);
  }

  g_assert_cmpuint (shtat_pay_grid_get_bases (grid)->len, ==, 0);
  g_assert_cmpuint (shtat_pay_grid_get_coefficients (grid)->len, ==, 0);
  g_assert_cmpuint (shtat_pay_grid_get_positions (grid)->len, ==, 0);
}

/* The user edits the grid: the same key replaces, removal takes effect, lists
 * stay sorted. */
static void
test_edit (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  GDate y2024 = shtat_test_date (2024, 1, 1);
  GDate y2026 = shtat_test_date (2026, 1, 1);
  GDate on = shtat_test_date (2026, 3, 1);
  GPtrArray *coefficients;
  const ShtatPayBase *first;
  gint64 salary;

  /* 3.6 → 3.7 for B2-1, 5 years, from 2026: 2 000 000 × 3.7 = 7 400 000 */
  g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", "1", 5, &y2026, 37000, NULL));
  g_assert_cmpuint (shtat_pay_grid_get_coefficients (grid)->len, ==, 5);
  g_assert_true (shtat_pay_grid_salary (grid, "B2", "1", 5, &on, &salary, NULL));
  g_assert_cmpint (salary, ==, 7400000);

  /* without the 2026 cell, the 2024 one (3.5) applies again: 7 000 000 */
  g_assert_true (shtat_pay_grid_remove_coefficient (grid, "B2", "1", 5, &y2026));
  g_assert_false (shtat_pay_grid_remove_coefficient (grid, "B2", "1", 5, &y2026));
  g_assert_true (shtat_pay_grid_salary (grid, "B2", "1", 5, &on, &salary, NULL));
  g_assert_cmpint (salary, ==, 7000000);

  /* without the 2026 BDO, 1 769 700 × 3.5 = 6 193 950 */
  g_assert_true (shtat_pay_grid_remove_base (grid, &y2026));
  g_assert_true (shtat_pay_grid_salary (grid, "B2", "1", 5, &on, &salary, NULL));
  g_assert_cmpint (salary, ==, 6193950);

  /* replacing the 2024 BDO */
  g_assert_true (shtat_pay_grid_add_base (grid, &y2024, 1800000, NULL));
  g_assert_cmpuint (shtat_pay_grid_get_bases (grid)->len, ==, 1);
  first = g_ptr_array_index (shtat_pay_grid_get_bases (grid), 0);
  g_assert_cmpint (first->tiyn, ==, 1800000);

  coefficients = shtat_pay_grid_get_coefficients (grid);
  for (guint i = 1; i < coefficients->len; i++)
    {
      const ShtatPayCoefficient *a = g_ptr_array_index (coefficients, i - 1);
      const ShtatPayCoefficient *b = g_ptr_array_index (coefficients, i);

      g_assert_cmpint (g_strcmp0 (a->block, b->block), <=, 0);
    }
}

/* A position placed in a cell: its salary and the grade text of a schedule line. */
static void
test_position (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  g_autoptr(GError) error = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *grade2 = NULL;
  GDate on = shtat_test_date (2025, 6, 1);
  gint64 salary = -1;

  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 5, &error));
  g_assert_true (shtat_pay_grid_set_position (grid, "driver", "B3", NULL, 0, &error));
  g_assert_no_error (error);

  g_assert_true (shtat_pay_grid_position_salary (grid, "psychologist", &on, &salary, &grade, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salary, ==, 6193950);   /* 1 769 700 × 3.5 */
  g_assert_cmpstr (grade, ==, "B2-1");

  g_assert_true (shtat_pay_grid_position_salary (grid, "driver", &on, &salary, &grade2, &error));
  g_assert_cmpint (salary, ==, 3539400);   /* × 2.0 */
  g_assert_cmpstr (grade2, ==, "B3");

  g_assert_false (shtat_pay_grid_position_salary (grid, "lawyer", &on, &salary, NULL, &error));
  g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND);

  /* moving a position replaces its place */
  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B3", NULL, 0, NULL));
  g_assert_cmpuint (shtat_pay_grid_get_positions (grid)->len, ==, 2);
  g_assert_cmpstr (shtat_pay_grid_get_position (grid, "psychologist")->block, ==, "B3");
}

static void
test_coefficient_text (void)
{
  struct { const char *text; gboolean ok; int value; const char *formatted; } cases[] = {
    { "3.79", TRUE, 37900, "3.79" },
    { "1,005", TRUE, 10050, "1.005" },
    { "2", TRUE, 20000, "2" },
    { "0.0001", TRUE, 1, "0.0001" },
    { "1000", TRUE, 10000000, "1000" },
    { "1.00001", FALSE, 0, NULL },
    { "1000.0001", FALSE, 0, NULL },
    { "1001", FALSE, 0, NULL },
    { "", FALSE, 0, NULL },
    { "1.", FALSE, 0, NULL },
    { ".5", FALSE, 0, NULL },
    { "-1", FALSE, 0, NULL },
    { "1 5", FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int value = -1;

      g_assert_cmpint (shtat_coefficient_parse (cases[i].text, &value), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *text = shtat_coefficient_format (value);

          g_assert_cmpint (value, ==, cases[i].value);
          g_assert_cmpstr (text, ==, cases[i].formatted);
        }
    }
}

/* units hundredths × tiyn per unit / 100, half up once. */
static void
test_money_for_units (void)
{
  struct { gint64 tiyn; int units; gboolean ok; gint64 expected; } cases[] = {
    { 15000000, 100, TRUE, 15000000 },
    { 15000000, 250, TRUE, 37500000 },      /* 2.5 × 150 000 ₸ */
    { 15000001, 50, TRUE, 7500001 },        /* 7 500 000.5 → half up */
    { 15000001, 25, TRUE, 3750000 },        /* 3 750 000.25 → down */
    { 15000003, 25, TRUE, 3750001 },        /* 3 750 000.75 → up */
    { 1, 50, TRUE, 1 },                     /* 0.5 tiyn → 1 */
    { 1, 49, TRUE, 0 },
    { 3, 50, TRUE, 2 },                     /* 1.5 → 2 */
    { 0, 100, TRUE, 0 },
    { G_MAXINT64 / 100, 100, TRUE, G_MAXINT64 / 100 },
    { G_MAXINT64, 100, TRUE, G_MAXINT64 },  /* the largest sum there is, × 1.00 */
    { G_MAXINT64, 101, FALSE, 0 },
    { G_MAXINT64 / 50, 5001, FALSE, 0 },    /* ≈ 1.84 × 10¹⁷ × 50.01 > 9.22 × 10¹⁸ */
    { -1, 100, FALSE, 0 },
    { 100, -25, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 out = -7;

      g_assert_cmpint (shtat_money_for_units (cases[i].tiyn, cases[i].units, &out), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (out, ==, cases[i].expected);
      else
        g_assert_cmpint (out, ==, -7);
    }

  {
    gint64 sum = 0;

    g_assert_true (shtat_money_add (G_MAXINT64 - 1, 1, &sum));
    g_assert_cmpint (sum, ==, G_MAXINT64);
    g_assert_false (shtat_money_add (G_MAXINT64, 1, &sum));
    g_assert_false (shtat_money_add (-1, 1, &sum));
  }
}

static void
test_money_text (void)
{
  struct { gint64 tiyn; const char *en; const char *ru; } formats[] = {
    { 15000000, "150" NBSP "000.00" NBSP "₸", "150" NBSP "000,00" NBSP "₸" },
    { 16000000, "160" NBSP "000.00" NBSP "₸", "160" NBSP "000,00" NBSP "₸" },
    { 0, "0.00" NBSP "₸", "0,00" NBSP "₸" },
    { 5, "0.05" NBSP "₸", "0,05" NBSP "₸" },
    { 123456789, "1" NBSP "234" NBSP "567.89" NBSP "₸", "1" NBSP "234" NBSP "567,89" NBSP "₸" },
    { 99999, "999.99" NBSP "₸", "999,99" NBSP "₸" },
  };
  struct { const char *text; gboolean ok; gint64 tiyn; } parses[] = {
    { "150000", TRUE, 15000000 },
    { "150 000,5", TRUE, 15000050 },
    { "150" NBSP "000.50", TRUE, 15000050 },
    { "0,05", TRUE, 5 },
    { "92233720368547758.07", TRUE, G_MAXINT64 },
    { "92233720368547758.08", FALSE, 0 },
    { "1.234", FALSE, 0 },
    { "abc", FALSE, 0 },
    { "", FALSE, 0 },
    { "-5", FALSE, 0 },
    { " 5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *ru = NULL;

      shtat_lang_set_override (SHTAT_LANG_EN);
      en = shtat_money_format (formats[i].tiyn);
      shtat_lang_set_override (SHTAT_LANG_RU);
      ru = shtat_money_format (formats[i].tiyn);
      shtat_lang_set_override (-1);
      g_assert_cmpstr (en, ==, formats[i].en);
      g_assert_cmpstr (ru, ==, formats[i].ru);
    }

  /* Without the sign, in the language asked for whatever the interface's:
   * the schedule's PDF and the salary entries. */
  shtat_lang_set_override (SHTAT_LANG_EN);
  {
    g_autofree char *kk = shtat_money_format_amount (670500103, SHTAT_LANG_KK);
    g_autofree char *en = shtat_money_format_amount (670500103, SHTAT_LANG_EN);
    g_autofree char *negative = shtat_money_format_amount (-150, SHTAT_LANG_RU);

    g_assert_cmpstr (kk, ==, "6" NBSP "705" NBSP "001,03");
    g_assert_cmpstr (en, ==, "6" NBSP "705" NBSP "001.03");
    g_assert_cmpstr (negative, ==, "−1,50");
  }
  shtat_lang_set_override (-1);

  /* As files carry it: a dot, two decimals, no groups, in every language. */
  shtat_lang_set_override (SHTAT_LANG_RU);
  {
    g_autofree char *base = shtat_money_to_decimal (1769700);
    g_autofree char *tiny = shtat_money_to_decimal (5);
    g_autofree char *zero = shtat_money_to_decimal (0);
    g_autofree char *large = shtat_money_to_decimal (123456789);

    g_assert_cmpstr (base, ==, "17697.00");
    g_assert_cmpstr (tiny, ==, "0.05");
    g_assert_cmpstr (zero, ==, "0.00");
    g_assert_cmpstr (large, ==, "1234567.89");
  }
  shtat_lang_set_override (-1);

  for (guint i = 0; i < G_N_ELEMENTS (parses); i++)
    {
      gint64 tiyn = -1;

      g_assert_cmpint (shtat_money_parse (parses[i].text, &tiyn), ==, parses[i].ok);
      if (parses[i].ok)
        g_assert_cmpint (tiyn, ==, parses[i].tiyn);
    }
}

/* A copy is equal to its grid until one of them changes. */
static void
test_copy_equal (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  g_autoptr(ShtatPayGrid) copy = NULL;
  GDate y2024 = shtat_test_date (2024, 1, 1);

  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 5, NULL));
  copy = shtat_pay_grid_copy (grid);
  g_assert_true (shtat_pay_grid_equal (grid, copy));
  g_assert_true (shtat_pay_grid_add_coefficient (copy, "B3", NULL, 0, &y2024, 20001, NULL));
  g_assert_false (shtat_pay_grid_equal (grid, copy));
  g_assert_true (shtat_pay_grid_add_coefficient (copy, "B3", "", 0, &y2024, 20000, NULL));
  g_assert_true (shtat_pay_grid_equal (grid, copy));
  g_assert_true (shtat_pay_grid_set_position (copy, "psychologist", "B2", "1", 10, NULL));
  g_assert_false (shtat_pay_grid_equal (grid, copy));
}

/* The CSV of docs/pay-grid.md: written, read back, and the same grid. */
static void
test_csv_round_trip (void)
{
  g_autoptr(ShtatPayGrid) grid = sample_grid ();
  g_autoptr(ShtatPayGrid) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GDate on = shtat_test_date (2026, 3, 1);
  gint64 salary = 0;

  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 5, NULL));
  g_assert_true (shtat_pay_grid_set_position (grid, "driver", "B3", NULL, 0, NULL));
  csv = shtat_pay_grid_to_csv (grid);
  g_assert_cmpstr (csv, ==,
                   "kind,from,position,block,category,years,value\n"
                   "base,2024-01-01,,,,,17697.00\n"
                   "base,2026-01-01,,,,,20000.00\n"
                   "coefficient,2024-01-01,,B2,1,0,3\n"
                   "coefficient,2024-01-01,,B2,1,5,3.5\n"
                   "coefficient,2026-01-01,,B2,1,5,3.6\n"
                   "coefficient,2024-01-01,,B2,1,10,4\n"
                   "coefficient,2024-01-01,,B3,,0,2\n"
                   "position,,driver,B3,,0,\n"
                   "position,,psychologist,B2,1,5,\n");
  back = shtat_pay_grid_from_csv ("grid.csv", csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_equal (grid, back));
  /* 20 000,00 ₸ × 3.6 = 72 000,00 ₸ in 2026 */
  g_assert_true (shtat_pay_grid_position_salary (back, "psychologist", &on, &salary, NULL, &error));
  g_assert_cmpint (salary, ==, 7200000);
}

static void
test_csv_errors (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "kind,from,position,block,category,years,value\nbase,2026-01-01,,,,,0\n",
      "grid.csv:2: The base official salary must be more than zero" },
    { "base,2026-02-30,,,,,100\n", "grid.csv:1: give the date the figure applies from as YYYY-MM-DD" },
    { "base,2026-01-01,,,,,100\nbase,2026-01-01,,,,,200\n",
      "grid.csv:2: a base official salary from this date is given twice" },
    { "coefficient,2026-01-01,,B2,1,5,3.79\ncoefficient,2026-01-01,,B2,1,5,3.8\n",
      "grid.csv:2: this coefficient is given twice" },
    { "coefficient,2026-01-01,,B2,1,5,3.12345\n",
      "grid.csv:1: a coefficient is written like 3.79, with up to four decimals" },
    { "coefficient,2026-01-01,,,1,5,3\n", "grid.csv:1: Block: give a code" },
    { "coefficient,2026-01-01,,B2,1,101,3\n", "grid.csv:1: years of service are a whole number from 0 to 100" },
    { "position,,driver,B3,,0,\nposition,,driver,B2,,0,\n", "grid.csv:2: the position is placed twice" },
    { "salary,,,,,,\n", "grid.csv:1: unknown kind “salary”: use base, coefficient or position" },
    { "base,2026-01-01,100\n", "grid.csv:1: give seven columns: kind, from, position, block, category, years, value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_from_csv ("grid.csv", cases[i].text, strlen (cases[i].text),
                                                              &error);

      g_assert_null (grid);
      g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();

  g_test_add_func ("/pay/rounding", test_rounding);
  g_test_add_func ("/pay/lookup", test_lookup);
  g_test_add_func ("/pay/not-found", test_not_found);
  g_test_add_func ("/pay/overflow", test_overflow);
  g_test_add_func ("/pay/invalid", test_invalid);
  g_test_add_func ("/pay/edit", test_edit);
  g_test_add_func ("/pay/position", test_position);
  g_test_add_func ("/pay/coefficient-text", test_coefficient_text);
  g_test_add_func ("/pay/copy-equal", test_copy_equal);
  g_test_add_func ("/pay/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/pay/csv-errors", test_csv_errors);
  g_test_add_func ("/money/for-units", test_money_for_units);
  g_test_add_func ("/money/text", test_money_text);
  return g_test_run ();
}
