/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The district overview as a list model, loaded in a worker thread and
 * cancellable, and a centre's name as the reader sees it. Figures are worked
 * out by hand in the comments.
 *
 * The district of the tests, on 1 March 2026 (drafts from the minimum for 60
 * appeals a day and 1 vehicle: 25.5 units, digest §2.1 column 51–100, plus a
 * cleaner at 1 unit and a yard keeper at 0.5 from the typical norms: 27 units
 * planned):
 *
 *   west  Батыс орталығы (no Russian name), Есіл ауданы: no schedule, no staff
 *   south Оңтүстік орталығы / Южный центр, Алмалы ауданы: version 1 submitted
 *         (27 units); one person at rate 1
 *   north Солтүстік орталығы / Северный центр, Есіл ауданы: version 1 approved
 *         (27 units), version 2 a draft with the lawyer cut from 2 units to 1
 *         (26 units, one error: below the minimum, no justification, the fund
 *         below the cost); staff at rates 1 and 0.5, a third person left in 2025 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"
#include "shtat-test-records.h"

static ShtatNormLibrary *library;
static const ShtatNormTable *fsc;

#define S 20000000   /* a SAMPLE salary, 200 000,00 ₸, not a figure of Decree 1193 */

/* ------------------------------------------------------------------------ */
/* The display name                                                         */

static ShtatCentre *
centre (const char *code,
        const char *name_kk,
        const char *name_ru,
        const char *district)
{
  ShtatCentre *c = shtat_centre_new ();

  c->code = g_strdup (code);
  c->name_kk = g_strdup (name_kk);
  c->name_ru = g_strdup (name_ru);
  c->district = g_strdup (district);
  return c;
}

/* Russian readers read the Russian name, everybody else the Kazakh one; a
 * missing name falls back on the other language's, then on the code. */
static void
test_display_name (void)
{
  g_autoptr(ShtatCentre) both = centre ("c1", "Есіл орталығы", "Центр Есиль", NULL);
  g_autoptr(ShtatCentre) kk_only = centre ("c2", "Батыс орталығы", "", NULL);
  g_autoptr(ShtatCentre) ru_only = centre ("c3", NULL, "Южный центр", NULL);
  g_autoptr(ShtatCentre) nameless = centre ("c4", "", NULL, NULL);

  g_assert_cmpstr (shtat_centre_get_name (both, SHTAT_LANG_KK), ==, "Есіл орталығы");
  g_assert_cmpstr (shtat_centre_get_name (both, SHTAT_LANG_EN), ==, "Есіл орталығы");
  g_assert_cmpstr (shtat_centre_get_name (both, SHTAT_LANG_RU), ==, "Центр Есиль");
  g_assert_cmpstr (shtat_centre_get_name (kk_only, SHTAT_LANG_RU), ==, "Батыс орталығы");
  g_assert_cmpstr (shtat_centre_get_name (ru_only, SHTAT_LANG_KK), ==, "Южный центр");
  g_assert_cmpstr (shtat_centre_get_name (ru_only, SHTAT_LANG_EN), ==, "Южный центр");
  g_assert_cmpstr (shtat_centre_get_name (nameless, SHTAT_LANG_RU), ==, "c4");
  g_assert_cmpstr (shtat_centre_get_name (nameless, SHTAT_LANG_KK), ==, "c4");

  shtat_lang_set_override (SHTAT_LANG_RU);
  g_assert_cmpstr (shtat_centre_get_display_name (both), ==, "Центр Есиль");
  shtat_lang_set_override (SHTAT_LANG_EN);
  g_assert_cmpstr (shtat_centre_get_display_name (both), ==, "Есіл орталығы");
}

static char *
codes (GPtrArray *centres)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < centres->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", ((ShtatCentre *) g_ptr_array_index (centres, i))->code);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Sorted by the name the reader sees: Kazakh names under English and Kazakh
 * (Б < О < С), Russian ones under Russian (Батыс, which has none, < Северный <
 * Южный); two centres of the same name by code. */
static void
test_sort_by_name (void)
{
  g_autoptr(GPtrArray) centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  g_autofree char *en = NULL, *kk = NULL, *ru = NULL;

  g_ptr_array_add (centres, centre ("north", "Солтүстік орталығы", "Северный центр", NULL));
  g_ptr_array_add (centres, centre ("west-2", "Батыс орталығы", NULL, NULL));
  g_ptr_array_add (centres, centre ("south", "Оңтүстік орталығы", "Южный центр", NULL));
  g_ptr_array_add (centres, centre ("west-1", "Батыс орталығы", NULL, NULL));

  shtat_centres_sort_by_name (centres);
  en = codes (centres);
  g_assert_cmpstr (en, ==, "west-1 west-2 south north");
  shtat_lang_set_override (SHTAT_LANG_KK);
  shtat_centres_sort_by_name (centres);
  kk = codes (centres);
  g_assert_cmpstr (kk, ==, "west-1 west-2 south north");
  shtat_lang_set_override (SHTAT_LANG_RU);
  shtat_centres_sort_by_name (centres);
  ru = codes (centres);
  g_assert_cmpstr (ru, ==, "west-1 west-2 north south");
  shtat_lang_set_override (SHTAT_LANG_EN);
}

/* ------------------------------------------------------------------------ */
/* The district                                                             */

typedef struct
{
  char       *dir;
  char       *path;
  ShtatStore *store;
  GDate       on;
} Fixture;

static guint
line_of (const ShtatSchedule *s,
         const char          *position)
{
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return i;
  g_assert_not_reached ();
}

/* 27 units, ready to submit (see the top of the file). */
static ShtatSchedule *
complete_draft (const char *centre_code)
{
  ShtatDrivers d;
  GError *error = NULL;
  ShtatSchedule *s;

  shtat_drivers_init (&d);
  shtat_drivers_set (&d, SHTAT_DRIVER_APPEALS, 60);
  shtat_drivers_set (&d, SHTAT_DRIVER_VEHICLES, 1);
  d.as_of = shtat_test_date (2026, 1, 15);
  s = shtat_schedule_new_from_minimum (library, fsc, &d, NULL, NULL, &error);
  g_assert_no_error (error);
  shtat_test_ok (shtat_schedule_set_centre (s, centre_code, &error), error);
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    shtat_test_ok (shtat_schedule_set_line_salary (s, i, S, &error), error);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "cleaner"), 100, &error), error);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "cleaner"), "Typical norms", &error), error);
  shtat_test_ok (shtat_schedule_set_line_units (s, line_of (s, "yard-keeper"), 50, &error), error);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "yard-keeper"), "Typical norms", &error), error);
  return s;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  g_autoptr(ShtatSchedule) south = complete_draft ("south");
  g_autoptr(ShtatSchedule) north = complete_draft ("north");
  g_autoptr(ShtatSchedule) north_next = NULL;
  ShtatApproval a = { 0 };

  f->dir = g_dir_make_tmp ("shtat-overview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "shtat.db", NULL);
  f->store = shtat_store_open (f->path, &error);
  g_assert_no_error (error);
  f->on = shtat_test_date (2026, 3, 1);

  g_ptr_array_add (centres, centre ("north", "Солтүстік орталығы", "Северный центр", "Есіл ауданы"));
  g_ptr_array_add (centres, centre ("south", "Оңтүстік орталығы", "Южный центр", "Алмалы ауданы"));
  g_ptr_array_add (centres, centre ("west", "Батыс орталығы", NULL, "Есіл ауданы"));
  g_ptr_array_add (staff, shtat_test_person ("900101300011", "Abenov", "north", "psychologist", 100, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300012", "Baeva", "north", "lawyer", 50, 0));
  g_ptr_array_add (staff, shtat_test_person ("900101300017", "Kimov", "north", "lawyer", 100, 2025));   /* left */
  g_ptr_array_add (staff, shtat_test_person ("900101300016", "Ivanov", "south", "lawyer", 100, 0));
  shtat_test_ok (shtat_store_import (f->store, centres, staff, NULL, &error), error);

  shtat_test_ok (shtat_schedule_submit (south, library, fsc, &error), error);
  shtat_test_ok (shtat_store_save_schedule (f->store, south, &error), error);

  a.akimat = "Есіл ауданының әкімдігі";
  a.order_number = "7-п";
  a.order_date = shtat_test_date (2026, 1, 20);
  a.signatory = "Ахметов А. А.";
  a.effective = shtat_test_date (2026, 2, 1);
  shtat_test_ok (shtat_schedule_submit (north, library, fsc, &error), error);
  shtat_test_ok (shtat_schedule_approve (north, library, fsc, NULL, &a, NULL, &error), error);
  shtat_test_ok (shtat_store_save_approval (f->store, north, NULL, &error), error);
  north_next = shtat_schedule_copy_as_draft (north);
  shtat_test_ok (shtat_schedule_set_line_units (north_next, line_of (north_next, "lawyer"), 100, &error), error);
  shtat_test_ok (shtat_store_save_schedule (f->store, north_next, &error), error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  shtat_test_remove_database (f->path, f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs the main context until the load's callback has been called. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static const ShtatOverviewRow *
row_at (GListModel *model,
        guint       i)
{
  g_autoptr(ShtatOverviewItem) item = g_list_model_get_item (model, i);

  g_assert_nonnull (item);
  g_assert_cmpuint (shtat_overview_item_get_position (item), ==, i);
  /* the row lives as long as the model's rows, not only the item */
  return shtat_overview_item_get_row (item);
}

static void
load (ShtatOverview *overview,
      const GDate   *on)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  shtat_overview_load_async (overview, on, NULL, store_result_cb, &result);
  g_assert_true (shtat_overview_is_loading (overview));
  g_assert_true (shtat_overview_load_finish (overview, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (shtat_overview_is_loading (overview));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  (*n_signals)++;
}

/* A load fills the model in one step with a row per centre, by the name the
 * reader sees, and the figures of the top of the file. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ShtatOverview) overview = shtat_overview_new (f->store, library);
  GListModel *model = G_LIST_MODEL (overview);
  const ShtatOverviewRow *west, *south, *north;
  ShtatOverviewTotals t;
  g_auto(GStrv) districts = NULL;
  guint n_signals = 0;

  g_assert_true (g_list_model_get_item_type (model) == SHTAT_TYPE_OVERVIEW_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);
  load (overview, &f->on);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_null (g_list_model_get_item (model, 3));

  /* Батыс < Оңтүстік < Солтүстік */
  west = row_at (model, 0);
  south = row_at (model, 1);
  north = row_at (model, 2);
  g_assert_cmpstr (west->centre->code, ==, "west");
  g_assert_cmpstr (south->centre->code, ==, "south");
  g_assert_cmpstr (north->centre->code, ==, "north");

  /* west: nothing planned, no minimum known, nobody */
  g_assert_null (west->approved);
  g_assert_null (west->pending);
  g_assert_cmpint (west->minimum, ==, -1);
  g_assert_cmpint (west->planned, ==, 0);
  g_assert_cmpint (west->filled, ==, 0);
  g_assert_cmpint (west->vacant, ==, 0);
  g_assert_null (west->problem);

  /* south: v1 submitted, 27 units against 25.5, one person at rate 1; no
   * approved version, so no vacancy is counted */
  g_assert_null (south->approved);
  g_assert_nonnull (south->pending);
  g_assert_true (shtat_overview_row_is_submitted (south));
  g_assert_cmpuint (shtat_schedule_get_version (south->pending), ==, 1);
  g_assert_cmpint (south->planned, ==, 2700);
  g_assert_cmpint (south->minimum, ==, 2550);
  g_assert_cmpuint (south->n_errors, ==, 0);
  g_assert_cmpint (south->filled, ==, 100);
  g_assert_cmpint (south->vacant, ==, 0);
  g_assert_cmpint (south->over, ==, 0);

  /* north: v1 in force (27), v2 being prepared (27 − 1 = 26, one error);
   * staff 1 + 0.5 = 1.5 (Kimov left in 2025); vacant 27 − 1.5 = 25.5 */
  g_assert_nonnull (north->approved);
  g_assert_nonnull (north->pending);
  g_assert_false (shtat_overview_row_is_submitted (north));
  g_assert_cmpuint (shtat_schedule_get_version (north->approved), ==, 1);
  g_assert_cmpuint (shtat_schedule_get_version (north->pending), ==, 2);
  g_assert_cmpint (north->planned, ==, 2600);
  g_assert_cmpint (north->minimum, ==, 2550);
  g_assert_cmpuint (north->n_errors, ==, 1);
  g_assert_cmpint (north->filled, ==, 150);
  g_assert_cmpint (north->vacant, ==, 2550);
  g_assert_cmpint (north->over, ==, 0);

  /* the sums: 1 awaiting (south), 1 with errors (north); planned 0 + 27 + 26,
   * minimum 0 + 25.5 + 25.5, staff 0 + 1 + 1.5, vacant 25.5 */
  shtat_overview_sum (model, &t);
  g_assert_cmpuint (t.n_centres, ==, 3);
  g_assert_cmpuint (t.n_awaiting, ==, 1);
  g_assert_cmpuint (t.n_with_errors, ==, 1);
  g_assert_cmpint (t.planned, ==, 5300);
  g_assert_cmpint (t.minimum, ==, 5100);
  g_assert_cmpint (t.filled, ==, 250);
  g_assert_cmpint (t.vacant, ==, 2550);

  /* each district once, Алмалы < Есіл */
  districts = shtat_overview_dup_districts (overview);
  g_assert_cmpuint (g_strv_length (districts), ==, 2);
  g_assert_cmpstr (districts[0], ==, "Алмалы ауданы");
  g_assert_cmpstr (districts[1], ==, "Есіл ауданы");

  /* under Russian: Батыс (no Russian name) < Северный < Южный */
  shtat_lang_set_override (SHTAT_LANG_RU);
  load (overview, &f->on);
  shtat_lang_set_override (SHTAT_LANG_EN);
  g_assert_cmpuint (n_signals, ==, 2);
  g_assert_cmpstr (row_at (model, 0)->centre->code, ==, "west");
  g_assert_cmpstr (row_at (model, 1)->centre->code, ==, "north");
  g_assert_cmpstr (row_at (model, 2)->centre->code, ==, "south");
}

/* Cancelled before it starts: an error, and the model as it was. */
static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShtatOverview) overview = shtat_overview_new (f->store, library);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_signals = 0;

  load (overview, &f->on);
  g_signal_connect (overview, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);
  g_cancellable_cancel (cancellable);
  shtat_overview_load_async (overview, &f->on, cancellable, store_result_cb, &result);
  g_assert_false (shtat_overview_load_finish (overview, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (shtat_overview_is_loading (overview));
  g_assert_cmpuint (n_signals, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overview)), ==, 3);
  g_assert_cmpstr (row_at (G_LIST_MODEL (overview), 2)->centre->code, ==, "north");

  /* the synchronous computation too: no row at all */
  g_clear_error (&error);
  g_assert_null (shtat_overview_compute_full (f->store, library, &f->on, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
  guint         calls;
  guint         last_total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  p->calls++;
  p->last_total = total;
  g_assert_cmpuint (done, ==, p->calls);
  if (done == p->cancel_after)
    g_cancellable_cancel (p->cancellable);
}

/* Cancelled while it computes: it stops at the next centre, and a load
 * cancelled before its callback leaves the model as it was. */
static void
test_cancel_during (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { cancellable, 1, 0, 0 };
  g_autoptr(GPtrArray) rows = NULL;

  /* cancelled once the first of the three centres is done: the other two are
   * never computed */
  g_assert_null (shtat_overview_compute_full (f->store, library, &f->on, progress_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.calls, ==, 1);
  g_assert_cmpuint (p.last_total, ==, 3);
  g_clear_error (&error);

  /* not cancelled: all three */
  g_cancellable_reset (cancellable);
  p.cancel_after = 0;
  p.calls = 0;
  rows = shtat_overview_compute_full (f->store, library, &f->on, progress_cb, &p, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (p.calls, ==, 3);

  /* the model: cancelled after it started, whether or not the worker had
   * finished, it keeps the rows of the load before */
  {
    g_autoptr(ShtatOverview) overview = shtat_overview_new (f->store, library);
    g_autoptr(GAsyncResult) result = NULL;
    guint n_signals = 0;

    load (overview, &f->on);
    g_signal_connect (overview, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);
    g_cancellable_reset (cancellable);
    shtat_overview_load_async (overview, &f->on, cancellable, store_result_cb, &result);
    g_assert_true (shtat_overview_is_loading (overview));
    g_cancellable_cancel (cancellable);
    g_assert_false (shtat_overview_load_finish (overview, wait_for (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (n_signals, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overview)), ==, 3);
  }
}

/* Two loads one after the other: only the later one reaches the model. */
static void
test_superseded (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShtatOverview) overview = shtat_overview_new (f->store, library);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  guint n_signals = 0;

  g_signal_connect (overview, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);
  shtat_overview_load_async (overview, &f->on, NULL, store_result_cb, &first);
  shtat_overview_load_async (overview, &f->on, NULL, store_result_cb, &second);
  g_assert_false (shtat_overview_load_finish (overview, wait_for (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (shtat_overview_is_loading (overview));
  g_assert_cmpuint (n_signals, ==, 0);
  g_assert_true (shtat_overview_load_finish (overview, wait_for (&second), &error));
  g_assert_no_error (error);
  g_assert_false (shtat_overview_is_loading (overview));
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overview)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  shtat_lang_set_override (SHTAT_LANG_EN);

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);
  fsc = shtat_norm_library_get_table (library, "fsc");
  g_assert_nonnull (fsc);

  g_test_add_func ("/overview/display-name", test_display_name);
  g_test_add_func ("/overview/sort-by-name", test_sort_by_name);
  g_test_add ("/overview/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/overview/cancel-before", Fixture, NULL, fixture_set_up, test_cancel_before, fixture_tear_down);
  g_test_add ("/overview/cancel-during", Fixture, NULL, fixture_set_up, test_cancel_during, fixture_tear_down);
  g_test_add ("/overview/superseded", Fixture, NULL, fixture_set_up, test_superseded, fixture_tear_down);

  rc = g_test_run ();
  g_object_unref (library);
  return rc;
}
