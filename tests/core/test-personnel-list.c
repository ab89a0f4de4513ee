/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-personnel-list"

/* The personnel list as a GListModel: when an employee is removed or the list
 * is loaded again, the rows it shows follow at once, before the filter has
 * run again in its worker thread. Each row is then a person the database
 * holds, under their own name, and no row is past the end. */

#include "config.h"

#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"
#include "shtat-test-records.h"

static ShtatNormLibrary *library;

/* Five people, in the order the store gives them (by surname). */
static const char * const surnames[] = { "Абаев", "Бекова", "Ганиев", "Досова", "Ержанов" };

typedef struct
{
  char               *path;
  ShtatStore         *store;
  ShtatPersonnelList *list;
  guint               shadow;    /* the length the items-changed signals add up to */
  guint               signals;
  gboolean            loaded;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Fixture *f = user_data;

  g_assert_cmpuint (position + removed, <=, f->shadow);
  f->shadow = f->shadow - removed + added;
  g_assert_cmpuint (f->shadow, ==, g_list_model_get_n_items (model));
  f->signals++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  ShtatCentre *centre = shtat_centre_new ();
  guint changed = 0;

  /* removed with the folder when the test ends */
  f->path = g_build_filename (shtat_test_make_tmp_dir (), "shtat.db", NULL);
  f->store = shtat_store_open (f->path, &error);
  g_assert_no_error (error);

  centre->code = g_strdup ("astana-esil");
  centre->name_kk = g_strdup ("Есіл ауданының ОҚО");
  centre->name_ru = g_strdup ("ЦПС района Есиль");
  g_ptr_array_add (centres, centre);
  /* men born on 01.01.1980, serials 1 to 5: the list does not check IINs */
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      char iin[SHTAT_IIN_LENGTH + 1];

      g_snprintf (iin, sizeof iin, "8001013%04u0", i + 1);
      g_ptr_array_add (employees, shtat_test_person (iin, surnames[i], "astana-esil", "social-worker",
                                                     100, 0));
    }
  g_assert_true (shtat_store_import (f->store, centres, employees, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, G_N_ELEMENTS (surnames));

  f->list = shtat_personnel_list_new (library);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* a filter still running holds the list: let it end here */
  while (shtat_personnel_list_is_busy (f->list))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (f->list, f);
  g_clear_object (&f->list);
  g_clear_object (&f->store);
  g_free (f->path);
}

/* id → surname of everyone the database holds now */
static GHashTable *
stored_people (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = shtat_store_load_employees (f->store, &error);
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < employees->len; i++)
    {
      ShtatEmployee *e = g_ptr_array_index (employees, i);

      g_hash_table_insert (people, g_memdup2 (&e->id, sizeof e->id), g_strdup (e->surname));
    }
  return people;
}

static gint64
id_of (Fixture    *f,
       const char *surname)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = shtat_store_load_employees (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < employees->len; i++)
    if (g_str_equal (((ShtatEmployee *) g_ptr_array_index (employees, i))->surname, surname))
      return ((ShtatEmployee *) g_ptr_array_index (employees, i))->id;
  g_assert_not_reached ();
}

/* Every row is someone the database holds, under their own name, each once;
 * there is no row past the last. Returns the surnames, in order. */
static char *
assert_rows (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(GHashTable) people = stored_people (f);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);
  gpointer past;

  g_assert_cmpuint (n, <=, shtat_personnel_list_get_n_total (f->list));
  g_assert_cmpuint (shtat_personnel_list_get_n_total (f->list), ==, g_hash_table_size (people));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShtatPersonnelItem) item = g_list_model_get_item (model, i);
      ShtatEmployee *e;

      g_assert_nonnull (item);
      e = shtat_personnel_item_get_employee (item);
      g_assert_cmpstr (g_hash_table_lookup (people, &e->id), ==, e->surname);
      g_assert_true (g_hash_table_add (seen, &e->id));
      g_assert_true (g_str_has_prefix (shtat_personnel_item_get_name (item), e->surname));
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", e->surname);
    }
  past = g_list_model_get_item (model, n);
  g_assert_null (past);
  return g_string_free (names, FALSE);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  g_assert_true (shtat_personnel_list_load_finish (SHTAT_PERSONNEL_LIST (object), result, &error));
  g_assert_no_error (error);
  /* at once, before the filter's result comes in */
  g_assert_true (shtat_personnel_list_is_busy (f->list));
  rows = assert_rows (f);
  f->loaded = TRUE;
}

static void
load (Fixture *f)
{
  GDate as_of = shtat_test_date (2025, 6, 1);

  f->loaded = FALSE;
  shtat_personnel_list_load_async (f->list, f->store, &as_of, NULL, loaded_cb, f);
  while (!f->loaded)
    g_main_context_iteration (NULL, TRUE);
}

static void
settle (Fixture *f)
{
  while (shtat_personnel_list_is_busy (f->list))
    g_main_context_iteration (NULL, TRUE);
}

static char *
settled_rows (Fixture *f)
{
  settle (f);
  return assert_rows (f);
}

/* The last of five removed while all five are shown: four rows at once. */
static void
test_remove_last (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *after = NULL;
  gint64 id = id_of (f, "Ержанов");

  load (f);
  before = settled_rows (f);
  g_assert_cmpstr (before, ==, "Абаев Бекова Ганиев Досова Ержанов");

  g_assert_true (shtat_store_delete_employee (f->store, id, &error));
  g_assert_no_error (error);
  shtat_personnel_list_remove_employee (f->list, id);
  now = assert_rows (f);
  g_assert_cmpstr (now, ==, "Абаев Бекова Ганиев Досова");
  after = settled_rows (f);
  g_assert_cmpstr (after, ==, "Абаев Бекова Ганиев Досова");
  g_assert_cmpuint (f->shadow, ==, 4);
}

/* A filter shows Досова alone; Бекова, before her, is removed: the row is
 * still Досова's, not the next person's. */
static void
test_remove_before_filtered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *now = NULL;
  g_autofree char *after = NULL;
  gint64 id = id_of (f, "Бекова");

  load (f);
  settle (f);
  shtat_personnel_list_set_filter (f->list, "досова", 0, NULL, -1);
  shown = settled_rows (f);
  g_assert_cmpstr (shown, ==, "Досова");

  g_assert_true (shtat_store_delete_employee (f->store, id, &error));
  g_assert_no_error (error);
  shtat_personnel_list_remove_employee (f->list, id);
  now = assert_rows (f);
  g_assert_cmpstr (now, ==, "Досова");
  after = settled_rows (f);
  g_assert_cmpstr (after, ==, "Досова");

  /* and the one shown removed: no row */
  id = id_of (f, "Досова");
  g_assert_true (shtat_store_delete_employee (f->store, id, &error));
  g_assert_no_error (error);
  shtat_personnel_list_remove_employee (f->list, id);
  g_clear_pointer (&now, g_free);
  now = assert_rows (f);
  g_assert_cmpstr (now, ==, "");
  g_assert_cmpuint (f->shadow, ==, 0);
}

/* Loaded again with two people fewer: in the callback, before the filter
 * has run, no row points into the old list. */
static void
test_reload_fewer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  load (f);
  before = settled_rows (f);
  g_assert_cmpstr (before, ==, "Абаев Бекова Ганиев Досова Ержанов");

  g_assert_true (shtat_store_delete_employee (f->store, id_of (f, "Абаев"), &error));
  g_assert_no_error (error);
  g_assert_true (shtat_store_delete_employee (f->store, id_of (f, "Досова"), &error));
  g_assert_no_error (error);
  load (f);   /* loaded_cb checks the rows */
  after = settled_rows (f);
  g_assert_cmpstr (after, ==, "Бекова Ганиев Ержанов");
  g_assert_cmpuint (f->shadow, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/personnel-list/remove-last", test_remove_last);
  ADD ("/personnel-list/remove-before-filtered", test_remove_before_filtered);
  ADD ("/personnel-list/reload-fewer", test_reload_fewer);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&library);
  return ret;
}
