/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-minimum"

/* Minimum staffing computed from the norm tables. Every expected figure below is
 * added up by hand from the act's table (digest §2.1, §7.2–7.5), not taken from
 * the program. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "shtat-core.h"

static ShtatNormLibrary *library;

#define NONE (-1.0)
#define U(x) ((int) lround ((x) * 100))

typedef struct
{
  double recipients, vehicles, tractors, beds, children, groups, appeals;
  gboolean lift, library, sewerage, centralised;
} Figures;

static ShtatMinimum *
compute_full (const char         *table_id,
              const Figures      *f,
              ShtatRatioRounding  rounding,
              GError            **error)
{
  const ShtatNormTable *table = shtat_norm_library_get_table (library, table_id);
  ShtatDrivers d;

  g_assert_nonnull (table);
  shtat_drivers_init (&d);
  if (f->appeals >= 0 || isnan (f->appeals) || f->appeals < -1.5)
    shtat_drivers_set (&d, SHTAT_DRIVER_APPEALS, f->appeals);
  if (f->recipients != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_RECIPIENTS, f->recipients);
  if (f->vehicles != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_VEHICLES, f->vehicles);
  if (f->tractors != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_TRACTORS, f->tractors);
  if (f->beds != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_BEDS, f->beds);
  if (f->children != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_CHILDREN, f->children);
  if (f->groups != NONE) shtat_drivers_set (&d, SHTAT_DRIVER_GROUPS, f->groups);
  d.flags[SHTAT_FLAG_HAS_LIFT] = f->lift;
  d.flags[SHTAT_FLAG_HAS_LIBRARY] = f->library;
  d.flags[SHTAT_FLAG_HAS_SEWERAGE] = f->sewerage;
  d.flags[SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING] = f->centralised;
  g_date_set_dmy (&d.as_of, 22, 11, 2026);
  return shtat_minimum_compute (library, table, &d, rounding, error);
}

static ShtatMinimum *
compute (const char    *table_id,
         const Figures *f)
{
  g_autoptr(GError) error = NULL;
  ShtatMinimum *m = compute_full (table_id, f, SHTAT_RATIO_ROUNDING_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static Figures
fsc (double appeals,
     double vehicles)
{
  Figures f = { NONE, vehicles, NONE, NONE, NONE, NONE, appeals, FALSE, FALSE, FALSE, FALSE };
  return f;
}

static int
row_units (const ShtatMinimum *m,
           guint               n)
{
  const ShtatMinimumLine *line = shtat_minimum_find_row (m, n);

  g_assert_nonnull (line);
  return line->units;
}

static gboolean
has_remark (GPtrArray       *remarks,
            ShtatRemarkKind  kind,
            guint            interpretation)
{
  for (guint i = 0; i < remarks->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (remarks, i);
      if (r->kind == kind && (interpretation == 0 || r->interpretation == interpretation))
        return TRUE;
    }
  return FALSE;
}

/* 000 App: the three brackets at and around their edges (decisions.md item 1),
 * and the drivers row at 0, 1 and 3 vehicles (item 3). Sums of the act's columns:
 * ≤50 → 17, 51–100 → 24.5, >100 → 31.5, plus one driver per vehicle. */
static void
test_fsc_boundaries (void)
{
  struct { double appeals; double vehicles; int bracket; double total; } cases[] = {
    { 0, 1, 0, 18 },
    { 50, 1, 0, 18 },
    { 50.4, 1, 1, 25.5 },
    { 51, 1, 1, 25.5 },
    { 100, 1, 1, 25.5 },
    { 100.01, 1, 2, 32.5 },
    { 101, 1, 2, 32.5 },
    { 50, 0, 0, 17 },
    { 50, 3, 0, 20 },
    { 75, 0, 1, 24.5 },
    { 75, 3, 1, 27.5 },
    { 101, 0, 2, 31.5 },
    { 101, 3, 2, 34.5 },
    { 5000, 1, 2, 32.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = fsc (cases[i].appeals, cases[i].vehicles);
      g_autoptr(ShtatMinimum) m = compute ("fsc", &f);

      g_test_message ("appeals %g, vehicles %g", cases[i].appeals, cases[i].vehicles);
      g_assert_cmpint (m->bracket, ==, cases[i].bracket);
      g_assert_cmpint (m->total_units, ==, U (cases[i].total));
      g_assert_false (m->outside_table); /* the last bracket is open-ended */
      g_assert_cmpuint (m->n_typical, ==, 2);
      g_assert_cmpint (row_units (m, 15), ==, U (cases[i].vehicles));
      /* the bracket reading is shown with every result */
      g_assert_true (has_remark (m->remarks, SHTAT_REMARK_INTERPRETATION, 1));
    }
}

/* Single rows that change at the edges: the deputy from 51, the accountant over
 * 100, the case managers 2 / 3 / 4. */
static void
test_fsc_rows (void)
{
  struct { double appeals; guint row; double units; } cases[] = {
    { 50, 2, 0 }, { 50.4, 2, 1 }, { 100, 5, 0 }, { 100.01, 5, 1 },
    { 50, 20, 2 }, { 51, 20, 3 }, { 101, 20, 4 },
    { 50, 19, 1.5 }, { 100, 19, 2.5 }, { 101, 19, 3.5 },
    { 0, 1, 1 }, { 0, 4, 2 }, { 0, 10, 2 }, { 101, 4, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = fsc (cases[i].appeals, 1);
      g_autoptr(ShtatMinimum) m = compute ("fsc", &f);

      g_assert_cmpint (row_units (m, cases[i].row), ==, U (cases[i].units));
    }
}

/* What the user must see next to the figures: typical norms not computed,
 * interpretations, the row-13 amendment, the interchange footnote. */
static void
test_fsc_remarks (void)
{
  Figures f = fsc (60, 1);
  g_autoptr(ShtatMinimum) m = compute ("fsc", &f);
  const ShtatMinimumLine *r13 = shtat_minimum_find_row (m, 13);
  const ShtatMinimumLine *r15 = shtat_minimum_find_row (m, 15);
  const ShtatMinimumLine *r17 = shtat_minimum_find_row (m, 17);
  const ShtatMinimumLine *r18 = shtat_minimum_find_row (m, 18);
  const ShtatRemark *amendment = NULL;

  g_assert_cmpint (r17->units, ==, -1);
  g_assert_cmpint (r18->units, ==, -1);
  g_assert_true (has_remark (r17->remarks, SHTAT_REMARK_INTERPRETATION, 4));
  g_assert_true (has_remark (r15->remarks, SHTAT_REMARK_INTERPRETATION, 3));
  g_assert_true (has_remark (m->remarks, SHTAT_REMARK_NOTE, 0));
  g_assert_true (has_remark (m->remarks, SHTAT_REMARK_INTERPRETATION, 5));

  for (guint i = 0; i < r13->remarks->len; i++)
    if (((ShtatRemark *) g_ptr_array_index (r13->remarks, i))->kind == SHTAT_REMARK_AMENDMENT)
      amendment = g_ptr_array_index (r13->remarks, i);
  g_assert_nonnull (amendment);
  g_assert_cmpstr (amendment->cite, ==, "000 App r.13");
  /* as of 22.11.2026 the new wording is in force */
  g_assert_nonnull (strstr (amendment->text, "In force since 12.07.2026"));
}

static void
test_fsc_amendment_before (void)
{
  const ShtatNormTable *table = shtat_norm_library_get_table (library, "fsc");
  g_autoptr(ShtatMinimum) m = NULL;
  ShtatDrivers d;
  const ShtatMinimumLine *r13;
  gboolean found = FALSE;

  shtat_drivers_init (&d);
  shtat_drivers_set (&d, SHTAT_DRIVER_APPEALS, 60);
  g_date_set_dmy (&d.as_of, 1, 3, 2026);
  m = shtat_minimum_compute (library, table, &d, SHTAT_RATIO_ROUNDING_DEFAULT, NULL);
  r13 = shtat_minimum_find_row (m, 13);
  for (guint i = 0; i < r13->remarks->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (r13->remarks, i);
      if (r->kind == SHTAT_REMARK_AMENDMENT && strstr (r->text, "Takes effect on 12.07.2026"))
        found = TRUE;
    }
  g_assert_true (found);
}

/* Figures the engine refuses, naming the figure. */
static void
test_bad_drivers (void)
{
  struct { Figures f; const char *table; int code; const char *expect; } cases[] = {
    { { NONE, 1, NONE, NONE, NONE, NONE, -1.0, 0 }, "fsc", SHTAT_MINIMUM_ERROR_MISSING_DRIVER, "Appeals per working day" },
    { { NONE, 1, NONE, NONE, NONE, NONE, -5.0, 0 }, "fsc", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "Appeals per working day" },
    { { NONE, 1.5, NONE, NONE, NONE, NONE, 10, 0 }, "fsc", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "whole number" },
    { { NONE, -1.5, NONE, NONE, NONE, NONE, 10, 0 }, "fsc", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "Vehicles" },
    { { NONE, 1, NONE, NONE, NONE, NONE, NAN, 0 }, "fsc", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "Appeals" },
    { { NONE, 1, NONE, NONE, NONE, NONE, INFINITY, 0 }, "fsc", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "Appeals" },
    { { NONE, NONE, NONE, 10, NONE, NONE, NONE, 0 }, "t1", SHTAT_MINIMUM_ERROR_MISSING_DRIVER, "Service recipients" },
    { { 10, NONE, NONE, 2e7, NONE, NONE, NONE, 0 }, "t1", SHTAT_MINIMUM_ERROR_INVALID_DRIVER, "Beds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShtatMinimum) m = compute_full (cases[i].table, &cases[i].f, SHTAT_RATIO_ROUNDING_DEFAULT, &error);

      g_assert_null (m);
      g_assert_error (error, SHTAT_MINIMUM_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
    }
}

/* ---- 004 T1: temporary-stay organisations -------------------------------- */

static Figures
t1 (double recipients)
{
  Figures f = { recipients, 0, 0, 0, NONE, NONE, NONE, FALSE, FALSE, TRUE, FALSE };
  return f;
}

/* Brackets as printed overlap at 50–51; the lower one wins (decisions.md item 8).
 * The economist (r.5) is 0 in the first bracket and 0.5 in the second. */
static void
test_t1_brackets (void)
{
  struct { double recipients; int bracket; double economist; gboolean overlap; gboolean outside; } cases[] = {
    { 0, 0, 0, FALSE, FALSE }, { 49, 0, 0, FALSE, FALSE }, { 50, 0, 0, TRUE, FALSE },
    { 51, 0, 0, TRUE, FALSE }, { 52, 1, 0.5, FALSE, FALSE }, { 100, 1, 0.5, FALSE, FALSE },
    { 101, 2, 1, FALSE, FALSE }, { 300, 5, 1, FALSE, FALSE }, { 301, 5, 1, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = t1 (cases[i].recipients);
      g_autoptr(ShtatMinimum) m = compute ("t1", &f);

      g_test_message ("recipients %g", cases[i].recipients);
      g_assert_cmpint (m->bracket, ==, cases[i].bracket);
      g_assert_cmpint (row_units (m, 5), ==, U (cases[i].economist));
      g_assert_cmpint (has_remark (m->remarks, SHTAT_REMARK_INTERPRETATION, 8), ==, TRUE);
      g_assert_cmpint (m->outside_table, ==, cases[i].outside);
      g_assert_cmpint (has_remark (m->remarks, SHTAT_REMARK_WARNING, 0), ==, cases[i].outside);
      {
        /* the overlap remark names the value */
        gboolean overlap = FALSE;
        for (guint r = 0; r < m->remarks->len; r++)
          {
            const ShtatRemark *rem = g_ptr_array_index (m->remarks, r);
            if (rem->kind == SHTAT_REMARK_INTERPRETATION && strstr (rem->text, "two printed brackets meet"))
              overlap = TRUE;
          }
        g_assert_cmpint (overlap, ==, cases[i].overlap);
      }
    }
}

/* Conditional rows: the lift operator (r.12), the cesspit carriers (r.21),
 * the librarian (r.39). */
static void
test_t1_conditions (void)
{
  Figures f = t1 (80);
  g_autoptr(ShtatMinimum) plain = NULL;
  g_autoptr(ShtatMinimum) with = NULL;

  plain = compute ("t1", &f);
  g_assert_false (shtat_minimum_find_row (plain, 12)->applies);
  g_assert_cmpint (row_units (plain, 12), ==, 0);
  g_assert_false (shtat_minimum_find_row (plain, 21)->applies); /* on sewerage */
  g_assert_cmpint (row_units (plain, 21), ==, 0);
  g_assert_false (shtat_minimum_find_row (plain, 39)->applies);
  g_assert_cmpint (row_units (plain, 39), ==, 0);
  g_assert_nonnull (strstr (shtat_minimum_find_row (plain, 12)->explanation, "lift"));

  f.lift = TRUE;
  f.library = TRUE;
  f.sewerage = FALSE;
  with = compute ("t1", &f);
  g_assert_true (shtat_minimum_find_row (with, 12)->applies);
  g_assert_cmpint (row_units (with, 12), ==, -1); /* by typical norms */
  g_assert_true (shtat_minimum_find_row (with, 21)->applies);
  g_assert_cmpint (row_units (with, 21), ==, U (4));
  g_assert_cmpint (row_units (with, 39), ==, U (1));
  /* one more typical row and 5 more units: 4 carriers and a librarian */
  g_assert_cmpuint (with->n_typical, ==, plain->n_typical + 1);
  g_assert_cmpint (with->total_units, ==, plain->total_units + U (5));

  /* no sewerage, but cesspits are cleaned centrally: no carriers */
  {
    g_autoptr(ShtatMinimum) central = NULL;

    f.centralised = TRUE;
    central = compute ("t1", &f);
    g_assert_false (shtat_minimum_find_row (central, 21)->applies);
  }
}

/* Drivers (r.14) per serviceable vehicle within the limit of 3 vehicles, or 4
 * from 150 recipients (004 T1 note 3); tractor drivers (r.15) per tractor. */
static void
test_t1_vehicles (void)
{
  struct { double recipients, vehicles, tractors; double drivers, tractor_drivers; gboolean capped; } cases[] = {
    { 100, 0, 0, 0, 0, FALSE }, { 100, 2, 1, 2, 1, FALSE }, { 100, 3, 0, 3, 0, FALSE },
    { 100, 5, 0, 3, 0, TRUE }, { 149, 4, 0, 3, 0, TRUE }, { 150, 4, 2, 4, 2, FALSE },
    { 150, 6, 0, 4, 0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = t1 (cases[i].recipients);
      g_autoptr(ShtatMinimum) m = NULL;

      f.vehicles = cases[i].vehicles;
      f.tractors = cases[i].tractors;
      m = compute ("t1", &f);
      g_assert_cmpint (row_units (m, 14), ==, U (cases[i].drivers));
      g_assert_cmpint (row_units (m, 15), ==, U (cases[i].tractor_drivers));
      g_assert_cmpint (has_remark (shtat_minimum_find_row (m, 14)->remarks, SHTAT_REMARK_WARNING, 0), ==,
                       cases[i].capped);
    }
}

/* Nurses (r.35): 5.25 for every 50 beds, a started block counts (decisions.md
 * item 7); pro rata when so configured. */
static void
test_t1_nurses (void)
{
  struct { double beds; ShtatRatioRounding rounding; double units; } cases[] = {
    { 0, SHTAT_RATIO_ROUNDING_DEFAULT, 0 },
    { 1, SHTAT_RATIO_ROUNDING_DEFAULT, 5.25 },
    { 50, SHTAT_RATIO_ROUNDING_DEFAULT, 5.25 },
    { 51, SHTAT_RATIO_ROUNDING_DEFAULT, 10.5 },
    { 100, SHTAT_RATIO_ROUNDING_CEIL, 10.5 },
    { 101, SHTAT_RATIO_ROUNDING_CEIL, 15.75 },
    { 50, SHTAT_RATIO_ROUNDING_PROPORTIONAL, 5.25 },
    { 75, SHTAT_RATIO_ROUNDING_PROPORTIONAL, 7.88 }, /* 7.875, half up */
    { 10, SHTAT_RATIO_ROUNDING_PROPORTIONAL, 1.05 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = t1 (120);
      g_autoptr(ShtatMinimum) m = NULL;
      g_autoptr(GError) error = NULL;

      f.beds = cases[i].beds;
      m = compute_full ("t1", &f, cases[i].rounding, &error);
      g_assert_no_error (error);
      g_assert_cmpint (row_units (m, 35), ==, U (cases[i].units));
      g_assert_true (has_remark (shtat_minimum_find_row (m, 35)->remarks, SHTAT_REMARK_INTERPRETATION, 7));
    }
}

/* A whole T1 for 120 recipients, 2 vehicles, 120 beds, on sewerage, no lift,
 * no library: column 101–150 of the act. Rows 1–11: 10.5; r.13 4; r.14 2;
 * r.22 1; r.23 3; r.24–31: 0.5+3+1+2+1+1+0+1 = 9.5; r.33–34: 2; r.35: 3 blocks
 * × 5.25 = 15.75; r.36 1; r.37 1.5; r.38 1; r.40 1. Total 52.25. Typical: r.16–20
 * and r.32. */
static void
test_t1_total (void)
{
  Figures f = t1 (120);
  g_autoptr(ShtatMinimum) m = NULL;

  f.vehicles = 2;
  f.beds = 120;
  m = compute ("t1", &f);
  g_assert_cmpint (m->total_units, ==, U (52.25));
  g_assert_cmpuint (m->n_typical, ==, 6);
}

/* ---- 004 T2, T3, T4 ------------------------------------------------------ */

static void
test_t2 (void)
{
  Figures f = { NONE, NONE, NONE, NONE, NONE, NONE, NONE, 0 };
  g_autoptr(ShtatMinimum) m = compute ("t2", &f);

  /* 1 director + 2 housekeepers + 2 paramedics + 5.25 nurses, flat */
  g_assert_cmpint (m->total_units, ==, U (10.25));
  g_assert_cmpint (m->bracket, ==, -1);
}

static void
test_t3 (void)
{
  double vehicles[] = { 0, 1, 2, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (vehicles); i++)
    {
      Figures f = { NONE, vehicles[i], NONE, NONE, NONE, NONE, NONE, 0 };
      g_autoptr(ShtatMinimum) m = compute ("t3", &f);

      /* a patrol team of four per vehicle */
      g_assert_cmpint (m->total_units, ==, U (4 * vehicles[i]));
    }
}

/* T4: brackets up to 20 and 20–50, meeting at 20 (item 8); educators one per
 * 10 children (item 7), instructors one per study group. */
static void
test_t4 (void)
{
  struct { double recipients, children, groups; int bracket; double lawyer, educators, instructors, total; gboolean outside; } cases[] = {
    /* ≤20: 1+1+1+1+1+1+1 +0 +1 +0 +1 = 9 */
    { 20, 0, 0, 0, 1, 0, 0, 9, FALSE },
    { 10, 10, 1, 0, 1, 1, 1, 11, FALSE },
    /* 20–50: 1+1+1+2+2+1.5+1.5 +2 +2 +2 +1 = 17 */
    { 21, 11, 2, 1, 2, 2, 2, 17, FALSE },
    { 50, 20, 0, 1, 2, 2, 0, 15, FALSE },
    { 51, 0, 0, 1, 2, 0, 0, 13, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Figures f = { cases[i].recipients, NONE, NONE, NONE, cases[i].children, cases[i].groups, NONE, 0 };
      g_autoptr(ShtatMinimum) m = compute ("t4", &f);

      g_test_message ("t4 case %u", i);
      g_assert_cmpint (m->bracket, ==, cases[i].bracket);
      g_assert_cmpint (row_units (m, 4), ==, U (cases[i].lawyer));
      g_assert_cmpint (row_units (m, 8), ==, U (cases[i].educators));
      g_assert_cmpint (row_units (m, 10), ==, U (cases[i].instructors));
      g_assert_cmpint (m->total_units, ==, U (cases[i].total));
      g_assert_cmpint (m->outside_table, ==, cases[i].outside);
    }
}

/* ---- units --------------------------------------------------------------- */

static void
test_units (void)
{
  struct { const char *in; gboolean ok; int hundredths; const char *out; } cases[] = {
    { "0", TRUE, 0, "0" }, { "1", TRUE, 100, "1" }, { "0.5", TRUE, 50, "0.5" },
    { "5.25", TRUE, 525, "5.25" }, { "2,5", TRUE, 250, "2.5" }, { "0.05", TRUE, 5, "0.05" },
    { "1.125", FALSE, 0, NULL }, { "", FALSE, 0, NULL }, { "-1", FALSE, 0, NULL },
    { "1.", FALSE, 0, NULL }, { "x", FALSE, 0, NULL }, { "99999999999", FALSE, 0, NULL },
    { "21474836.47", TRUE, G_MAXINT, "21474836.47" }, { "21474836.48", FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int h = -7;

      g_assert_cmpint (shtat_units_parse (cases[i].in, &h), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *s = shtat_units_format (h);
          g_assert_cmpint (h, ==, cases[i].hundredths);
          g_assert_cmpstr (s, ==, cases[i].out);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  shtat_lang_set_override (SHTAT_LANG_EN);
  g_setenv ("SHTAT_NORMS_DIR", "/nonexistent", TRUE);
  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/minimum/fsc/boundaries", test_fsc_boundaries);
  g_test_add_func ("/minimum/fsc/rows", test_fsc_rows);
  g_test_add_func ("/minimum/fsc/remarks", test_fsc_remarks);
  g_test_add_func ("/minimum/fsc/amendment-before", test_fsc_amendment_before);
  g_test_add_func ("/minimum/bad-drivers", test_bad_drivers);
  g_test_add_func ("/minimum/t1/brackets", test_t1_brackets);
  g_test_add_func ("/minimum/t1/conditions", test_t1_conditions);
  g_test_add_func ("/minimum/t1/vehicles", test_t1_vehicles);
  g_test_add_func ("/minimum/t1/nurses", test_t1_nurses);
  g_test_add_func ("/minimum/t1/total", test_t1_total);
  g_test_add_func ("/minimum/t2", test_t2);
  g_test_add_func ("/minimum/t3", test_t3);
  g_test_add_func ("/minimum/t4", test_t4);
  g_test_add_func ("/units", test_units);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
