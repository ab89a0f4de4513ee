/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-schedule"

/* The staffing schedule: drafts from the minimum norms, the wage fund in tiyn,
 * compliance with the interchange rule (decisions.md items 4–6), the workflow,
 * the canonical XML and its checksum, and the diff between versions.
 *
 * Staffing figures come from the act's table (digest §2.1, column 51–100 unless
 * said otherwise); sums of money are multiplied out by hand in the comments.
 * Salaries are SAMPLES made up for the tests, not figures of Decree 1193. The
 * golden file tests/data/schedule/approved.xml was written by hand, and its
 * SHA-256 computed with sha256sum over the file without its <sha256> line. */

#include "config.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <sqlite3.h>
#include <math.h>

#include "shtat-core.h"
#include "shtat-enum.h"
#include "shtat-schedule-enums.h"
#include "shtat-test-common.h"

#define NBSP "\u00a0"
#define S    20000000   /* a uniform SAMPLE salary: 200 000,00 ₸ */

static ShtatNormLibrary *library;
static const ShtatNormTable *fsc;
static char *data_dir;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static ShtatDrivers
fsc_drivers (double appeals,
             double vehicles)
{
  ShtatDrivers d;

  shtat_drivers_init (&d);
  shtat_drivers_set (&d, SHTAT_DRIVER_APPEALS, appeals);
  if (vehicles >= 0)
    shtat_drivers_set (&d, SHTAT_DRIVER_VEHICLES, vehicles);
  d.as_of = shtat_test_date (2026, 1, 15);
  return d;
}

static ShtatSchedule *
draft_from_minimum (double        appeals,
                    double        vehicles,
                    ShtatPayGrid *grid)
{
  g_autoptr(GError) error = NULL;
  ShtatDrivers d = fsc_drivers (appeals, vehicles);
  ShtatSchedule *s = shtat_schedule_new_from_minimum (library, fsc, &d, grid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static int
find_line (const ShtatSchedule *s,
           const char          *position)
{
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return (int) i;
  return -1;
}

static guint
line_of (const ShtatSchedule *s,
         const char          *position)
{
  int i = find_line (s, position);

  g_assert_cmpint (i, >=, 0);
  return (guint) i;
}

/* A draft ready to submit at 60 appeals and 1 vehicle (25.5 units): every line
 * at the uniform salary S, the cleaner at 1 unit and the yard keeper at 0.5 with
 * a reference. Fund: (25.5 + 1.5) × S = 27 × 200 000 ₸ = 540 000 000 tiyn. */
static ShtatSchedule *
complete_draft (void)
{
  ShtatSchedule *s = draft_from_minimum (60, 1, NULL);
  GError *error = NULL;

  shtat_test_ok (shtat_schedule_set_centre (s, "almaty-bostandyk", &error), error);
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    shtat_test_ok (shtat_schedule_set_line_salary (s, i, S, &error), error);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "cleaner"), 100, &error), error);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "cleaner"), "Typical norms, Labour Code art. 101(7)", &error), error);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "yard-keeper"), 50, &error), error);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "yard-keeper"), "Typical norms, Labour Code art. 101(7)", &error), error);
  return s;
}

static ShtatApproval
sample_approval (void)
{
  ShtatApproval a = { 0 };

  a.akimat = "Алматы қаласы Бостандық ауданының әкімдігі";
  a.order_number = "214-п";
  a.order_date = shtat_test_date (2026, 1, 20);
  a.signatory = "Сейітқалиев Ә. Б.";
  a.effective = shtat_test_date (2026, 2, 1);
  return a;
}

static ShtatSchedule *
approved_schedule (void)
{
  ShtatSchedule *s = complete_draft ();
  ShtatApproval a = sample_approval ();
  GError *error = NULL;

  shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve (s, library, fsc, NULL, &a, NULL, &error), error);
  return s;
}

static const ShtatComplianceRow *
find_row (const ShtatScheduleCheck *check,
          const char               *position)
{
  for (guint i = 0; i < check->rows->len; i++)
    {
      const ShtatComplianceRow *row = g_ptr_array_index (check->rows, i);

      if (g_strcmp0 (row->position, position) == 0)
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
has_interpretation (GPtrArray *remarks,
                    guint      id)
{
  for (guint i = 0; i < remarks->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (remarks, i);

      if (r->kind == SHTAT_REMARK_INTERPRETATION && r->interpretation == id)
        return TRUE;
    }
  return FALSE;
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* tests/data/schedule, through G_TEST_SRCDIR (tests/, set by meson). */
static void
find_data_dir (void)
{
  g_autofree char *probe = NULL;

  data_dir = g_test_build_filename (G_TEST_DIST, "data", "schedule", NULL);
  probe = g_build_filename (data_dir, "approved.xml", NULL);
  g_assert_true (g_file_test (probe, G_FILE_TEST_IS_REGULAR));
}

/* ------------------------------------------------------------------------ */
/* Drafts from the minimum norms                                            */

typedef struct
{
  guint       row;
  const char *position;
  int         units;
  ShtatScheduleUnit unit;
} ExpectedLine;

/* 000 App, column 51–100 with 1 vehicle: one line per row above zero (row 5,
 * the accountant, is 0 there), typical rows 17–18 as lines of 0 units; units of
 * digest §5.4. 1+1+1+2+1+1+2+2+2+1+1+1+2+1+1+2.5+3 = 25.5. */
static const ExpectedLine fsc_60[] = {
  { 1, "director", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 2, "deputy-director", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 3, "chief-accountant", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 4, "head-of-unit", 200, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 6, "hr-inspector", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 7, "procurement-manager", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 8, "social-worker", 200, SHTAT_SCHEDULE_UNIT_CONSULTATION },
  { 9, "psychologist", 200, SHTAT_SCHEDULE_UNIT_CONSULTATION },
  { 10, "lawyer", 200, SHTAT_SCHEDULE_UNIT_CONSULTATION },
  { 11, "media-specialist", 100, SHTAT_SCHEDULE_UNIT_METHODOLOGY },
  { 12, "analytics-specialist", 100, SHTAT_SCHEDULE_UNIT_METHODOLOGY },
  { 13, "it-security-specialist", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 14, "prevention-specialist", 200, SHTAT_SCHEDULE_UNIT_METHODOLOGY },
  { 15, "driver", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 16, "watchman", 100, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 17, "cleaner", 0, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 18, "yard-keeper", 0, SHTAT_SCHEDULE_UNIT_ADMINISTRATION },
  { 19, "social-work-specialist", 250, SHTAT_SCHEDULE_UNIT_CONSULTATION },
  { 20, "case-manager", 300, SHTAT_SCHEDULE_UNIT_CONSULTATION },
};

static void
test_from_minimum_fsc (void)
{
  g_autoptr(ShtatSchedule) s = draft_from_minimum (60, 1, NULL);
  gint64 monthly = -1;

  g_assert_cmpint (shtat_schedule_get_status (s), ==, SHTAT_SCHEDULE_DRAFT);
  g_assert_cmpuint (shtat_schedule_get_version (s), ==, 1);
  g_assert_cmpstr (shtat_schedule_get_table (s), ==, "fsc");
  g_assert_null (shtat_schedule_get_centre (s));
  g_assert_true (shtat_schedule_get_drivers (s)->set[SHTAT_DRIVER_APPEALS]);
  g_assert_cmpfloat (shtat_schedule_get_drivers (s)->values[SHTAT_DRIVER_APPEALS], ==, 60);

  g_assert_cmpuint (shtat_schedule_get_n_lines (s), ==, G_N_ELEMENTS (fsc_60));
  for (guint i = 0; i < G_N_ELEMENTS (fsc_60); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (s, i);

      g_assert_cmpstr (line->position, ==, fsc_60[i].position);
      g_assert_cmpint (line->units, ==, fsc_60[i].units);
      g_assert_cmpstr (line->unit, ==, shtat_schedule_unit_get_name (fsc_60[i].unit, SHTAT_LANG_EN));
      g_assert_cmpint (line->salary, ==, 0);
      g_assert_cmpint (line->allowances, ==, 0);
      g_assert_null (line->grade);
      g_assert_null (line->justification);
      g_assert_null (line->reference);   /* rows 17–18 name no typical norm: to fill in */
    }

  /* 25.5 units over the non-typical lines (digest §2.1); the typical ones are 0 */
  g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 2550);
  g_assert_true (shtat_schedule_get_fund (s, &monthly, NULL, NULL));
  g_assert_cmpint (monthly, ==, 0);
}

/* The other brackets and vehicle counts: lines and units, by hand from §2.1. */
static void
test_from_minimum_brackets (void)
{
  struct { double appeals, vehicles; guint n_lines; int total; } cases[] = {
    /* ≤50, no vehicle: rows 1,3,4,6,7,8,9,10,11,14,16,19,20 = 13 lines + 2 typical;
     * 1+0.5+2+0.5+0.5+2+2+2+1+1+1+1.5+2 = 17 */
    { 30, 0, 15, 1700 },
    { 50, 1, 16, 1800 },
    /* 60, no vehicle figure: per-vehicle rows give 0 (decisions.md item 3) */
    { 60, -1, 18, 2450 },
    { 60, 1, 19, 2550 },
    /* >100, 2 vehicles: 18 rows + 2 typical; 31.5 + 2 = 33.5 */
    { 120, 2, 20, 3350 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatSchedule) s = draft_from_minimum (cases[i].appeals, cases[i].vehicles, NULL);

      g_assert_cmpuint (shtat_schedule_get_n_lines (s), ==, cases[i].n_lines);
      g_assert_cmpint (shtat_schedule_get_total_units (s), ==, cases[i].total);
    }
}

/* Default structural units in the user's language (000 §7). */
static void
test_from_minimum_language (void)
{
  g_autoptr(ShtatSchedule) kk = NULL;
  g_autoptr(ShtatSchedule) ru = NULL;

  shtat_lang_set_override (SHTAT_LANG_KK);
  kk = draft_from_minimum (60, 1, NULL);
  shtat_lang_set_override (SHTAT_LANG_RU);
  ru = draft_from_minimum (60, 1, NULL);
  shtat_lang_set_override (-1);

  g_assert_cmpstr (shtat_schedule_get_line (kk, line_of (kk, "psychologist"))->unit, ==,
                   "Консультациялар беру және кешенді сүйемелдеу бөлімі");
  g_assert_cmpstr (shtat_schedule_get_line (kk, line_of (kk, "analytics-specialist"))->unit, ==,
                   "Әдіснама және ақпараттық-ағарту жұмыстары бөлімі");
  g_assert_cmpstr (shtat_schedule_get_line (ru, line_of (ru, "psychologist"))->unit, ==,
                   "Отдел консультаций и комплексного сопровождения");
  g_assert_cmpstr (shtat_schedule_get_line (ru, line_of (ru, "director"))->unit, ==, "Администрация");
}

/* With a pay grid (SAMPLE figures), lines of the positions it places get its
 * salary and grade; the others stay at 0. */
static void
test_from_minimum_grid (void)
{
  g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(ShtatSchedule) failed = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = shtat_test_date (2024, 1, 1);
  ShtatDrivers d = fsc_drivers (60, 1);
  const ShtatScheduleLine *line;

  g_assert_true (shtat_pay_grid_add_base (grid, &from, 1769700, NULL));
  g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", "2", 0, &from, 37900, NULL));  /* 3.79 */
  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B2", "2", 0, NULL));
  s = draft_from_minimum (60, 1, grid);

  /* 17 697,00 ₸ × 3.79 = 67 071,63 ₸ */
  line = shtat_schedule_get_line (s, line_of (s, "psychologist"));
  g_assert_cmpint (line->salary, ==, 6707163);
  g_assert_cmpstr (line->grade, ==, "B2-2");
  line = shtat_schedule_get_line (s, line_of (s, "lawyer"));
  g_assert_cmpint (line->salary, ==, 0);
  g_assert_null (line->grade);

  /* a position placed in a cell with no coefficient is an error, not a 0 */
  g_assert_true (shtat_pay_grid_set_position (grid, "lawyer", "B9", NULL, 0, NULL));
  failed = shtat_schedule_new_from_minimum (library, fsc, &d, grid, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Lawyer: "));
}

/* ------------------------------------------------------------------------ */
/* Wage fund                                                                */

/* units × (salary + allowances) / 100, half up once per line. */
static void
test_fund (void)
{
  struct { int units; gint64 salary, allowances, fund; } lines[] = {
    { 100, 15000000, 0, 15000000 },             /* 1 × 150 000 ₸ */
    { 250, 15000000, 3000000, 45000000 },       /* 2.5 × 180 000 ₸ = 450 000 ₸ */
    { 25, 15000001, 0, 3750000 },               /* 3 750 000.25 → down */
    { 50, 15000001, 0, 7500001 },               /* 7 500 000.5 → half up */
    { 50, 1, 0, 1 },                            /* 0.5 tiyn → 1 */
    { 75, 1, 0, 1 },                            /* 0.75 → 1 */
    { 25, 1, 1, 1 },                            /* 0.25 × 2 = 0.5 → 1: rounded once, on the sum */
    { 25, 1, 0, 0 },                            /* 0.25 → 0 */
    { 0, 20000000, 500000, 0 },
  };
  g_autoptr(ShtatSchedule) s = shtat_schedule_new ();
  gint64 monthly = -1, annual = -1;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      gint64 fund = -1;

      shtat_test_ok (shtat_schedule_add_line (s, "Unit", "psychologist", NULL, lines[i].units, lines[i].salary,
                                   lines[i].allowances, &error), error);
      shtat_test_ok (shtat_schedule_line_get_fund (shtat_schedule_get_line (s, i), &fund, &error), error);
      g_assert_cmpint (fund, ==, lines[i].fund);
    }

  /* 15 000 000 + 45 000 000 + 3 750 000 + 7 500 001 + 1 + 1 + 1 + 0 + 0 = 71 250 004;
   * × 12 = 855 000 048 */
  shtat_test_ok (shtat_schedule_get_fund (s, &monthly, &annual, &error), error);
  g_assert_cmpint (monthly, ==, 71250004);
  g_assert_cmpint (annual, ==, 855000048);
  /* 1 + 2.5 + 0.25 + 0.5 + 0.5 + 0.75 + 0.25 + 0.25 + 0 = 6 */
  g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 600);
}

/* Large sums: exact up to 2⁶³ − 1 tiyn, an error beyond, never a wrapped figure. */
static void
test_fund_large (void)
{
  struct {
    int units; gint64 salary, allowances;
    int n;                 /* lines like it */
    gboolean monthly_ok; gint64 monthly;
    gboolean annual_ok; gint64 annual;
  } cases[] = {
    /* 1 000 units × 700 000 000 000 000 tiyn = 7 × 10¹⁷; × 12 = 8.4 × 10¹⁸ */
    { 100000, 700000000000000, 0, 1, TRUE, 700000000000000000, TRUE, 8400000000000000000 },
    /* 9 × 10¹⁸ a month fits, a year does not */
    { 100000, 9000000000000000, 0, 1, TRUE, 9000000000000000000, FALSE, 0 },
    /* two such lines: the monthly sum itself overflows */
    { 100000, 5000000000000000, 0, 2, FALSE, 0, FALSE, 0 },
    /* salary + allowances overflow on one line */
    { 100, G_MAXINT64, 1, 1, FALSE, 0, FALSE, 0 },
    /* 0.5 × (2⁶³ − 1): 4 611 686 018 427 387 903.5 → half up */
    { 50, G_MAXINT64, 0, 1, TRUE, 4611686018427387904, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatSchedule) s = shtat_schedule_new ();
      g_autoptr(GError) error = NULL;
      gint64 monthly = -1;

      for (int n = 0; n < cases[i].n; n++)
        g_assert_true (shtat_schedule_add_line (s, "Unit", "director", NULL, cases[i].units, cases[i].salary,
                                                cases[i].allowances, NULL));

      if (!cases[i].monthly_ok)
        {
          g_assert_false (shtat_schedule_get_fund (s, &monthly, NULL, &error));
          g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_OVERFLOW);
          continue;
        }

      if (cases[i].annual_ok)
        {
          gint64 annual = -1;

          g_assert_true (shtat_schedule_get_fund (s, &monthly, &annual, &error));
          g_assert_no_error (error);
          g_assert_cmpint (monthly, ==, cases[i].monthly);
          g_assert_cmpint (annual, ==, cases[i].annual);
        }
      else
        {
          gint64 fund = -1;

          g_assert_true (shtat_schedule_line_get_fund (shtat_schedule_get_line (s, 0), &fund, NULL));
          g_assert_cmpint (fund, ==, cases[i].monthly);
          g_assert_false (shtat_schedule_get_fund (s, &monthly, NULL, &error));
          g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_OVERFLOW);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

typedef gboolean (*Edit) (ShtatSchedule *s, GError **error);

static gboolean
edit_centre (ShtatSchedule  *s,
             GError        **e)
{
  return shtat_schedule_set_centre (s, "other", e);
}

static gboolean
edit_version (ShtatSchedule  *s,
              GError        **e)
{
  return shtat_schedule_set_version (s, 7, e);
}

static gboolean
edit_table (ShtatSchedule  *s,
            GError        **e)
{
  return shtat_schedule_set_table (s, "t1", e);
}

static gboolean
edit_drivers (ShtatSchedule  *s,
              GError        **e)
{
  ShtatDrivers d = fsc_drivers (120, 1);

  return shtat_schedule_set_drivers (s, &d, e);
}

static gboolean
edit_period (ShtatSchedule  *s,
             GError        **e)
{
  GDate from = shtat_test_date (2025, 1, 1), to = shtat_test_date (2025, 6, 30);

  return shtat_schedule_set_appeals_period (s, &from, &to, "111", e);
}

static gboolean
edit_add (ShtatSchedule  *s,
          GError        **e)
{
  return shtat_schedule_add_line (s, "U", "lawyer", NULL, 100, S, 0, e);
}

static gboolean
edit_remove (ShtatSchedule  *s,
             GError        **e)
{
  return shtat_schedule_remove_line (s, 0, e);
}

static gboolean
edit_unit (ShtatSchedule  *s,
           GError        **e)
{
  return shtat_schedule_set_line_unit (s, 0, "U", e);
}

static gboolean
edit_position (ShtatSchedule  *s,
               GError        **e)
{
  return shtat_schedule_set_line_position (s, 0, "lawyer", e);
}

static gboolean
edit_grade (ShtatSchedule  *s,
            GError        **e)
{
  return shtat_schedule_set_line_grade (s, 0, "B1", e);
}

static gboolean
edit_units (ShtatSchedule  *s,
            GError        **e)
{
  return shtat_schedule_set_line_units (s, 0, 300, e);
}

static gboolean
edit_salary (ShtatSchedule  *s,
             GError        **e)
{
  return shtat_schedule_set_line_salary (s, 0, 1, e);
}

static gboolean
edit_allowances (ShtatSchedule  *s,
                 GError        **e)
{
  return shtat_schedule_set_line_allowances (s, 0, 1, e);
}

static gboolean
edit_justification (ShtatSchedule  *s,
                    GError        **e)
{
  return shtat_schedule_set_line_justification (s, 0, "x", e);
}

static gboolean
edit_reference (ShtatSchedule  *s,
                GError        **e)
{
  return shtat_schedule_set_line_reference (s, 0, "x", e);
}

static const Edit edits[] = {
  edit_centre, edit_version, edit_table, edit_drivers, edit_period, edit_add, edit_remove, edit_unit,
  edit_position, edit_grade, edit_units, edit_salary, edit_allowances, edit_justification, edit_reference,
};

static void
assert_read_only (ShtatSchedule *s,
                  const char    *why)
{
  g_autoptr(GBytes) before = shtat_schedule_to_xml (s);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_false (edits[i] (s, &error));
      g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
      g_assert_nonnull (strstr (error->message, why));
      after = shtat_schedule_to_xml (s);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* Only drafts change: submitted, approved and superseded versions refuse every
 * setter, with the reason, and stay byte for byte the same. */
static void
test_only_drafts_change (void)
{
  g_autoptr(ShtatSchedule) s = complete_draft ();
  g_autoptr(ShtatSchedule) next = NULL;
  ShtatApproval a = sample_approval ();
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(ShtatSchedule) draft = complete_draft ();

      shtat_test_ok (edits[i] (draft, &error), error);
    }

  shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
  g_assert_cmpint (shtat_schedule_get_status (s), ==, SHTAT_SCHEDULE_SUBMITTED);
  assert_read_only (s, "submitted");

  shtat_test_ok (shtat_schedule_withdraw (s, &error), error);
  shtat_test_ok (edit_salary (s, &error), error);
  shtat_test_ok (shtat_schedule_set_line_salary (s, 0, S, &error), error);
  shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);

  shtat_test_ok (shtat_schedule_approve (s, library, fsc, NULL, &a, NULL, &error), error);
  assert_read_only (s, "approved");

  next = shtat_schedule_copy_as_draft (s);
  shtat_test_ok (shtat_schedule_submit (next, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve (next, library, fsc, NULL, &a, s, &error), error);
  assert_read_only (s, "superseded");

  /* withdrawing is for submitted versions only */
  g_assert_false (shtat_schedule_withdraw (s, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
}

typedef void (*Spoil) (ShtatSchedule *s);

static void
spoil_centre (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_centre (s, "", NULL));
}

static void
spoil_lines (ShtatSchedule *s)
{
  while (shtat_schedule_get_n_lines (s) > 0)
    g_assert_true (shtat_schedule_remove_line (s, 0, NULL));
}

static void
spoil_unit (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_line_unit (s, 0, NULL, NULL));
}

static void
spoil_position (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_line_position (s, 0, NULL, NULL));
}

static void
spoil_quarter (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_line_units (s, line_of (s, "psychologist"), 230, NULL));
}

static void
spoil_salary (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_line_salary (s, line_of (s, "lawyer"), 0, NULL));
}

static void
spoil_reference (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_line_reference (s, line_of (s, "cleaner"), "  ", NULL));
}

static void
spoil_drivers (ShtatSchedule *s)
{
  ShtatDrivers d;

  shtat_drivers_init (&d);
  g_assert_true (shtat_schedule_set_drivers (s, &d, NULL));
}

static void
spoil_table (ShtatSchedule *s)
{
  g_assert_true (shtat_schedule_set_table (s, "no-such-table", NULL));
}

/* Submitting needs a valid schedule; a refused draft stays a draft. */
static void
test_submit_requires_valid (void)
{
  struct { Spoil spoil; GQuark domain; int code; const char *says; } cases[] = {
    { spoil_centre, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "centre" },
    { spoil_lines, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "no lines" },
    { spoil_unit, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "Line 1 (Director): give the structural unit" },
    { spoil_position, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "Line 1: give the position" },
    /* decisions.md item 6 */
    { spoil_quarter, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "Line 8 (Psychologist): 2.3 units is not a multiple of 0.25" },
    { spoil_salary, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "Line 9 (Lawyer): give the official salary" },
    /* decisions.md item 4 */
    { spoil_reference, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "Line 16 (Cleaner): the number is set by typical norms" },
    { spoil_drivers, SHTAT_MINIMUM_ERROR, SHTAT_MINIMUM_ERROR_MISSING_DRIVER, "Appeals" },
    { spoil_table, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, "no-such-table" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatSchedule) s = complete_draft ();
      g_autoptr(GError) error = NULL;

      cases[i].spoil (s);
      g_assert_false (shtat_schedule_submit (s, library, NULL, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_cmpint (shtat_schedule_get_status (s), ==, SHTAT_SCHEDULE_DRAFT);
    }

  {
    g_autoptr(ShtatSchedule) s = approved_schedule ();
    g_autoptr(GError) error = NULL;

    g_assert_false (shtat_schedule_submit (s, library, fsc, &error));
    g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  }
}

/* Approval: needs a submitted version and every field of the order; twice is
 * refused; the previous approved version is superseded, and only it. */
static void
test_approve (void)
{
  struct { const char *akimat, *number; gboolean order_date; const char *signatory; gboolean effective; const char *says; } missing[] = {
    { NULL, "214-п", TRUE, "Сейітқалиев Ә. Б.", TRUE, "akimat" },
    { "Әкімдік", " ", TRUE, "Сейітқалиев Ә. Б.", TRUE, "number of the order" },
    { "Әкімдік", "214-п", FALSE, "Сейітқалиев Ә. Б.", TRUE, "date of the order" },
    { "Әкімдік", "214-п", TRUE, "", TRUE, "who signed" },
    { "Әкімдік", "214-п", TRUE, "Сейітқалиев Ә. Б.", FALSE, "takes effect" },
  };
  g_autoptr(ShtatSchedule) v1 = complete_draft ();
  g_autoptr(ShtatSchedule) v2 = NULL;
  g_autoptr(ShtatSchedule) v3 = NULL;
  ShtatApproval a = sample_approval ();
  const ShtatApproval *kept;
  GError *error = NULL;

  /* a draft is submitted first */
  g_assert_false (shtat_schedule_approve (v1, library, fsc, NULL, &a, NULL, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  shtat_test_ok (shtat_schedule_submit (v1, library, fsc, &error), error);
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      ShtatApproval m = { 0 };

      m.akimat = missing[i].akimat;
      m.order_number = missing[i].number;
      m.signatory = missing[i].signatory;
      g_date_clear (&m.order_date, 1);
      g_date_clear (&m.effective, 1);
      if (missing[i].order_date)
        m.order_date = a.order_date;
      if (missing[i].effective)
        m.effective = a.effective;
      g_assert_false (shtat_schedule_approve (v1, library, fsc, NULL, &m, NULL, &error));
      g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, missing[i].says));
      g_clear_error (&error);
      g_assert_cmpint (shtat_schedule_get_status (v1), ==, SHTAT_SCHEDULE_SUBMITTED);
      g_assert_null (shtat_schedule_get_sha256 (v1));
    }

  shtat_test_ok (shtat_schedule_approve (v1, library, fsc, NULL, &a, NULL, &error), error);
  g_assert_cmpint (shtat_schedule_get_status (v1), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_cmpuint (strlen (shtat_schedule_get_sha256 (v1)), ==, 64);
  shtat_test_ok (shtat_schedule_verify (v1, &error), error);
  kept = shtat_schedule_get_approval (v1);
  g_assert_cmpstr (kept->order_number, ==, "214-п");
  g_assert_cmpstr (kept->signatory, ==, "Сейітқалиев Ә. Б.");
  g_assert_cmpint (g_date_compare (&kept->effective, &a.effective), ==, 0);

  /* approving twice is refused */
  g_assert_false (shtat_schedule_approve (v1, library, fsc, NULL, &a, NULL, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "already approved (order 214-п of 20.01.2026)"));
  g_clear_error (&error);

  /* the next version, from the approved one */
  v2 = shtat_schedule_copy_as_draft (v1);
  g_assert_cmpuint (shtat_schedule_get_version (v2), ==, 2);
  g_assert_cmpint (shtat_schedule_get_status (v2), ==, SHTAT_SCHEDULE_DRAFT);
  g_assert_null (shtat_schedule_get_approval (v2));
  g_assert_null (shtat_schedule_get_sha256 (v2));
  g_assert_cmpuint (shtat_schedule_get_n_lines (v2), ==, shtat_schedule_get_n_lines (v1));
  shtat_test_ok (shtat_schedule_set_line_units (v2, line_of (v2, "psychologist"), 300, &error), error);
  shtat_test_ok (shtat_schedule_submit (v2, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve (v2, library, fsc, NULL, &a, v1, &error), error);
  g_assert_cmpint (shtat_schedule_get_status (v1), ==, SHTAT_SCHEDULE_SUPERSEDED);
  g_assert_cmpuint (shtat_schedule_get_superseded_by (v1), ==, 2);
  g_assert_cmpint (shtat_schedule_get_status (v2), ==, SHTAT_SCHEDULE_APPROVED);
  /* superseding does not break the checksum of what was approved */
  shtat_test_ok (shtat_schedule_verify (v1, &error), error);

  /* v1 is no longer the approved version: nothing changes */
  v3 = shtat_schedule_copy_as_draft (v2);
  shtat_test_ok (shtat_schedule_submit (v3, library, fsc, &error), error);
  g_assert_false (shtat_schedule_approve (v3, library, fsc, NULL, &a, v1, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_cmpint (shtat_schedule_get_status (v3), ==, SHTAT_SCHEDULE_SUBMITTED);
  g_assert_cmpint (shtat_schedule_get_status (v2), ==, SHTAT_SCHEDULE_APPROVED);

  /* nor can another centre's version be superseded */
  shtat_test_ok (shtat_schedule_withdraw (v3, &error), error);
  shtat_test_ok (shtat_schedule_set_centre (v3, "astana-esil", &error), error);
  shtat_test_ok (shtat_schedule_submit (v3, library, fsc, &error), error);
  g_assert_false (shtat_schedule_approve (v3, library, fsc, NULL, &a, v2, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (shtat_schedule_get_status (v2), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_cmpint (shtat_schedule_get_status (v3), ==, SHTAT_SCHEDULE_SUBMITTED);
}

/* ------------------------------------------------------------------------ */
/* Compliance                                                               */

/* The interchange rule (decisions.md item 5) on the lawyer, row 10 (minimum 2).
 * Every line at S = 200 000 ₸. Cost of the minimum: 25.5 × S = 510 000 000 for
 * the computed rows, + the typical lines as planned (1.5 × S = 30 000 000) =
 * 540 000 000 tiyn. An extra position the norms do not name ("methodologist")
 * stands in for what the lawyer line lacks. */
static void
test_interchange (void)
{
  struct {
    const char *name;
    int lawyer;              /* units; -1: no lawyer line at all */
    gboolean justified;
    int extra_units;         /* methodologist line */
    gint64 extra_salary;
    gint64 grid_lawyer;      /* > 0: a pay grid places the lawyer at this salary */
    ShtatComplianceStatus status;
    ShtatSeverity severity;
    gint64 fund, cost;
    gboolean approves;
  } cases[] = {
    { "at the minimum", 200, FALSE, 0, 0, 0,
      SHTAT_COMPLIANCE_AT, SHTAT_SEVERITY_OK, 540000000, 540000000, TRUE },
    /* fund 26 × S = 520 000 000 < 540 000 000 */
    { "below, no justification, fund below", 100, FALSE, 0, 0, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_ERROR, 520000000, 540000000, FALSE },
    { "below, justified, fund below", 100, TRUE, 0, 0, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_ERROR, 520000000, 540000000, FALSE },
    /* + 1 methodologist at S: fund 27 × S = 540 000 000, not below the cost */
    { "below, justified, fund equal", 100, TRUE, 100, S, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_WARNING, 540000000, 540000000, TRUE },
    { "below, not justified, fund equal", 100, FALSE, 100, S, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_ERROR, 540000000, 540000000, FALSE },
    /* the methodologist at S − 1 tiyn: 539 999 999 */
    { "below, justified, fund one tiyn short", 100, TRUE, 100, S - 1, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_ERROR, 539999999, 540000000, FALSE },
    /* lawyer 1.5 + methodologist 1: 27.5 × S = 550 000 000 */
    { "below, justified, fund above", 150, TRUE, 100, S, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_WARNING, 550000000, 540000000, TRUE },
    /* 0 units, justified, the post's whole fund moved: lawyer rate still S
     * (plain average over its line), cost unchanged; fund 25 + 2 = 27 × S */
    { "none planned, justified, fund equal", 0, TRUE, 200, S, 0,
      SHTAT_COMPLIANCE_BELOW, SHTAT_SEVERITY_WARNING, 540000000, 540000000, TRUE },
    /* no line: the lawyer's salary is unknown, so is the cost */
    { "missing, no grid", -1, FALSE, 0, 0, 0,
      SHTAT_COMPLIANCE_MISSING, SHTAT_SEVERITY_ERROR, 500000000, -1, FALSE },
    /* the grid prices it: 510 000 000 − 2 × S + 2 × 18 000 000 + 30 000 000 = 536 000 000 */
    { "missing, priced by the grid", -1, FALSE, 200, S, 18000000,
      SHTAT_COMPLIANCE_MISSING, SHTAT_SEVERITY_ERROR, 540000000, 536000000, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatSchedule) s = complete_draft ();
      g_autoptr(ShtatPayGrid) grid = NULL;
      g_autoptr(ShtatScheduleCheck) check = NULL;
      g_autoptr(GError) error = NULL;
      const ShtatComplianceRow *row;
      ShtatApproval a = sample_approval ();
      guint lawyer = line_of (s, "lawyer");

      g_test_message ("%s", cases[i].name);
      if (cases[i].lawyer < 0)
        g_assert_true (shtat_schedule_remove_line (s, lawyer, NULL));
      else
        g_assert_true (shtat_schedule_set_line_units (s, lawyer, cases[i].lawyer, NULL));
      if (cases[i].justified)
        g_assert_true (shtat_schedule_set_line_justification (s, lawyer, "Заңгердің орнына әдіскер: "
                                                              "ақы төлеу қоры шегінде", NULL));
      if (cases[i].extra_units > 0)
        g_assert_true (shtat_schedule_add_line (s, "Әдіснама бөлімі", "methodologist", NULL,
                                                cases[i].extra_units, cases[i].extra_salary, 0, NULL));
      if (cases[i].grid_lawyer > 0)
        {
          GDate from = shtat_test_date (2024, 1, 1);

          grid = shtat_pay_grid_new ();
          g_assert_true (shtat_pay_grid_add_base (grid, &from, cases[i].grid_lawyer, NULL));
          g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", NULL, 0, &from, SHTAT_COEFFICIENT_ONE, NULL));
          g_assert_true (shtat_pay_grid_set_position (grid, "lawyer", "B2", NULL, 0, NULL));
        }

      check = shtat_schedule_check (s, library, NULL, grid, &error);
      g_assert_no_error (error);
      g_assert_cmpint (check->fund, ==, cases[i].fund);
      g_assert_cmpint (check->minimum_cost, ==, cases[i].cost);
      g_assert_cmpint (check->fund_covers_minimum, ==, cases[i].cost >= 0 && cases[i].fund >= cases[i].cost);

      row = find_row (check, "lawyer");
      g_assert_true (row->row == shtat_minimum_find_row (check->minimum, 10)->row);
      g_assert_cmpint (row->minimum, ==, 200);
      g_assert_cmpint (row->planned, ==, MAX (cases[i].lawyer, 0));
      g_assert_cmpint (row->status, ==, cases[i].status);
      g_assert_cmpint (row->severity, ==, cases[i].severity);
      g_assert_nonnull (row->message);
      /* the reading of the note is shown wherever it is applied */
      g_assert_cmpint (has_interpretation (row->remarks, 5), ==, cases[i].status != SHTAT_COMPLIANCE_AT);
      g_assert_cmpuint (check->n_errors, ==, cases[i].severity == SHTAT_SEVERITY_ERROR ? 1 : 0);

      if (cases[i].extra_units > 0)
        {
          const ShtatComplianceRow *extra = find_row (check, "methodologist");

          g_assert_null (extra->row);
          g_assert_cmpint (extra->status, ==, SHTAT_COMPLIANCE_ABOVE);
          g_assert_cmpint (extra->severity, ==, SHTAT_SEVERITY_OK);
        }

      shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
      if (cases[i].approves)
        {
          shtat_test_ok (shtat_schedule_approve (s, library, fsc, grid, &a, NULL, &error), error);
        }
      else
        {
          g_assert_false (shtat_schedule_approve (s, library, fsc, grid, &a, NULL, &error));
          g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_COMPLIANT);
          g_assert_nonnull (strstr (error->message, "Lawyer: "));
          g_assert_cmpint (shtat_schedule_get_status (s), ==, SHTAT_SCHEDULE_SUBMITTED);
        }
    }
}

/* Every row of the table is reported, in the act's order, then positions the
 * table does not name. */
static void
test_statuses (void)
{
  g_autoptr(ShtatSchedule) s = complete_draft ();
  g_autoptr(ShtatScheduleCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *position; int minimum, planned; ShtatComplianceStatus status; ShtatSeverity severity; } rows[] = {
    { "director", 100, 100, SHTAT_COMPLIANCE_AT, SHTAT_SEVERITY_OK },
    { "deputy-director", 100, 100, SHTAT_COMPLIANCE_AT, SHTAT_SEVERITY_OK },
    { "accountant", 0, 0, SHTAT_COMPLIANCE_AT, SHTAT_SEVERITY_OK },          /* 0 in 51–100, no line */
    { "psychologist", 200, 300, SHTAT_COMPLIANCE_ABOVE, SHTAT_SEVERITY_OK },
    { "watchman", 100, 0, SHTAT_COMPLIANCE_MISSING, SHTAT_SEVERITY_ERROR },
    { "cleaner", -1, 100, SHTAT_COMPLIANCE_TYPICAL, SHTAT_SEVERITY_OK },
    { "yard-keeper", -1, 0, SHTAT_COMPLIANCE_TYPICAL, SHTAT_SEVERITY_WARNING }, /* no line */
    { "nurse", 0, 50, SHTAT_COMPLIANCE_ABOVE, SHTAT_SEVERITY_OK },            /* not in the table */
  };

  g_assert_true (shtat_schedule_set_line_units (s, line_of (s, "psychologist"), 300, NULL));
  g_assert_true (shtat_schedule_remove_line (s, line_of (s, "watchman"), NULL));
  g_assert_true (shtat_schedule_remove_line (s, line_of (s, "yard-keeper"), NULL));
  g_assert_true (shtat_schedule_add_line (s, "Әкімшілік", "nurse", NULL, 50, S, 0, NULL));

  check = shtat_schedule_check (s, library, fsc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->rows->len, ==, 21);   /* 20 rows of 000 App + the nurse */
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (((ShtatComplianceRow *) g_ptr_array_index (check->rows, i))->row->n, ==, i + 1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const ShtatComplianceRow *row = find_row (check, rows[i].position);

      g_assert_cmpint (row->minimum, ==, rows[i].minimum);
      g_assert_cmpint (row->planned, ==, rows[i].planned);
      g_assert_cmpint (row->status, ==, rows[i].status);
      g_assert_cmpint (row->severity, ==, rows[i].severity);
    }

  /* typical rows: reported as such, with interpretation 4; never an error */
  g_assert_cmpstr (find_row (check, "cleaner")->message, ==, "Set by typical norms (not checked): planned 1");
  g_assert_true (has_interpretation (find_row (check, "cleaner")->remarks, 4));
  g_assert_nonnull (strstr (find_row (check, "yard-keeper")->message, "no line"));
  /* the amendment of row 13 and the appeal brackets travel with the check */
  g_assert_true (find_row (check, "it-security-specialist")->remarks->len > 0);
  g_assert_true (has_interpretation (check->remarks, 1));

  g_assert_cmpuint (check->n_errors, ==, 1);
  g_assert_cmpuint (check->n_warnings, ==, 1);
}

/* The rate a position is priced at: salary + allowances averaged over its
 * lines, weighted by units, half up to a tiyn. */
static void
test_rate (void)
{
  g_autoptr(ShtatSchedule) s = complete_draft ();
  g_autoptr(ShtatScheduleCheck) check = NULL;
  guint psychologist = line_of (s, "psychologist");
  guint social = line_of (s, "social-worker");

  /* psychologist: 1.5 × 20 000 000 and 0.5 × 24 000 001:
   * (3 000 000 000 + 1 200 000 050) / 2 = 21 000 000.25 → 21 000 000; cost 2 × = 42 000 000 */
  g_assert_true (shtat_schedule_set_line_units (s, psychologist, 150, NULL));
  g_assert_true (shtat_schedule_add_line (s, "U", "psychologist", "B2-1", 50, 24000000, 1, NULL));
  /* social worker: a line of 0 units with a rate and one of 2 units without:
   * no line has both, so the plain average over lines with a rate: 30 000 000 */
  g_assert_true (shtat_schedule_set_line_salary (s, social, 0, NULL));
  g_assert_true (shtat_schedule_add_line (s, "U", "social-worker", NULL, 0, 25000000, 5000000, NULL));

  check = shtat_schedule_check (s, library, fsc, NULL, NULL);
  g_assert_nonnull (check);
  g_assert_cmpint (find_row (check, "psychologist")->rate, ==, 21000000);
  g_assert_cmpint (find_row (check, "psychologist")->cost, ==, 42000000);
  g_assert_cmpint (find_row (check, "psychologist")->planned, ==, 200);
  g_assert_cmpint (find_row (check, "psychologist")->n_lines, ==, 2);
  g_assert_cmpint (find_row (check, "social-worker")->rate, ==, 30000000);
  g_assert_cmpint (find_row (check, "social-worker")->cost, ==, 60000000);
}

/* ------------------------------------------------------------------------ */
/* Setters refuse what cannot be stored                                     */

static void
test_setters_refuse (void)
{
  g_autoptr(ShtatSchedule) s = complete_draft ();
  g_autoptr(GBytes) before = shtat_schedule_to_xml (s);
  g_autoptr(GBytes) after = NULL;
  ShtatDrivers nan_drivers = fsc_drivers (NAN, 1);
  ShtatDrivers negative = fsc_drivers (-1, 1);
  ShtatDrivers huge = fsc_drivers (1e7, 1);
  GDate from = shtat_test_date (2025, 6, 30), to = shtat_test_date (2025, 1, 1);
  gboolean results[] = {
    shtat_schedule_set_line_units (s, 0, -25, NULL),
    shtat_schedule_set_line_units (s, 0, SHTAT_SCHEDULE_MAX_LINE_UNITS + 1, NULL),
    shtat_schedule_set_line_salary (s, 0, -1, NULL),
    shtat_schedule_set_line_allowances (s, 0, -1, NULL),
    shtat_schedule_set_line_units (s, 999, 100, NULL),
    shtat_schedule_set_line_unit (s, 0, "bell\a", NULL),
    shtat_schedule_set_line_justification (s, 0, "\xc3\x28", NULL),
    shtat_schedule_set_version (s, 0, NULL),
    shtat_schedule_set_drivers (s, &nan_drivers, NULL),
    shtat_schedule_set_drivers (s, &negative, NULL),
    shtat_schedule_set_drivers (s, &huge, NULL),
    shtat_schedule_set_appeals_period (s, &from, &to, NULL, NULL),
    shtat_schedule_add_line (s, "U", "lawyer", NULL, 100, -5, 0, NULL),
    shtat_schedule_remove_line (s, 999, NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_assert_false (results[i]);
  after = shtat_schedule_to_xml (s);
  g_assert_true (g_bytes_equal (before, after));

  /* tabs and line breaks are text; driver values are kept to six decimals */
  {
    ShtatDrivers d = fsc_drivers (60.12345678, 1);

    g_assert_true (shtat_schedule_set_line_justification (s, 0, "one\ttwo\nthree\r\nfour", NULL));
    g_assert_true (shtat_schedule_set_drivers (s, &d, NULL));
    g_assert_cmpfloat (shtat_schedule_get_drivers (s)->values[SHTAT_DRIVER_APPEALS], ==, 60.123457);
  }
}

/* ------------------------------------------------------------------------ */
/* Canonical XML                                                            */

/* SAMPLE monthly salaries and allowances per full unit, tiyn. */
static const struct { const char *position; gint64 salary, allowances; } sample_pay[] = {
  { "director", 45000000, 0 },
  { "deputy-director", 40000000, 0 },
  { "chief-accountant", 35000000, 0 },
  { "head-of-unit", 35000000, 0 },
  { "hr-inspector", 25000000, 0 },
  { "procurement-manager", 25000000, 0 },
  { "social-worker", 20000000, 2000000 },
  { "psychologist", 25000000, 2500000 },
  { "lawyer", 25000000, 0 },
  { "media-specialist", 25000000, 0 },
  { "analytics-specialist", 25000000, 0 },
  { "it-security-specialist", 25000000, 0 },
  { "prevention-specialist", 25000000, 0 },
  { "driver", 15000000, 0 },
  { "watchman", 15000000, 0 },
  { "cleaner", 12000000, 0 },
  { "yard-keeper", 12000000, 0 },
  { "social-work-specialist", 22000000, 1000000 },
  { "case-manager", 22000000, 1000000 },
};

#define GOLDEN_SOURCE "Журнал & «111»\nақпараттық жүйелер"
#define GOLDEN_JUSTIFICATION "Заңгердің 0,5 бірлігі \"әдіскер\" лауазымымен алмастырылды & қор шегінде\nекінші жол"
#define GOLDEN_REFERENCE "Үлгілік нормативтер <ҚР Еңбек кодексі, 101-бап 7-тармақ>"

/* The schedule of tests/data/schedule/approved.xml: from the minimum at 60.4
 * appeals and 1 vehicle, in Kazakh, the lawyer at 1.5 with a justification and
 * 0.5 of a methodologist in its place, approved by order 214-п. */
static ShtatSchedule *
golden_schedule (void)
{
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(GError) error = NULL;
  ShtatDrivers d = fsc_drivers (60.4, 1);
  ShtatApproval a = sample_approval ();
  GDate from = shtat_test_date (2025, 7, 1), to = shtat_test_date (2025, 12, 31);
  GError *e = NULL;

  shtat_lang_set_override (SHTAT_LANG_KK);
  s = shtat_schedule_new_from_minimum (library, fsc, &d, NULL, NULL, &error);
  shtat_lang_set_override (-1);
  g_assert_no_error (error);

  shtat_test_ok (shtat_schedule_set_centre (s, "almaty-bostandyk", &e), e);
  shtat_test_ok (shtat_schedule_set_appeals_period (s, &from, &to, GOLDEN_SOURCE, &e), e);
  for (guint i = 0; i < G_N_ELEMENTS (sample_pay); i++)
    {
      guint n = line_of (s, sample_pay[i].position);

      shtat_test_ok (shtat_schedule_set_line_salary (s, n, sample_pay[i].salary, &e), e);
      shtat_test_ok (shtat_schedule_set_line_allowances (s, n, sample_pay[i].allowances, &e), e);
    }
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "cleaner"), 100, &e), e);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "cleaner"), GOLDEN_REFERENCE, &e), e);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "yard-keeper"), 50, &e), e);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "yard-keeper"), GOLDEN_REFERENCE, &e), e);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "lawyer"), 150, &e), e);
  shtat_test_ok (shtat_schedule_set_line_justification (s, line_of (s, "lawyer"), GOLDEN_JUSTIFICATION, &e), e);
  shtat_test_ok (shtat_schedule_add_line (s, "Әдіснама және ақпараттық-ағарту жұмыстары бөлімі", "methodologist", "B2-4",
                               50, 25000000, 0, &e), e);
  shtat_test_ok (shtat_schedule_submit (s, library, fsc, &e), e);
  shtat_test_ok (shtat_schedule_approve (s, library, fsc, NULL, &a, NULL, &e), e);
  return g_steal_pointer (&s);
}

static void
test_xml_golden (void)
{
  g_autoptr(ShtatSchedule) s = golden_schedule ();
  g_autoptr(GBytes) golden = read_fixture ("approved.xml");
  g_autoptr(GBytes) xml = shtat_schedule_to_xml (s);
  gint64 monthly, annual;

  /* 45 + 40 + 35 + 2×35 + 25 + 25 + 2×22 + 2×27.5 + 1.5×25 + 25 + 25 + 25 + 2×25
   * + 15 + 15 + 12 + 0.5×12 + 2.5×23 + 3×23 + 0.5×25 = 688.5 million tiyn */
  g_assert_true (shtat_schedule_get_fund (s, &monthly, &annual, NULL));
  g_assert_cmpint (monthly, ==, 688500000);
  g_assert_cmpint (annual, ==, 8262000000);
  g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 2700);   /* 25.5 − 0.5 + 1.5 + 0.5 */

  if (!g_bytes_equal (xml, golden))
    {
      g_printerr ("%.*s", (int) g_bytes_get_size (xml), (const char *) g_bytes_get_data (xml, NULL));
      g_assert_not_reached ();
    }
}

/* Any version reads back to the same schedule and the same bytes. */
static void
test_xml_round_trip (void)
{
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_schedule_unref);
  g_autoptr(ShtatSchedule) superseded = approved_schedule ();
  g_autoptr(ShtatSchedule) next = shtat_schedule_copy_as_draft (superseded);
  ShtatApproval a = sample_approval ();
  ShtatDrivers flags = fsc_drivers (100.000001, 0);
  GError *error = NULL;

  /* an empty draft; a draft with unfilled lines and odd text */
  g_ptr_array_add (schedules, shtat_schedule_new ());
  {
    ShtatSchedule *s = draft_from_minimum (0, 3, NULL);
    GDate from = shtat_test_date (2024, 2, 29);

    flags.flags[SHTAT_FLAG_HAS_LIFT] = TRUE;
    flags.flags[SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING] = TRUE;
    shtat_test_ok (shtat_schedule_set_drivers (s, &flags, &error), error);
    shtat_test_ok (shtat_schedule_set_appeals_period (s, &from, NULL, "a\tb\r\nc \"d\" 'e' <f> & g", &error), error);
    shtat_test_ok (shtat_schedule_add_line (s, NULL, NULL, NULL, 0, 0, 0, &error), error);
    shtat_test_ok (shtat_schedule_add_line (s, "  ", "x", "]]>", 5, 1, G_MAXINT64, &error), error);
    shtat_test_ok (shtat_schedule_set_line_justification (s, 0, "\n  leading and trailing  \n", &error), error);
    shtat_test_ok (shtat_schedule_set_line_reference (s, 0, "&amp; is not an entity here; <!-- nor a comment -->", &error), error);
    shtat_test_ok (shtat_schedule_set_version (s, 999999999, &error), error);
    g_ptr_array_add (schedules, s);
  }
  {
    ShtatSchedule *s = complete_draft ();

    shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
    g_ptr_array_add (schedules, s);
  }
  g_ptr_array_add (schedules, golden_schedule ());
  shtat_test_ok (shtat_schedule_submit (next, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve (next, library, fsc, NULL, &a, superseded, &error), error);
  g_ptr_array_add (schedules, shtat_schedule_ref (superseded));
  g_ptr_array_add (schedules, shtat_schedule_ref (next));

  for (guint i = 0; i < schedules->len; i++)
    {
      ShtatSchedule *s = g_ptr_array_index (schedules, i);
      g_autoptr(GBytes) xml = shtat_schedule_to_xml (s);
      g_autoptr(ShtatSchedule) back = shtat_schedule_from_xml (xml, &error);
      g_autoptr(GBytes) again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_true (shtat_schedule_equal (s, back));
      again = shtat_schedule_to_xml (back);
      g_assert_true (g_bytes_equal (xml, again));
      shtat_test_ok (shtat_schedule_verify (back, &error), error);
    }

  /* equal() is not trivially true */
  g_assert_false (shtat_schedule_equal (g_ptr_array_index (schedules, 2), g_ptr_array_index (schedules, 3)));
}

/* The golden file, a superseded copy of it and a loosely written one read back;
 * a file changed after approval is caught. */
static void
test_xml_checksum (void)
{
  struct { const char *file; gboolean verifies; ShtatScheduleStatus status; } cases[] = {
    { "approved.xml", TRUE, SHTAT_SCHEDULE_APPROVED },
    /* superseded-by and the status are not covered: superseding is no tampering */
    { "superseded.xml", TRUE, SHTAT_SCHEDULE_SUPERSEDED },
    /* the same document with other attribute order, indentation and escapes */
    { "loose.xml", TRUE, SHTAT_SCHEDULE_APPROVED },
    /* the psychologist's 2 units made 3 after approval */
    { "tampered.xml", FALSE, SHTAT_SCHEDULE_APPROVED },
    /* the order number changed after approval */
    { "tampered-order.xml", FALSE, SHTAT_SCHEDULE_APPROVED },
  };
  g_autoptr(ShtatSchedule) golden = golden_schedule ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = read_fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShtatSchedule) s = shtat_schedule_from_xml (bytes, &error);

      g_test_message ("%s", cases[i].file);
      g_assert_no_error (error);
      g_assert_cmpint (shtat_schedule_get_status (s), ==, cases[i].status);
      g_assert_cmpstr (shtat_schedule_get_sha256 (s), ==, shtat_schedule_get_sha256 (golden));
      if (cases[i].verifies)
        {
          g_assert_true (shtat_schedule_verify (s, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (shtat_schedule_verify (s, &error));
          g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED);
          g_assert_nonnull (strstr (error->message, "changed since it was approved"));
          g_assert_nonnull (strstr (error->message, shtat_schedule_get_sha256 (golden)));
        }
    }

  {
    g_autoptr(GBytes) bytes = read_fixture ("loose.xml");
    g_autoptr(ShtatSchedule) s = shtat_schedule_from_xml (bytes, NULL);

    g_assert_true (shtat_schedule_equal (s, golden));
  }
}

/* Files Shtat refuses, with the reason and the line. */
static void
test_xml_refused (void)
{
  struct { const char *file; const char *inline_xml; int code; const char *says; } cases[] = {
    { "doctype.xml", NULL, SHTAT_SCHEDULE_ERROR_FORBIDDEN, "line 2: a DOCTYPE" },
    { "latin1.xml", NULL, SHTAT_SCHEDULE_ERROR_FORBIDDEN, "not UTF-8" },
    { NULL, "", SHTAT_SCHEDULE_ERROR_PARSE, "empty" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n<line", SHTAT_SCHEDULE_ERROR_PARSE, "line 2" },
    { NULL, "<personnel format=\"1\"/>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 1" },
    /* approved without a checksum */
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"approved\">\n"
            "<approval akimat=\"A\" order-number=\"1\" order-date=\"2026-01-01\" signatory=\"S\" effective=\"2026-01-01\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, NULL },
    /* a draft with an approval */
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n"
            "<approval akimat=\"A\" order-number=\"1\" order-date=\"2026-01-01\" signatory=\"S\" effective=\"2026-01-01\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, NULL },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n"
            "<line unit=\"U\" position=\"p\" units=\"2.555\" salary=\"1\" allowances=\"0\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 2" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n"
            "<line unit=\"U\" position=\"p\" units=\"1\" salary=\"9223372036854775808\" allowances=\"0\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 2: “9223372036854775808” is not a sum in tiyn" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\" as-of=\"2026-02-30\">\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 1: “2026-02-30” is not a date" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n"
            "<driver name=\"appeals\" value=\"1\"/>\n<driver name=\"appeals\" value=\"2\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 3: “appeals” is given twice" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\">\n"
            "<driver name=\"appeals\" value=\"1000001\"/>\n"
            "</schedule>", SHTAT_SCHEDULE_ERROR_SCHEMA, "line 2" },
    { NULL, "<schedule format=\"1\" version=\"1\" status=\"draft\"><unknown/></schedule>",
      SHTAT_SCHEDULE_ERROR_SCHEMA, NULL },
    { NULL, "<schedule format=\"2\" version=\"1\" status=\"draft\"/>", SHTAT_SCHEDULE_ERROR_SCHEMA, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = cases[i].file != NULL
                                  ? read_fixture (cases[i].file)
                                  : g_bytes_new_static (cases[i].inline_xml, strlen (cases[i].inline_xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(ShtatSchedule) s = shtat_schedule_from_xml (bytes, &error);

      g_test_message ("case %u", i);
      g_assert_null (s);
      g_assert_error (error, SHTAT_SCHEDULE_ERROR, cases[i].code);
      if (cases[i].says != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* ------------------------------------------------------------------------ */
/* History                                                                  */

static void
test_diff (void)
{
  g_autoptr(ShtatSchedule) v1 = approved_schedule ();
  g_autoptr(ShtatSchedule) v2 = shtat_schedule_copy_as_draft (v1);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  ShtatDrivers d = fsc_drivers (75, 1);
  GError *error = NULL;
  /* header first, then the lines of the older version in order, then added lines, then totals */
  const char *expected[] = {
    "Appeals per working day: 60 → 75",
    "As of: 15.01.2026 → 01.03.2026",
    "Salary of Social worker: 200" NBSP "000.00" NBSP "₸ → 160" NBSP "000.00" NBSP "₸",
    "Psychologist: 2 → 3 units",
    "Justification of Lawyer: “Staffed by the methodologist”",
    "Line removed: Watchman (Administration), units: 1",
    /* matched by position although its grade changed */
    "Social worker – case manager: category or grade “—” → “B2-2”",
    "Allowances of Social worker – case manager (B2-2): 0.00" NBSP "₸ → 15" NBSP "000.50" NBSP "₸",
    "Line added: methodologist (Administration), units: 0.5, salary 180" NBSP "000.00" NBSP "₸",
    /* 27 + 1 − 1 + 0.5 = 27.5 */
    "Total units: 27 → 27.5",
    /* 540 000 000 − 2 × 4 000 000 + 20 000 000 − 20 000 000 + 3 × 1 500 050 + 9 000 000
     * = 545 500 150 */
    "Monthly wage fund: 5" NBSP "400" NBSP "000.00" NBSP "₸ → 5" NBSP "455" NBSP "001.50" NBSP "₸",
  };

  /* a copy differs from its source in nothing that the diff shows */
  none = shtat_schedule_diff (v1, v2, library);
  g_assert_cmpuint (none->len, ==, 0);

  d.as_of = shtat_test_date (2026, 3, 1);
  shtat_test_ok (shtat_schedule_set_drivers (v2, &d, &error), error);
  shtat_test_ok (shtat_schedule_set_line_salary (v2, line_of (v2, "social-worker"), 16000000, &error), error);
  shtat_test_ok (shtat_schedule_set_line_units (v2, line_of (v2, "psychologist"), 300, &error), error);
  shtat_test_ok (shtat_schedule_set_line_justification (v2, line_of (v2, "lawyer"), "Staffed by the methodologist", &error), error);
  shtat_test_ok (shtat_schedule_set_line_allowances (v2, line_of (v2, "case-manager"), 1500050, &error), error);
  shtat_test_ok (shtat_schedule_set_line_grade (v2, line_of (v2, "case-manager"), "B2-2", &error), error);
  shtat_test_ok (shtat_schedule_remove_line (v2, line_of (v2, "watchman"), &error), error);
  shtat_test_ok (shtat_schedule_add_line (v2, "Administration", "methodologist", NULL, 50, 18000000, 0, &error), error);

  diff = shtat_schedule_diff (v1, v2, library);
  for (guint i = 0; i < diff->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (diff, i));
  g_assert_cmpuint (diff->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (diff, i), ==, expected[i]);

  /* without the norm library, position codes */
  codes = shtat_schedule_diff (v1, v2, NULL);
  g_assert_cmpstr (g_ptr_array_index (codes, 3), ==, "psychologist: 2 → 3 units");
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

static void
test_names (void)
{
  for (guint i = 0; i <= SHTAT_SCHEDULE_SUPERSEDED; i++)
    {
      ShtatScheduleStatus status;

      g_assert_true (shtat_schedule_status_from_string (shtat_schedule_status_to_string (i), &status));
      g_assert_cmpuint (status, ==, i);
      g_assert_cmpstr (shtat_schedule_status_get_label (i), !=, "");
    }
  g_assert_false (shtat_schedule_status_from_string ("rejected", NULL));
  g_assert_cmpstr (shtat_schedule_unit_get_name (SHTAT_SCHEDULE_UNIT_METHODOLOGY, SHTAT_LANG_RU), ==,
                   "Отдел методологии и информационно-просветительской работы");
  g_assert_cmpstr (shtat_schedule_unit_get_name (SHTAT_SCHEDULE_UNIT_ADMINISTRATION, SHTAT_LANG_KK), ==, "Әкімшілік");

  {
    g_autofree char *row = shtat_schedule_dup_position_label (library, "fsc", "case-manager");
    g_autofree char *unknown = shtat_schedule_dup_position_label (library, "fsc", "methodologist");
    g_autofree char *bare = shtat_schedule_dup_position_label (NULL, "fsc", "lawyer");

    g_assert_cmpstr (row, ==, "Social worker – case manager");
    g_assert_cmpstr (unknown, ==, "methodologist");
    g_assert_cmpstr (bare, ==, "lawyer");
  }
}

/* The words of schedule.rng, as bundled: the values of its <value> elements
 * that @xpath selects (prefix "rng" for the RelaxNG namespace). */
static GPtrArray *
schema_words (const char *xpath)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/shtat/Shtat/norms/schedule.rng", 0, NULL);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr found;
  gsize len;
  const char *rng;

  g_assert_nonnull (bytes);
  rng = g_bytes_get_data (bytes, &len);
  doc = xmlReadMemory (rng, (int) len, "schedule.rng", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "rng", (const xmlChar *) "http://relaxng.org/ns/structure/1.0");
  found = xmlXPathEvalExpression ((const xmlChar *) xpath, ctx);
  g_assert_nonnull (found);
  for (int i = 0; found->nodesetval != NULL && i < found->nodesetval->nodeNr; i++)
    {
      xmlChar *word = xmlNodeGetContent (found->nodesetval->nodeTab[i]);

      g_ptr_array_add (words, g_strdup ((const char *) word));
      xmlFree (word);
    }
  xmlXPathFreeObject (found);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return words;
}

/* Every word schedule.rng allows for a status, a driver and a flag names one
 * value and is given back for it, and every value has its word there; the
 * compliance and severity words are shtat-cli's. Words are matched whole and as
 * written. */
static void
test_value_words (void)
{
  /* In the order of ShtatScheduleStatus; schedule.rng, attribute "status". */
  static const char * const statuses[] = { "draft", "submitted", "approved", "superseded" };
  /* In the order of ShtatComplianceStatus: "status" of `shtat-cli schedule check`. */
  static const char * const compliance[] = { "at", "above", "below", "missing", "typical" };
  /* In the order of ShtatSeverity: "severity" of `shtat-cli schedule check`. */
  static const char * const severities[] = { "ok", "warning", "error" };
  g_autoptr(GPtrArray) schema_statuses = schema_words ("//rng:attribute[@name='status']//rng:value");
  g_autoptr(GPtrArray) schema_drivers = schema_words ("//rng:element[@name='driver']/rng:attribute[@name='name']//rng:value");
  g_autoptr(GPtrArray) schema_flags = schema_words ("//rng:element[@name='flag']/rng:attribute[@name='name']//rng:value");
  ShtatScheduleStatus status;

  g_assert_cmpuint (G_N_ELEMENTS (statuses), ==, SHTAT_SCHEDULE_SUPERSEDED + 1);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      status = SHTAT_SCHEDULE_SUPERSEDED + 1;
      g_assert_cmpstr (shtat_schedule_status_to_string (i), ==, statuses[i]);
      g_assert_true (shtat_schedule_status_from_string (statuses[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_true (g_ptr_array_find_with_equal_func (schema_statuses, statuses[i], g_str_equal, NULL));
    }
  /* draft and submitted share one <choice>: four words, no other */
  g_assert_cmpuint (schema_statuses->len, ==, G_N_ELEMENTS (statuses));
  for (guint i = 0; i < schema_statuses->len; i++)
    {
      const char *word = g_ptr_array_index (schema_statuses, i);

      g_assert_true (shtat_schedule_status_from_string (word, &status));
      g_assert_cmpstr (shtat_schedule_status_to_string (status), ==, word);
    }

  g_assert_cmpuint (schema_drivers->len, ==, SHTAT_N_DRIVERS);
  for (guint i = 0; i < schema_drivers->len; i++)
    {
      const char *word = g_ptr_array_index (schema_drivers, i);
      ShtatDriver driver = SHTAT_N_DRIVERS;

      g_assert_true (shtat_driver_from_string (word, &driver));
      g_assert_cmpstr (shtat_driver_to_string (driver), ==, word);
    }
  g_assert_cmpuint (schema_flags->len, ==, SHTAT_N_FLAGS);
  for (guint i = 0; i < schema_flags->len; i++)
    {
      const char *word = g_ptr_array_index (schema_flags, i);
      ShtatFlag flag = SHTAT_N_FLAGS;

      g_assert_true (shtat_flag_from_string (word, &flag));
      g_assert_cmpstr (shtat_flag_to_string (flag), ==, word);
    }

  for (guint i = 0; i < G_N_ELEMENTS (compliance); i++)
    g_assert_cmpstr (shtat_compliance_status_to_string (i), ==, compliance[i]);
  g_assert_cmpuint (G_N_ELEMENTS (compliance), ==, SHTAT_COMPLIANCE_TYPICAL + 1);
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      int severity = -1;

      g_assert_cmpstr (shtat_enum_to_nick (SHTAT_TYPE_SEVERITY, i), ==, severities[i]);
      g_assert_true (shtat_enum_from_nick (SHTAT_TYPE_SEVERITY, severities[i], &severity));
      g_assert_cmpint (severity, ==, i);
    }
  g_assert_cmpuint (G_N_ELEMENTS (severities), ==, SHTAT_SEVERITY_ERROR + 1);

  /* not a word: the label, another case, a plural, nothing; @out is left alone */
  status = SHTAT_SCHEDULE_APPROVED;
  g_assert_false (shtat_schedule_status_from_string ("Draft", &status));
  g_assert_false (shtat_schedule_status_from_string ("drafts", &status));
  g_assert_false (shtat_schedule_status_from_string ("", &status));
  g_assert_false (shtat_schedule_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, SHTAT_SCHEDULE_APPROVED);
}

/* The seal is passed in: what the digest gives at approval is stored, and
 * verification compares it with what the same digest gives now. */
static char *
seal_one (const ShtatSchedule *schedule)
{
  return g_strdup ("seal-1");
}

static char *
seal_two (const ShtatSchedule *schedule)
{
  return g_strdup ("seal-2");
}

static void
test_seal (void)
{
  g_autoptr(ShtatSchedule) s = complete_draft ();
  g_autoptr(ShtatSchedule) xml = approved_schedule ();
  g_autofree char *sha = shtat_schedule_compute_sha256 (xml);
  ShtatApproval a = sample_approval ();
  GError *error = NULL;

  shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve_with_digest (s, library, fsc, NULL, &a, NULL, seal_one, &error), error);
  g_assert_cmpint (shtat_schedule_get_status (s), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_cmpstr (shtat_schedule_get_sha256 (s), ==, "seal-1");
  shtat_test_ok (shtat_schedule_verify_with_digest (s, seal_one, &error), error);
  g_assert_false (shtat_schedule_verify_with_digest (s, seal_two, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "the SHA-256 recorded at approval is seal-1, its content now gives seal-2"));
  g_clear_error (&error);

  /* shtat_schedule_approve() seals with the SHA-256 of the canonical XML */
  g_assert_cmpuint (strlen (sha), ==, 64);
  g_assert_cmpstr (shtat_schedule_get_sha256 (xml), ==, sha);
}

/* What the core keeps in one place: the centres' table, finding a norm row,
 * date equality, a post open on a date. */
static void
test_one_place (void)
{
  GDate jan1 = shtat_test_date (2025, 1, 1), dec31 = shtat_test_date (2025, 12, 31);
  GDate before = shtat_test_date (2024, 12, 31), after = shtat_test_date (2026, 1, 1);
  GDate unset, unset2;
  ShtatAssignment post = { 0 };
  ShtatAssignment open = { 0 };
  const ShtatNormRow *row;

  g_assert_true (shtat_norm_library_get_table_or_centre (library, NULL) == fsc);
  g_assert_true (shtat_norm_library_get_table_or_centre (library, "t1") == shtat_norm_library_get_table (library, "t1"));
  g_assert_null (shtat_norm_library_get_table_or_centre (library, "no-such-table"));
  g_assert_cmpstr (fsc->id, ==, SHTAT_NORM_TABLE_CENTRE);

  row = shtat_norm_table_find_row (fsc, "case-manager");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n, ==, 20);
  g_assert_null (shtat_norm_table_find_row (fsc, "methodologist"));
  g_assert_null (shtat_norm_table_find_row (NULL, "case-manager"));

  g_date_clear (&unset, 1);
  g_date_clear (&unset2, 1);
  g_assert_true (shtat_date_equal (&jan1, &jan1));
  g_assert_false (shtat_date_equal (&jan1, &dec31));
  g_assert_true (shtat_date_equal (&unset, &unset2));
  g_assert_false (shtat_date_equal (&unset, &jan1));
  g_assert_false (shtat_date_equal (&jan1, &unset));

  /* a post held through 2025, both ends included */
  post.from = jan1;
  post.to = dec31;
  g_assert_true (shtat_assignment_is_open_on (&post, &jan1));
  g_assert_true (shtat_assignment_is_open_on (&post, &dec31));
  g_assert_false (shtat_assignment_is_open_on (&post, &before));
  g_assert_false (shtat_assignment_is_open_on (&post, &after));
  /* no start and no end: open on any day */
  g_date_clear (&open.from, 1);
  g_date_clear (&open.to, 1);
  g_assert_true (shtat_assignment_is_open_on (&open, &before));
  g_assert_true (shtat_assignment_is_open_on (&open, &after));
}

/* Versions kept in the database: a draft comes back identical, an approved
 * version cannot be changed there, a tampered one is refused when read. */
static void
test_store (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  g_autoptr(ShtatSchedule) draft = complete_draft ();
  g_autoptr(ShtatSchedule) approved = approved_schedule ();
  g_autoptr(ShtatSchedule) loaded = NULL;
  g_autoptr(ShtatSchedule) next = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  sqlite3 *db;

  g_assert_no_error (error);

  /* version 1 approved, version 2 a draft */
  shtat_test_ok (shtat_store_save_schedule (store, approved, &error), error);
  next = shtat_schedule_copy_as_draft (approved);
  shtat_test_ok (shtat_store_save_schedule (store, next, &error), error);
  g_assert_cmpuint (shtat_schedule_get_version (next), ==, 2);

  loaded = shtat_store_load_schedule (store, "almaty-bostandyk", 1, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_schedule_equal (loaded, approved));
  g_clear_pointer (&loaded, shtat_schedule_unref);

  versions = shtat_store_list_schedules (store, "almaty-bostandyk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (shtat_schedule_get_status (g_ptr_array_index (versions, 0)), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_cmpint (shtat_schedule_get_status (g_ptr_array_index (versions, 1)), ==, SHTAT_SCHEDULE_DRAFT);

  /* a draft saved over an approved version is refused, and nothing changes */
  shtat_test_ok (shtat_schedule_set_centre (draft, "almaty-bostandyk", &error), error);
  g_assert_cmpuint (shtat_schedule_get_version (draft), ==, 1);
  g_assert_false (shtat_store_save_schedule (store, draft, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  loaded = shtat_store_load_schedule (store, "almaty-bostandyk", 1, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_schedule_equal (loaded, approved));
  g_clear_pointer (&loaded, shtat_schedule_unref);

  /* someone edits the stored approved XML behind Shtat's back */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE schedules SET xml = CAST(replace(CAST(xml AS TEXT), '214-п', '999-п') AS BLOB) "
                                     "WHERE version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  loaded = shtat_store_load_schedule (store, "almaty-bostandyk", 1, &error);
  g_assert_null (loaded);
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED);
  g_clear_error (&error);

  /* a version that does not exist */
  g_assert_null (shtat_store_load_schedule (store, "almaty-bostandyk", 7, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  find_data_dir ();

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);
  fsc = shtat_norm_library_get_table (library, "fsc");
  g_assert_nonnull (fsc);

  g_test_add_func ("/schedule/from-minimum/fsc", test_from_minimum_fsc);
  g_test_add_func ("/schedule/from-minimum/brackets", test_from_minimum_brackets);
  g_test_add_func ("/schedule/from-minimum/language", test_from_minimum_language);
  g_test_add_func ("/schedule/from-minimum/grid", test_from_minimum_grid);
  g_test_add_func ("/schedule/fund", test_fund);
  g_test_add_func ("/schedule/fund/large", test_fund_large);
  g_test_add_func ("/schedule/workflow/only-drafts-change", test_only_drafts_change);
  g_test_add_func ("/schedule/workflow/submit", test_submit_requires_valid);
  g_test_add_func ("/schedule/workflow/approve", test_approve);
  g_test_add_func ("/schedule/compliance/interchange", test_interchange);
  g_test_add_func ("/schedule/compliance/statuses", test_statuses);
  g_test_add_func ("/schedule/compliance/rate", test_rate);
  g_test_add_func ("/schedule/setters-refuse", test_setters_refuse);
  g_test_add_func ("/schedule/xml/golden", test_xml_golden);
  g_test_add_func ("/schedule/xml/round-trip", test_xml_round_trip);
  g_test_add_func ("/schedule/xml/checksum", test_xml_checksum);
  g_test_add_func ("/schedule/xml/refused", test_xml_refused);
  g_test_add_func ("/schedule/diff", test_diff);
  g_test_add_func ("/schedule/names", test_names);
  g_test_add_func ("/schedule/value-words", test_value_words);
  g_test_add_func ("/schedule/workflow/seal", test_seal);
  g_test_add_func ("/schedule/one-place", test_one_place);
  g_test_add_func ("/schedule/store", test_store);

  rc = g_test_run ();
  g_clear_object (&library);
  g_free (data_dir);
  return rc;
}
