/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-placement"

/* Placement of the staff on a schedule's lines, the district overview, and the
 * store queries under them. Figures are worked out by hand in the comments. */
#include "config.h"

#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"
#include "shtat-test-records.h"

static ShtatNormLibrary *library;

/* Lines: psychologist 2 units, social worker 1.5, lawyer 1, a second
 * psychologist line of 0.5 in another unit. */
static ShtatSchedule *
small_schedule (void)
{
  ShtatSchedule *s = shtat_schedule_new ();
  GError *error = NULL;

  shtat_test_ok (shtat_schedule_set_centre (s, "north", &error), error);
  shtat_test_ok (shtat_schedule_add_line (s, "consultation", "psychologist", NULL, 200, 0, 0, &error), error);
  shtat_test_ok (shtat_schedule_add_line (s, "consultation", "social-worker", NULL, 150, 0, 0, &error), error);
  shtat_test_ok (shtat_schedule_add_line (s, "consultation", "lawyer", NULL, 100, 0, 0, &error), error);
  shtat_test_ok (shtat_schedule_add_line (s, "methodology", "psychologist", NULL, 50, 0, 0, &error), error);
  return s;
}

static GPtrArray *
small_staff (void)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);

  g_ptr_array_add (staff, shtat_test_person ("900101300011", "Abenov", "north", "psychologist", 100, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300012", "Baeva", "north", "psychologist", 100, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300013", "Dosov", "north", "psychologist", 50, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300014", "Ermekova", "north", "psychologist", 25, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300015", "Zhanova", "north", "social-worker", 100, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300016", "Ivanov", "south", "lawyer", 100, 0));      /* another centre */
  g_ptr_array_add (staff, shtat_test_person ("900101300017", "Kimov", "north", "lawyer", 100, 2025));   /* left in 2025 */
  g_ptr_array_add (staff, shtat_test_person ("900101300018", "Lee", "north", "accountant", 100, 0));    /* no line */
  return staff;
}

static void
test_arithmetic (void)
{
  g_autoptr(ShtatSchedule) s = small_schedule ();
  g_autoptr(GPtrArray) staff = small_staff ();
  GDate on = shtat_test_date (2026, 3, 1);
  g_autoptr(ShtatPlacement) p = shtat_placement_compute (s, staff, NULL, &on);
  ShtatPlacementLine *psy, *sw, *lawyer, *psy2;

  g_assert_cmpuint (p->lines->len, ==, 4);
  psy = g_ptr_array_index (p->lines, 0);
  sw = g_ptr_array_index (p->lines, 1);
  lawyer = g_ptr_array_index (p->lines, 2);
  psy2 = g_ptr_array_index (p->lines, 3);

  /* Abenov 1 + Baeva 1 fill the first psychologist line (2); Dosov's 0.5 fits
   * the second (0.5); Ermekova's 0.25 fits neither and goes to the last line of
   * the position, now 0.75 of 0.5. */
  g_assert_cmpuint (psy->holders->len, ==, 2);
  g_assert_cmpint (psy->filled, ==, 200);
  g_assert_cmpint (psy->vacant, ==, 0);
  g_assert_cmpint (psy->over, ==, 0);
  g_assert_cmpuint (psy2->holders->len, ==, 2);
  g_assert_cmpint (psy2->filled, ==, 75);
  g_assert_cmpint (psy2->over, ==, 25);
  g_assert_cmpstr (((ShtatPlacementHolder *) g_ptr_array_index (psy2->holders, 1))->employee->surname, ==, "Ermekova");

  /* social worker 1 of 1.5: 0.5 vacant; the lawyer line is empty (Ivanov works
   * elsewhere, Kimov left) */
  g_assert_cmpint (sw->filled, ==, 100);
  g_assert_cmpint (sw->vacant, ==, 50);
  g_assert_cmpuint (lawyer->holders->len, ==, 0);
  g_assert_cmpint (lawyer->vacant, ==, 100);

  /* the accountant has no line */
  g_assert_cmpuint (p->unplaced->len, ==, 1);
  g_assert_cmpstr (((ShtatPlacementHolder *) g_ptr_array_index (p->unplaced, 0))->employee->surname, ==, "Lee");

  /* planned 2 + 1.5 + 1 + 0.5 = 5; filled 2 + 1 + 0 + 0.75 = 3.75;
   * vacant 0.5 + 1 = 1.5; over 0.25 */
  g_assert_cmpint (p->planned, ==, 500);
  g_assert_cmpint (p->filled, ==, 375);
  g_assert_cmpint (p->vacant, ==, 150);
  g_assert_cmpint (p->over, ==, 25);

  /* before Kimov left, the lawyer line was filled */
  {
    GDate earlier = shtat_test_date (2025, 6, 30);
    g_autoptr(ShtatPlacement) q = shtat_placement_compute (s, staff, NULL, &earlier);

    g_assert_cmpint (((ShtatPlacementLine *) g_ptr_array_index (q->lines, 2))->filled, ==, 100);
  }
}

/* With the demo centre in a real database: the store finds the people working
 * there, each holder carries the engine's verdict, and the number of those who
 * do not meet their post is what the engine says of each. */
static void
test_demo_store (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(GHashTable) rates = NULL;
  g_autoptr(ShtatSchedule) draft = NULL;
  g_autoptr(ShtatPlacement) p = NULL;
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  ShtatCentre *centre;
  ShtatDrivers drivers;
  GDate today;
  int expected_rate = 0;
  guint expected_people = 0, expected_posts = 0, expected_not_meeting = 0, holders = 0;
  int unplaced_rate = 0;

  g_assert_no_error (error);
  shtat_date_set_today (&today);
  shtat_demo_build (&today, &centres, &employees);
  shtat_test_ok (shtat_store_import (store, centres, employees, NULL, &error), error);
  centre = g_ptr_array_index (centres, 0);

  /* what the demo files say, counted here from the records themselves */
  for (guint i = 0; i < employees->len; i++)
    {
      ShtatEmployee *e = g_ptr_array_index (employees, i);
      gboolean works = FALSE;

      for (guint k = 0; k < e->assignments->len; k++)
        {
          ShtatAssignment *a = &g_array_index (e->assignments, ShtatAssignment, k);

          if (g_strcmp0 (a->centre_code, centre->code) != 0
              || (g_date_valid (&a->from) && g_date_compare (&a->from, &today) > 0)
              || (g_date_valid (&a->to) && g_date_compare (&a->to, &today) < 0))
            continue;
          works = TRUE;
          expected_posts++;
          expected_rate += a->rate;
          {
            g_autoptr(ShtatVerdict) v = shtat_verdict_compute (library, e, a, &today);
            if (v->kind == SHTAT_VERDICT_DOES_NOT_MEET)
              expected_not_meeting++;
          }
        }
      expected_people += works;
    }
  g_assert_cmpuint (expected_people, >, 20);

  there = shtat_store_load_centre_employees (store, centre->code, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->len, ==, expected_people);
  rates = shtat_store_sum_rates_by_centre (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (rates, centre->code)), ==, expected_rate);

  shtat_drivers_init (&drivers);
  shtat_drivers_set (&drivers, SHTAT_DRIVER_APPEALS, 60);
  shtat_drivers_set (&drivers, SHTAT_DRIVER_VEHICLES, 1);
  drivers.as_of = today;
  draft = shtat_schedule_new_from_minimum (library, fsc, &drivers, NULL, NULL, &error);
  g_assert_no_error (error);
  shtat_test_ok (shtat_schedule_set_centre (draft, centre->code, &error), error);
  p = shtat_placement_compute (draft, there, library, &today);
  for (guint i = 0; i < p->lines->len; i++)
    {
      ShtatPlacementLine *line = g_ptr_array_index (p->lines, i);

      for (guint h = 0; h < line->holders->len; h++)
        g_assert_nonnull (((ShtatPlacementHolder *) g_ptr_array_index (line->holders, h))->verdict);
      holders += line->holders->len;
    }
  holders += p->unplaced->len;
  for (guint u = 0; u < p->unplaced->len; u++)
    unplaced_rate += ((ShtatPlacementHolder *) g_ptr_array_index (p->unplaced, u))->rate;
  g_assert_cmpuint (p->n_not_meeting, ==, expected_not_meeting);
  g_assert_cmpint (p->planned, ==, 2550);
  /* every open post of the records is somewhere, once: on a line or unplaced,
   * and the rates on the lines are the rest of what the records hold */
  g_assert_cmpuint (holders, ==, expected_posts);
  g_assert_cmpint (p->filled + unplaced_rate, ==, expected_rate);

  /* the overview: the demo centre with this draft, nothing approved yet */
  shtat_test_ok (shtat_store_save_schedule (store, draft, &error), error);
  {
    g_autoptr(GPtrArray) rows = shtat_overview_compute (store, library, &today, &error);
    ShtatOverviewRow *row;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, centres->len);
    row = g_ptr_array_index (rows, 0);
    g_assert_null (row->approved);
    g_assert_nonnull (row->pending);
    g_assert_false (shtat_overview_row_is_submitted (row));
    g_assert_cmpint (row->minimum, ==, 2550);   /* 60 appeals, 1 vehicle: 25.5 units */
    g_assert_cmpint (row->planned, ==, 2550);
    g_assert_cmpint (row->filled, ==, expected_rate);
    g_assert_cmpint (row->vacant, ==, 0);       /* against an approved version only */
    g_assert_null (row->problem);
  }
}

/* An approval writes the approved version and the superseded one together: when
 * the second cannot be written, the first is not either. */
static void
test_approval_atomic (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  g_autoptr(ShtatSchedule) v1 = small_schedule ();
  g_autoptr(ShtatSchedule) v2 = NULL;
  g_autoptr(ShtatSchedule) stranger = small_schedule ();
  g_autoptr(ShtatSchedule) loaded = NULL;

  g_assert_no_error (error);
  shtat_test_ok (shtat_store_save_schedule (store, v1, &error), error);
  v2 = shtat_schedule_copy_as_draft (v1);
  shtat_test_ok (shtat_store_save_schedule (store, v2, &error), error);

  /* the "superseded" version has no centre: the write fails, and v2 stays a draft */
  shtat_test_ok (shtat_schedule_set_centre (stranger, "", &error), error);
  shtat_test_ok (shtat_schedule_set_centre (v2, "north", &error), error);
  shtat_test_ok (shtat_schedule_add_line (v2, "consultation", "lawyer", NULL, 100, 0, 0, &error), error);
  g_assert_false (shtat_store_save_approval (store, v2, stranger, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  loaded = shtat_store_load_schedule (store, "north", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_schedule_get_n_lines (loaded), ==, 4);   /* not the 5 of the failed write */
}

/* A worker thread's own connection sees what the first one wrote, and writes
 * made meanwhile on the first do not disturb a read on the second. */
static gpointer
count_centres_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) own = shtat_store_open_another (data, &error);
  g_autoptr(GPtrArray) centres = NULL;

  g_assert_no_error (error);
  centres = shtat_store_list_centres (own, &error);
  g_assert_no_error (error);
  return GUINT_TO_POINTER (centres->len);
}

static void
test_another_connection (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  GThread *threads[4];

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ShtatCentre) centre = shtat_centre_new ();

      centre->code = g_strdup_printf ("c%u", i);
      shtat_test_ok (shtat_store_save_centre (store, centre, &error), error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", count_centres_thread, store);
  /* the main thread keeps writing on its own connection */
  for (guint i = 3; i < 20; i++)
    {
      g_autoptr(ShtatCentre) centre = shtat_centre_new ();

      centre->code = g_strdup_printf ("c%u", i);
      shtat_test_ok (shtat_store_save_centre (store, centre, &error), error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      guint n = GPOINTER_TO_UINT (g_thread_join (threads[i]));
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (n, <=, 20);
    }
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

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/placement/arithmetic", test_arithmetic);
  g_test_add_func ("/placement/demo-store", test_demo_store);
  g_test_add_func ("/placement/approval-atomic", test_approval_atomic);
  g_test_add_func ("/store/another-connection", test_another_connection);

  rc = g_test_run ();
  g_clear_object (&library);
  return rc;
}
