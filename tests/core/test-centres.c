/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-centres"

#include "config.h"

#include <sqlite3.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatStore *
open_store (char **path)
{
  g_autoptr(GError) error = NULL;
  ShtatStore *store;

  *path = g_build_filename (shtat_test_make_tmp_dir (), "shtat.db", NULL);
  store = shtat_store_open (*path, &error);
  g_assert_no_error (error);
  return store;
}

static guint
count_centres (ShtatStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = shtat_store_list_centres (store, &error);

  g_assert_no_error (error);
  return centres->len;
}

/* A person gives no name at all: refused, naming what is missing, and nothing
 * is written. */
static void
test_add_refuses_no_name (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShtatStore) store = open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = shtat_centres_add (store, "", NULL, "Есіл ауданы", NULL, &error);

  g_assert_null (centre);
  g_assert_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "Give the centre’s name in Kazakh or in Russian");
  g_assert_cmpuint (count_centres (store), ==, 0);
}

/* One name stands for both languages; blank district and akimat are absent,
 * not empty; the centre reads back from the database as it was given. */
static void
test_add_one_name (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShtatStore) store = open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = shtat_centres_add (store, "Есіл ауданының ОҚО", "", "", NULL, &error);
  g_autoptr(GPtrArray) centres = NULL;
  ShtatCentre *read;

  g_assert_no_error (error);
  g_assert_nonnull (centre);
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres->len, ==, 1);
  read = g_ptr_array_index (centres, 0);
  /* the first centre of an empty database */
  g_assert_cmpstr (read->code, ==, "centre-1");
  g_assert_cmpstr (read->name_kk, ==, "Есіл ауданының ОҚО");
  g_assert_cmpstr (read->name_ru, ==, "Есіл ауданының ОҚО");
  g_assert_null (read->district);
  g_assert_null (read->akimat);
  g_assert_cmpint (read->id, ==, centre->id);
}

/* Codes are unique. One centre is there, coded "centre-2": the search starts
 * at 1 + 1 = 2, which is taken, so the new centre is "centre-3". With two
 * centres the next search starts at 3, taken too, so "centre-4". */
static void
test_add_unique_codes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShtatStore) store = open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) first = shtat_centre_new ();
  g_autoptr(ShtatCentre) second = NULL;
  g_autoptr(ShtatCentre) third = NULL;

  first->code = g_strdup ("centre-2");
  first->name_kk = g_strdup ("Алмалы ауданының ОҚО");
  first->name_ru = g_strdup ("ЦПС Алмалинского района");
  shtat_test_ok (shtat_store_save_centre (store, first, &error), error);

  second = shtat_centres_add (store, NULL, "ЦПС Есильского района", "Есиль", "Акимат Есильского района", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->code, ==, "centre-3");
  g_assert_cmpstr (second->name_kk, ==, "ЦПС Есильского района");
  g_assert_cmpstr (second->akimat, ==, "Акимат Есильского района");

  third = shtat_centres_add (store, "Сарыарқа ауданының ОҚО", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (third->code, ==, "centre-4");
  g_assert_cmpuint (count_centres (store), ==, 3);
}

/* The database refuses the list: the error reaches the caller, and no centre
 * is made. */
static void
test_add_database_failure (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShtatStore) store = open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE centres RENAME TO centres_gone", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  centre = shtat_centres_add (store, "Есіл ауданының ОҚО", NULL, NULL, NULL, &error);
  g_assert_null (centre);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_SQL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/centres/add/no-name", test_add_refuses_no_name);
  g_test_add_func ("/centres/add/one-name", test_add_one_name);
  g_test_add_func ("/centres/add/unique-codes", test_add_unique_codes);
  g_test_add_func ("/centres/add/database-failure", test_add_database_failure);
  return g_test_run ();
}
