/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-store"

/* The SQLite store: creating and opening the file, whole personnel files written
 * and read back field by field, transactions that leave nothing behind on
 * failure, imports, and the files it refuses. Each test works in a directory of
 * its own, and looks at the database through a plain SQLite connection too. The
 * IINs are those of test-iin.c, where their check digits are worked out. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shtat-appeals.h"
#include "shtat-core.h"
#include "shtat-store-engine.h"
#include "shtat-store-private.h"

typedef struct
{
  char *dir;
  char *path;   /* DIR/data/shtat.db: the folder is made by the store */
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_assert_cmpint (g_unlink (child), ==, 0);
        }
      g_dir_close (dir);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("shtat-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "data", "shtat.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static ShtatStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShtatStore *store = shtat_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* ------------------------------------------------------------------------ */
/* A plain connection, to see what is in the file                           */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Rows of every table, as "centres employees education certificates periods assignments". */
static char *
raw_counts (const char *path)
{
  sqlite3 *db = raw_open (path);
  char *counts = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                  " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  raw_int (db, "SELECT count(*) FROM centres"),
                                  raw_int (db, "SELECT count(*) FROM employees"),
                                  raw_int (db, "SELECT count(*) FROM education"),
                                  raw_int (db, "SELECT count(*) FROM certificates"),
                                  raw_int (db, "SELECT count(*) FROM work_periods"),
                                  raw_int (db, "SELECT count(*) FROM assignments"));

  sqlite3_close (db);
  return counts;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

static GDate
no_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  return date;
}

static ShtatCentre *
make_centre (const char *code,
             const char *name_kk,
             const char *name_ru)
{
  ShtatCentre *centre = shtat_centre_new ();

  centre->code = g_strdup (code);
  centre->name_kk = g_strdup (name_kk);
  centre->name_ru = g_strdup (name_ru);
  centre->district = g_strdup ("Астана");
  centre->akimat = g_strdup ("Әкімдік");
  return centre;
}

static GPtrArray *
make_centres (void)
{
  GPtrArray *centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);

  g_ptr_array_add (centres, make_centre ("astana-saryarka", "Сарыарқа ауданының ОҚО",
                                         "ЦПС района Сарыарка"));
  g_ptr_array_add (centres, make_centre ("astana-almaty", "Алматы ауданының ОҚО",
                                         "ЦПС района Алматы"));
  return centres;
}

/* A file with every kind of child record, and with optional fields left out. */
static ShtatEmployee *
make_full (void)
{
  ShtatEmployee *e = shtat_employee_new ();

  /* 850415400237: a woman born on 15.04.1985 */
  g_strlcpy (e->iin, "850415400237", sizeof e->iin);
  e->surname = g_strdup ("Жұмабаева");
  e->name = g_strdup ("Әйгерім");
  e->patronymic = g_strdup ("Серікқызы");
  e->birth_date = dmy (15, 4, 1985);
  e->sex = SHTAT_SEX_FEMALE;

  shtat_employee_add_education (e, &(ShtatEducation) {
    .level = SHTAT_EDUCATION_POSTGRADUATE, .field = SHTAT_FIELD_PSYCHOLOGY, .relevant = TRUE,
    .specialty = (char *) "Психология", .institution = (char *) "ЕНУ им. Л. Н. Гумилева",
    .diploma = (char *) "МД-0001", .year = 2009 });
  shtat_employee_add_education (e, &(ShtatEducation) {
    .level = SHTAT_EDUCATION_SECONDARY_VOCATIONAL, .field = -1, .relevant = FALSE,
    .specialty = (char *) "Делопроизводство" });

  shtat_employee_add_certificate (e, &(ShtatCertificate) {
    .kind = (char *) "social-training", .number = (char *) "СП-2020-44",
    .issued = dmy (12, 3, 2020), .expires = dmy (12, 3, 2025) });
  shtat_employee_add_certificate (e, &(ShtatCertificate) {
    .kind = (char *) "first-aid", .issued = no_date (), .expires = no_date () });

  shtat_employee_add_period (e, &(ShtatWorkPeriod) {
    .organisation = (char *) "КГУ «Центр занятости»", .sector = SHTAT_SECTOR_EMPLOYMENT,
    .position = (char *) "инспектор", .level = -1, .category = -1,
    .from = dmy (1, 8, 2007), .to = dmy (30, 6, 2010) });
  shtat_employee_add_period (e, &(ShtatWorkPeriod) {
    .organisation = (char *) "ЦПС г. Астаны", .sector = SHTAT_SECTOR_SOCIAL_PROTECTION,
    .position = (char *) "psychologist", .level = SHTAT_LEVEL_SINGLE,
    .category = SHTAT_CATEGORY_SECOND, .from = dmy (1, 7, 2010), .to = dmy (31, 12, 2019) });
  shtat_employee_add_period (e, &(ShtatWorkPeriod) {
    .organisation = (char *) "ГККП «Поликлиника № 3»", .sector = SHTAT_SECTOR_HEALTH,
    .position = (char *) "заведующая отделением", .level = -1, .category = -1,
    .managerial = TRUE, .from = dmy (1, 1, 2020), .to = no_date () });

  shtat_employee_add_assignment (e, &(ShtatAssignment) {
    .centre_code = (char *) "astana-almaty", .position = (char *) "psychologist",
    .level = SHTAT_LEVEL_SINGLE, .category = SHTAT_CATEGORY_FIRST, .rate = 150,
    .from = dmy (1, 1, 2020), .to = no_date () });
  shtat_employee_add_assignment (e, &(ShtatAssignment) {
    .centre_code = (char *) "astana-saryarka", .position = (char *) "social-worker",
    .level = SHTAT_LEVEL_MEDIUM, .category = SHTAT_CATEGORY_NONE, .rate = 25,
    .from = dmy (1, 2, 2021), .to = dmy (31, 12, 2022) });
  return e;
}

/* A short file for imports: one period and one assignment. */
static ShtatEmployee *
make_person (const char *iin,
             guint       day,
             guint       month,
             guint       year,
             ShtatSex    sex,
             const char *surname,
             const char *centre_code)
{
  ShtatEmployee *e = shtat_employee_new ();

  g_strlcpy (e->iin, iin, sizeof e->iin);
  e->surname = g_strdup (surname);
  e->name = g_strdup (sex == SHTAT_SEX_MALE ? "Ерлан" : "Динара");
  e->birth_date = dmy (day, month, year);
  e->sex = sex;
  shtat_employee_add_education (e, &(ShtatEducation) {
    .level = SHTAT_EDUCATION_HIGHER, .field = SHTAT_FIELD_SOCIAL_WORK, .year = year + 22 });
  shtat_employee_add_period (e, &(ShtatWorkPeriod) {
    .organisation = (char *) "ЦПС", .sector = SHTAT_SECTOR_SOCIAL_PROTECTION,
    .position = (char *) "social-worker", .level = SHTAT_LEVEL_HIGHER,
    .category = SHTAT_CATEGORY_NONE, .from = dmy (1, 9, year + 22), .to = no_date () });
  shtat_employee_add_assignment (e, &(ShtatAssignment) {
    .centre_code = (char *) centre_code, .position = (char *) "social-worker",
    .level = SHTAT_LEVEL_HIGHER, .category = SHTAT_CATEGORY_NONE, .rate = 100,
    .from = dmy (1, 9, year + 22), .to = no_date () });
  return e;
}

static GPtrArray *
employee_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
}

/* ------------------------------------------------------------------------ */
/* Comparing files field by field                                           */

static void
assert_date (const GDate *a,
             const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_id (gint64   a,
           gint64   b,
           gboolean with_ids)
{
  if (with_ids)
    g_assert_cmpint (a, ==, b);
}

/* @a and @b hold the same; with @with_ids, under the same ids. An assignment
 * read back from the store names its centre by code as well as by id. */
static void
assert_same_file (const ShtatEmployee *a,
                  const ShtatEmployee *b,
                  gboolean             with_ids)
{
  assert_id (a->id, b->id, with_ids);
  g_assert_cmpstr (a->iin, ==, b->iin);
  g_assert_cmpstr (a->surname, ==, b->surname);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->patronymic, ==, b->patronymic);
  assert_date (&a->birth_date, &b->birth_date);
  g_assert_cmpint (a->sex, ==, b->sex);

  g_assert_cmpuint (a->education->len, ==, b->education->len);
  for (guint i = 0; i < a->education->len; i++)
    {
      const ShtatEducation *x = &g_array_index (a->education, ShtatEducation, i);
      const ShtatEducation *y = &g_array_index (b->education, ShtatEducation, i);

      assert_id (x->id, y->id, with_ids);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpint (x->field, ==, y->field);
      g_assert_cmpint (x->relevant, ==, y->relevant);
      g_assert_cmpstr (x->specialty, ==, y->specialty);
      g_assert_cmpstr (x->institution, ==, y->institution);
      g_assert_cmpstr (x->diploma, ==, y->diploma);
      g_assert_cmpuint (x->year, ==, y->year);
    }

  g_assert_cmpuint (a->certificates->len, ==, b->certificates->len);
  for (guint i = 0; i < a->certificates->len; i++)
    {
      const ShtatCertificate *x = &g_array_index (a->certificates, ShtatCertificate, i);
      const ShtatCertificate *y = &g_array_index (b->certificates, ShtatCertificate, i);

      assert_id (x->id, y->id, with_ids);
      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->number, ==, y->number);
      assert_date (&x->issued, &y->issued);
      assert_date (&x->expires, &y->expires);
    }

  g_assert_cmpuint (a->periods->len, ==, b->periods->len);
  for (guint i = 0; i < a->periods->len; i++)
    {
      const ShtatWorkPeriod *x = &g_array_index (a->periods, ShtatWorkPeriod, i);
      const ShtatWorkPeriod *y = &g_array_index (b->periods, ShtatWorkPeriod, i);

      assert_id (x->id, y->id, with_ids);
      g_assert_cmpstr (x->organisation, ==, y->organisation);
      g_assert_cmpint (x->sector, ==, y->sector);
      g_assert_cmpstr (x->position, ==, y->position);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->managerial, ==, y->managerial);
      assert_date (&x->from, &y->from);
      assert_date (&x->to, &y->to);
    }

  g_assert_cmpuint (a->assignments->len, ==, b->assignments->len);
  for (guint i = 0; i < a->assignments->len; i++)
    {
      const ShtatAssignment *x = &g_array_index (a->assignments, ShtatAssignment, i);
      const ShtatAssignment *y = &g_array_index (b->assignments, ShtatAssignment, i);

      assert_id (x->id, y->id, with_ids);
      assert_id (x->centre_id, y->centre_id, with_ids);
      g_assert_cmpstr (x->centre_code, ==, y->centre_code);
      g_assert_cmpstr (x->position, ==, y->position);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->rate, ==, y->rate);
      assert_date (&x->from, &y->from);
      assert_date (&x->to, &y->to);
    }
}

static void
assert_same_files (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_same_file (g_ptr_array_index (a, i), g_ptr_array_index (b, i), TRUE);
}

static GPtrArray *
load_all (ShtatStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *employees = shtat_store_load_employees (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (employees);
  return employees;
}

static void
save_centres (ShtatStore *store)
{
  g_autoptr(GPtrArray) centres = make_centres ();

  for (guint i = 0; i < centres->len; i++)
    {
      g_autoptr(GError) error = NULL;
      ShtatCentre *centre = g_ptr_array_index (centres, i);

      g_assert_true (shtat_store_save_centre (store, centre, &error));
      g_assert_no_error (error);
      g_assert_cmpint (centre->id, >, 0);
    }
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */

/* A new database: its folder 0700, the file 0600, WAL, the schema version. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".bak-v0", NULL);
  sqlite3 *db;

  g_assert_cmpstr (shtat_store_get_path (store), ==, f->path);
  g_assert_cmpint (shtat_store_get_schema_version (store), ==, 3);
  g_assert_true (shtat_store_is_empty (store));
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  /* nothing to keep in a new file */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  save_centres (store);
  g_assert_false (shtat_store_is_empty (store));
  /* the write-ahead log has the mode of the file */
  g_assert_cmpuint (file_mode (wal), ==, 0600);

  db = raw_open (f->path);
  journal_mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM centres"), ==, 2);
  sqlite3_close (db);

  /* opened again: the same version, no backup, the data still there */
  g_clear_object (&store);
  store = open_store (f->path);
  g_assert_cmpint (shtat_store_get_schema_version (store), ==, 3);
  g_assert_false (shtat_store_is_empty (store));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* An existing file that others may read is closed to them. */
static void
test_permissions_tightened (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr(ShtatStore) store = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  store = open_store (f->path);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatEmployee) e = make_full ();
  g_autoptr(ShtatEmployee) loaded = NULL;
  g_autoptr(ShtatEmployee) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GError) error = NULL;
  gint64 almaty, saryarka;

  save_centres (store);
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  /* by the Kazakh name under English, as the pages show them:
   * "Алматы ауданының ОҚО" < "Сарыарқа ауданының ОҚО" */
  g_assert_cmpuint (centres->len, ==, 2);
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->code, ==, "astana-almaty");
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->name_kk, ==, "Алматы ауданының ОҚО");
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->district, ==, "Астана");
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->akimat, ==, "Әкімдік");
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[1])->code, ==, "astana-saryarka");
  almaty = ((ShtatCentre *) centres->pdata[0])->id;
  saryarka = ((ShtatCentre *) centres->pdata[1])->id;

  g_assert_true (shtat_store_save_employee (store, e, &error));
  g_assert_no_error (error);

  /* every record got its id, and the assignments their centre's */
  g_assert_cmpint (e->id, >, 0);
  for (guint i = 0; i < e->education->len; i++)
    g_assert_cmpint (g_array_index (e->education, ShtatEducation, i).id, >, 0);
  for (guint i = 0; i < e->certificates->len; i++)
    g_assert_cmpint (g_array_index (e->certificates, ShtatCertificate, i).id, >, 0);
  for (guint i = 0; i < e->periods->len; i++)
    g_assert_cmpint (g_array_index (e->periods, ShtatWorkPeriod, i).id, >, 0);
  for (guint i = 0; i < e->assignments->len; i++)
    g_assert_cmpint (g_array_index (e->assignments, ShtatAssignment, i).id, >, 0);
  g_assert_cmpint (g_array_index (e->assignments, ShtatAssignment, 0).centre_id, ==, almaty);
  g_assert_cmpint (g_array_index (e->assignments, ShtatAssignment, 1).centre_id, ==, saryarka);

  loaded = shtat_store_load_employee (store, e->id, &error);
  g_assert_no_error (error);
  assert_same_file (loaded, e, TRUE);
  /* spelled out once, for the fields that are easiest to lose */
  g_assert_null (g_array_index (loaded->education, ShtatEducation, 1).institution);
  g_assert_cmpint (g_array_index (loaded->education, ShtatEducation, 1).field, ==, -1);
  g_assert_cmpuint (g_array_index (loaded->education, ShtatEducation, 1).year, ==, 0);
  g_assert_false (g_date_valid (&g_array_index (loaded->periods, ShtatWorkPeriod, 2).to));
  g_assert_true (g_array_index (loaded->periods, ShtatWorkPeriod, 2).managerial);
  g_assert_cmpint (g_array_index (loaded->periods, ShtatWorkPeriod, 1).category, ==,
                   SHTAT_CATEGORY_SECOND);

  found = shtat_store_find_by_iin (store, "850415400237", &error);
  g_assert_no_error (error);
  assert_same_file (found, e, TRUE);

  all = load_all (store);
  g_assert_cmpuint (all->len, ==, 1);
  assert_same_file (g_ptr_array_index (all, 0), e, TRUE);

  /* and from a store opened afresh */
  g_clear_object (&store);
  g_clear_pointer (&all, g_ptr_array_unref);
  store = open_store (f->path);
  all = load_all (store);
  g_assert_cmpuint (all->len, ==, 1);
  assert_same_file (g_ptr_array_index (all, 0), e, TRUE);
}

/* load_employees merges the children of many files: each lands in its own. */
static void
test_load_many (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) saved = employee_array ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  /* saved in this order; loaded by surname: Ахметов, Бекова, Жұмабаева */
  ShtatEmployee *zh = make_full ();
  ShtatEmployee *a = make_person ("900101300126", 1, 1, 1990, SHTAT_SEX_MALE, "Ахметов",
                                  "astana-saryarka");
  ShtatEmployee *b = make_person ("061211600012", 11, 12, 2006, SHTAT_SEX_FEMALE, "Бекова",
                                  "astana-almaty");

  save_centres (store);
  g_ptr_array_add (saved, zh);
  g_ptr_array_add (saved, a);
  g_ptr_array_add (saved, b);
  /* a file without any child record */
  g_array_set_size (b->periods, 0);
  g_array_set_size (b->education, 0);
  for (guint i = 0; i < saved->len; i++)
    {
      g_assert_true (shtat_store_save_employee (store, g_ptr_array_index (saved, i), &error));
      g_assert_no_error (error);
    }

  all = load_all (store);
  g_assert_cmpuint (all->len, ==, 3);
  /* three files: not worth a second connection */
  g_assert_cmpuint (shtat_store_get_load_threads (store), ==, 1);
  assert_same_file (g_ptr_array_index (all, 0), a, TRUE);
  assert_same_file (g_ptr_array_index (all, 1), b, TRUE);
  assert_same_file (g_ptr_array_index (all, 2), zh, TRUE);
}

/* Loaded files share the texts that repeat between them (one organisation,
 * one position), and a shared text can still be replaced in one file without
 * touching the other. */
static void
test_shared_texts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatEmployee) a = make_person ("900101300126", 1, 1, 1990, SHTAT_SEX_MALE, "Ахметов",
                                            "astana-saryarka");
  g_autoptr(ShtatEmployee) b = make_person ("061211600012", 11, 12, 2006, SHTAT_SEX_FEMALE, "Бекова",
                                            "astana-saryarka");
  ShtatEmployee *la, *lb;
  ShtatWorkPeriod *pa, *pb;
  ShtatAssignment *aa, *ab;

  save_centres (store);
  g_assert_true (shtat_store_save_employee (store, a, &error));
  g_assert_no_error (error);
  g_assert_true (shtat_store_save_employee (store, b, &error));
  g_assert_no_error (error);

  all = load_all (store);
  g_assert_cmpuint (all->len, ==, 2);
  la = g_ptr_array_index (all, 0);
  lb = g_ptr_array_index (all, 1);
  pa = &g_array_index (la->periods, ShtatWorkPeriod, 0);
  pb = &g_array_index (lb->periods, ShtatWorkPeriod, 0);
  aa = &g_array_index (la->assignments, ShtatAssignment, 0);
  ab = &g_array_index (lb->assignments, ShtatAssignment, 0);
  /* both worked at "ЦПС" as social workers, and work at astana-saryarka */
  g_assert_cmpstr (pa->organisation, ==, "ЦПС");
  g_assert_true (pa->organisation == pb->organisation);
  g_assert_cmpstr (pa->position, ==, "social-worker");
  g_assert_true (pa->position == pb->position);
  g_assert_cmpstr (aa->centre_code, ==, "astana-saryarka");
  g_assert_true (aa->centre_code == ab->centre_code);
  /* the names are each file's own */
  g_assert_cmpstr (la->surname, ==, "Ахметов");
  g_assert_cmpstr (lb->surname, ==, "Бекова");

  shtat_personnel_set_text (&pa->organisation, "КГУ «Центр занятости»");
  g_assert_cmpstr (pa->organisation, ==, "КГУ «Центр занятости»");
  g_assert_cmpstr (pb->organisation, ==, "ЦПС");
  /* freeing the files frees the replaced text and leaves the shared one */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = load_all (store);
  lb = g_ptr_array_index (all, 1);
  g_assert_cmpstr (g_array_index (lb->periods, ShtatWorkPeriod, 0).organisation, ==, "ЦПС");
}

/* The engine's own SQL: $N parameters are numbered by their digits, and a $
 * inside a string literal, a quoted name or a comment is text. */
static void
test_engine_parameters (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  ShtatStoreEngine *engine = shtat_store_sqlite_open (f->path, &error);
  ShtatStoreStmt *stmt;

  g_assert_no_error (error);
  g_assert_nonnull (engine);
  stmt = engine->klass->prepare (engine, "SELECT '$1 and ''$2''', $2 || '-' || $1, \"$1\" FROM"
                                         " (SELECT 7 AS \"$1\") -- $3 is not a parameter", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  shtat_stmt_bind_string (stmt, 1, "first");
  shtat_stmt_bind_string (stmt, 2, "second");
  g_assert_cmpint (engine->klass->step (stmt, &error), ==, SHTAT_STORE_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpstr (shtat_stmt_column_text (stmt, 0), ==, "$1 and '$2'");
  g_assert_cmpstr (shtat_stmt_column_text (stmt, 1), ==, "second-first");
  g_assert_cmpint (shtat_stmt_column_int64 (stmt, 2), ==, 7);
  g_assert_cmpint (engine->klass->step (stmt, &error), ==, SHTAT_STORE_STEP_DONE);
  engine->klass->finalize (stmt);

  /* a broken UNIQUE constraint is told apart, in the store's error domain */
  stmt = engine->klass->prepare (engine, "INSERT INTO centres (code) VALUES ($1)", &error);
  g_assert_no_error (error);
  shtat_stmt_bind_string (stmt, 1, "twice");
  g_assert_cmpint (engine->klass->step (stmt, &error), ==, SHTAT_STORE_STEP_DONE);
  g_assert_cmpint (engine->klass->changes (engine), ==, 1);
  g_assert_cmpint (engine->klass->last_insert_id (engine), ==, 1);
  engine->klass->reset (stmt);
  shtat_stmt_bind_string (stmt, 1, "twice");
  g_assert_cmpint (engine->klass->step (stmt, &error), ==, SHTAT_STORE_STEP_ERROR);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_true (engine->unique_violation);
  engine->klass->finalize (stmt);
  engine->klass->close (engine);
}

/* A large load is shared between two connections and two threads: every
 * file still gets its own work periods and certificates and nothing else.
 * 6000 files: employee i has i % 4 + 1 periods, at the organisations
 * "Org i/1", "Org i/2"…, a certificate numbered "C-i" when i is a multiple
 * of 3, and is born in the year 1960 + i % 40. */
static void
test_load_large (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = employee_array ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  const guint n = 6000;

  for (guint i = 0; i < n; i++)
    {
      ShtatEmployee *e = shtat_employee_new ();

      g_snprintf (e->iin, sizeof e->iin, "%012u", i + 1);
      e->surname = g_strdup_printf ("Surname%05u", i);
      e->name = g_strdup ("Name");
      e->birth_date = dmy (1, 1, 1960 + i % 40);
      e->sex = SHTAT_SEX_FEMALE;
      for (guint p = 0; p < i % 4 + 1; p++)
        {
          g_autofree char *organisation = g_strdup_printf ("Org %u/%u", i, p + 1);

          shtat_employee_add_period (e, &(ShtatWorkPeriod) {
            .organisation = organisation, .sector = SHTAT_SECTOR_EDUCATION, .level = -1,
            .category = -1, .from = dmy (1, 9, 2000 + p), .to = dmy (31, 8, 2001 + p) });
        }
      if (i % 3 == 0)
        {
          g_autofree char *number = g_strdup_printf ("C-%u", i);

          shtat_employee_add_certificate (e, &(ShtatCertificate) {
            .kind = (char *) "social-training", .number = number, .issued = dmy (1, 3, 2021),
            .expires = no_date () });
        }
      shtat_employee_add_assignment (e, &(ShtatAssignment) {
        .centre_code = (char *) "astana-almaty", .position = (char *) "psychologist",
        .level = SHTAT_LEVEL_SINGLE, .category = SHTAT_CATEGORY_NONE, .rate = 100,
        .from = dmy (1, 9, 2020), .to = no_date () });
      g_ptr_array_add (employees, e);
    }
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, n);

  all = load_all (store);
  g_assert_cmpuint (all->len, ==, n);
  /* 6 000 files are past the point where a second connection shares the load:
   * what is checked below is that path's work */
  g_assert_cmpuint (shtat_store_get_load_threads (store), ==, 2);
  for (guint i = 0; i < n; i++)
    {
      /* by surname: Surname00000, Surname00001… */
      ShtatEmployee *e = g_ptr_array_index (all, i);
      g_autofree char *iin = g_strdup_printf ("%012u", i + 1);
      g_autofree char *last = g_strdup_printf ("Org %u/%u", i, i % 4 + 1);
      const ShtatWorkPeriod *p;

      g_assert_cmpstr (e->iin, ==, iin);
      g_assert_cmpint (g_date_get_year (&e->birth_date), ==, 1960 + i % 40);
      g_assert_cmpuint (e->periods->len, ==, i % 4 + 1);
      g_assert_cmpuint (e->assignments->len, ==, 1);
      g_assert_cmpuint (e->certificates->len, ==, i % 3 == 0 ? 1 : 0);
      if (i % 3 == 0)
        {
          g_autofree char *number = g_strdup_printf ("C-%u", i);

          g_assert_cmpstr (g_array_index (e->certificates, ShtatCertificate, 0).number, ==, number);
        }
      p = &g_array_index (e->periods, ShtatWorkPeriod, e->periods->len - 1);
      g_assert_cmpstr (p->organisation, ==, last);
      g_assert_cmpint (g_date_get_year (&p->from), ==, 2000 + i % 4);
    }
}

/* Saving a file again replaces its children: none of the old ones is left. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatEmployee) e = make_full ();
  g_autoptr(ShtatEmployee) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  gint64 id;
  sqlite3 *db;

  save_centres (store);
  g_assert_true (shtat_store_save_employee (store, e, &error));
  g_assert_no_error (error);
  id = e->id;

  /* married: a new surname; the first period dropped, a third education added */
  g_free (e->surname);
  e->surname = g_strdup ("Серікова");
  g_array_remove_index (e->periods, 0);
  g_array_remove_index (e->certificates, 1);
  shtat_employee_add_education (e, &(ShtatEducation) {
    .level = SHTAT_EDUCATION_HIGHER, .field = SHTAT_FIELD_LAW, .specialty = (char *) "Юриспруденция",
    .year = 2016 });
  g_assert_true (shtat_store_save_employee (store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, ==, id);

  loaded = shtat_store_load_employee (store, id, &error);
  g_assert_no_error (error);
  assert_same_file (loaded, e, TRUE);
  g_assert_cmpstr (loaded->surname, ==, "Серікова");
  g_assert_cmpuint (loaded->periods->len, ==, 2);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM work_periods"
                                " WHERE organisation = 'КГУ «Центр занятости»'"), ==, 0);
  sqlite3_close (db);

  /* 2 centres, 1 employee, 3 education, 1 certificate, 2 periods, 2 assignments */
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 1 3 1 2 2");

  /* a file that is not stored cannot be replaced */
  e->id = id + 100;
  g_assert_false (shtat_store_save_employee (store, e, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (e->id, ==, id + 100);
  g_clear_pointer (&counts, g_free);
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 1 3 1 2 2");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatEmployee) e = make_full ();
  g_autoptr(ShtatEmployee) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save_centres (store);
  g_assert_true (shtat_store_save_employee (store, e, &error));
  g_assert_no_error (error);
  before = raw_counts (f->path);
  g_assert_cmpstr (before, ==, "2 1 2 2 3 2");

  g_assert_true (shtat_store_delete_employee (store, e->id, &error));
  g_assert_no_error (error);
  /* the children went with the file; the centres stay */
  after = raw_counts (f->path);
  g_assert_cmpstr (after, ==, "2 0 0 0 0 0");

  gone = shtat_store_load_employee (store, e->id, &error);
  g_assert_null (gone);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone = shtat_store_find_by_iin (store, "850415400237", &error);
  g_assert_null (gone);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no employee with the IIN 850415400237");
  g_clear_error (&error);

  g_assert_false (shtat_store_delete_employee (store, e->id, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
}

/* The same IIN twice: refused, and nothing of the second file is written. */
static void
test_unique_iin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatEmployee) first = make_full ();
  g_autoptr(ShtatEmployee) second = make_person ("850415400237", 15, 4, 1985, SHTAT_SEX_FEMALE,
                                                 "Омарова", "astana-almaty");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;

  save_centres (store);
  g_assert_true (shtat_store_save_employee (store, first, &error));
  g_assert_no_error (error);
  before = load_all (store);
  counts_before = raw_counts (f->path);

  g_assert_false (shtat_store_save_employee (store, second, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Employee 850415400237: UNIQUE constraint failed: employees.iin");
  /* the ids were not handed out */
  g_assert_cmpint (second->id, ==, 0);
  g_assert_cmpint (g_array_index (second->periods, ShtatWorkPeriod, 0).id, ==, 0);

  after = load_all (store);
  assert_same_files (after, before);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

/* A failure after the file's row is written still leaves nothing behind. */
static void
test_unknown_centre (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatEmployee) e = make_person ("900101300126", 1, 1, 1990, SHTAT_SEX_MALE,
                                            "Ахметов", "astana-esil");
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;

  save_centres (store);
  g_assert_false (shtat_store_save_employee (store, e, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Employee 900101300126: there is no centre with the code “astana-esil”");
  g_assert_cmpint (e->id, ==, 0);
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 0 0 0 0 0");
}

static void
test_centres (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCentre) twin = make_centre ("astana-almaty", "Егіз", "Двойник");
  g_autoptr(ShtatCentre) ghost = make_centre ("astana-esil", "Есіл", "Есиль");
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GError) error = NULL;
  ShtatCentre *centre;

  save_centres (store);
  g_assert_false (shtat_store_save_centre (store, twin, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Centre astana-almaty: UNIQUE constraint failed: centres.code");
  g_assert_cmpint (twin->id, ==, 0);
  g_clear_error (&error);

  ghost->id = 999;
  g_assert_false (shtat_store_save_centre (store, ghost, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* under Russian, by the Russian name: Сарыарка renamed "ЦПС Абай" sorts
   * before "ЦПС района Алматы" */
  shtat_lang_set_override (SHTAT_LANG_RU);
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  centre = g_ptr_array_index (centres, 0);
  g_assert_cmpstr (centre->code, ==, "astana-almaty");
  centre = g_ptr_array_index (centres, 1);
  g_assert_cmpstr (centre->code, ==, "astana-saryarka");
  g_free (centre->name_ru);
  centre->name_ru = g_strdup ("ЦПС Абай");
  g_assert_true (shtat_store_save_centre (store, centre, &error));
  g_assert_no_error (error);
  g_clear_pointer (&centres, g_ptr_array_unref);
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres->len, ==, 2);
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->code, ==, "astana-saryarka");
  g_assert_cmpstr (((ShtatCentre *) centres->pdata[0])->name_ru, ==, "ЦПС Абай");
  shtat_lang_set_override (SHTAT_LANG_EN);
}

static GPtrArray *
import_set (void)
{
  GPtrArray *employees = employee_array ();

  g_ptr_array_add (employees, make_full ());
  g_ptr_array_add (employees, make_person ("900101300126", 1, 1, 1990, SHTAT_SEX_MALE,
                                           "Ахметов", "astana-saryarka"));
  g_ptr_array_add (employees, make_person ("061211600012", 11, 12, 2006, SHTAT_SEX_FEMALE,
                                           "Бекова", "astana-almaty"));
  g_ptr_array_add (employees, make_person ("000229500008", 29, 2, 2000, SHTAT_SEX_MALE,
                                           "Ким", "astana-almaty"));
  return employees;
}

static gint64
data_version (sqlite3 *db)
{
  return raw_int (db, "PRAGMA data_version");
}

/* Importing the same data again changes nothing; a changed file is replaced
 * under its id, a new one added. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  ShtatEmployee *kim;
  guint n_changed = 99;
  sqlite3 *observer;
  gint64 version;

  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 4);
  /* the data given is left as it was */
  g_assert_cmpint (((ShtatEmployee *) employees->pdata[0])->id, ==, 0);

  first = load_all (store);
  /* Ахметов, Бекова, Жұмабаева, Ким */
  g_assert_cmpuint (first->len, ==, 4);
  assert_same_file (g_ptr_array_index (first, 0), g_ptr_array_index (employees, 1), FALSE);
  assert_same_file (g_ptr_array_index (first, 1), g_ptr_array_index (employees, 2), FALSE);
  assert_same_file (g_ptr_array_index (first, 2), g_ptr_array_index (employees, 0), FALSE);
  assert_same_file (g_ptr_array_index (first, 3), g_ptr_array_index (employees, 3), FALSE);

  /* again: no file counted, no transaction written (another connection sees
   * no new data version) */
  observer = raw_open (f->path);
  version = data_version (observer);
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (data_version (observer), ==, version);
  again = load_all (store);
  assert_same_files (again, first);

  /* Ким's period now ends, and a new file comes */
  kim = g_ptr_array_index (employees, 3);
  g_array_index (kim->periods, ShtatWorkPeriod, 0).to = dmy (31, 12, 2024);
  g_ptr_array_add (employees, make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE,
                                           "Абаев", "astana-saryarka"));
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpint (data_version (observer), !=, version);

  changed = load_all (store);
  g_assert_cmpuint (changed->len, ==, 5);
  /* Абаев first; Ким replaced under the id he had */
  assert_same_file (g_ptr_array_index (changed, 0), g_ptr_array_index (employees, 4), FALSE);
  assert_same_file (g_ptr_array_index (changed, 4), kim, FALSE);
  g_assert_cmpint (((ShtatEmployee *) changed->pdata[4])->id, ==,
                   ((ShtatEmployee *) first->pdata[3])->id);
  for (guint i = 0; i < 3; i++)
    assert_same_file (g_ptr_array_index (changed, i + 1), g_ptr_array_index (first, i), TRUE);

  sqlite3_close (observer);
}

/* Men born on 01.01.1980 with serials 1, 2, …: the store does not check IINs,
 * but they are made valid all the same. */
static void
add_fillers (GPtrArray *employees,
             guint      n)
{
  for (guint serial = 1; n > 0; serial++)
    {
      char iin[SHTAT_IIN_LENGTH + 1];
      int check;

      g_snprintf (iin, sizeof iin, "8001013%04u0", serial);
      check = shtat_iin_check_digit (iin);
      if (check < 0)
        continue;
      iin[11] = (char) ('0' + check);
      g_ptr_array_add (employees, make_person (iin, 1, 1, 1980, SHTAT_SEX_MALE, "Сейітов",
                                               serial % 2 ? "astana-almaty" : "astana-saryarka"));
      n--;
    }
}

/* A small import into a larger database looks its files up one by one: the
 * same outcome. */
static void
test_import_small (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = employee_array ();
  g_autoptr(GPtrArray) one = employee_array ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  ShtatEmployee *full = make_full ();
  guint n_changed = 99;
  sqlite3 *observer;
  gint64 version;

  g_ptr_array_add (employees, shtat_employee_ref (full));
  add_fillers (employees, 40);
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 41);
  first = load_all (store);

  g_ptr_array_add (one, full);
  observer = raw_open (f->path);
  version = data_version (observer);
  g_assert_true (shtat_store_import (store, NULL, one, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (data_version (observer), ==, version);

  /* a certificate renewed: the file is replaced under its id */
  g_array_index (full->certificates, ShtatCertificate, 0).expires = dmy (12, 3, 2030);
  g_assert_true (shtat_store_import (store, NULL, one, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  after = load_all (store);
  g_assert_cmpuint (after->len, ==, 41);
  /* Жұмабаева sorts before the Сейітовs */
  assert_same_file (g_ptr_array_index (after, 0), full, FALSE);
  g_assert_cmpint (((ShtatEmployee *) after->pdata[0])->id, ==,
                   ((ShtatEmployee *) first->pdata[0])->id);
  for (guint i = 1; i < after->len; i++)
    assert_same_file (g_ptr_array_index (after, i), g_ptr_array_index (first, i), TRUE);

  sqlite3_close (observer);
}

/* A bad centre code in the third file: the whole import is undone, the
 * centres it brought included. */
static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) second = employee_array ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) centres_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  ShtatEmployee *changed;
  guint n_changed = 99;

  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  before = load_all (store);
  counts_before = raw_counts (f->path);

  /* 1: a changed file, 2: a new one, 3: a new one at an unknown centre, 4: a new one */
  g_ptr_array_add (centres, make_centre ("karaganda-1", "Қарағанды", "Караганда"));
  changed = shtat_employee_copy (g_ptr_array_index (employees, 1));
  g_free (changed->name);
  changed->name = g_strdup ("Ерболат");
  g_ptr_array_add (second, changed);
  g_ptr_array_add (second, make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE, "Абаев",
                                        "karaganda-1"));
  g_ptr_array_add (second, make_person ("200229500179", 29, 2, 2020, SHTAT_SEX_MALE, "Нұров",
                                        "no-such-centre"));
  g_ptr_array_add (second, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE, "Оспанова",
                                        "astana-almaty"));

  g_assert_false (shtat_store_import (store, centres, second, &n_changed, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Employee 200229500179: there is no centre with the code “no-such-centre”");
  g_assert_cmpuint (n_changed, ==, 0);

  after = load_all (store);
  assert_same_files (after, before);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);
  g_clear_error (&error);
  centres_after = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres_after->len, ==, 2);

  /* the same IIN twice in one import */
  g_clear_pointer (&second, g_ptr_array_unref);
  second = employee_array ();
  g_ptr_array_add (second, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE, "Оспанова",
                                        "astana-almaty"));
  g_ptr_array_add (second, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE, "Оспанова",
                                        "astana-almaty"));
  g_assert_false (shtat_store_import (store, NULL, second, &n_changed, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Employee 920229400559: the IIN occurs twice in the data imported");
  g_clear_pointer (&counts_after, g_free);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

/* Centres as stored, "code name_ru" each, in the order of the list. */
static char *
centre_list (ShtatStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = shtat_store_list_centres (store, &error);
  g_autoptr(GString) list = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < centres->len; i++)
    {
      const ShtatCentre *c = g_ptr_array_index (centres, i);

      g_string_append_printf (list, "%s%s %s", i > 0 ? ", " : "", c->code, c->name_ru);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A streamed import, one file at a time, does what the whole one does: the
 * same files under the same ids, and nothing written the second time. */
static void
test_import_streamed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  ShtatStoreImport *import;
  guint n_changed = 99;
  sqlite3 *observer;
  gint64 version;

  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  for (guint i = 0; i < employees->len; i++)
    {
      g_assert_true (shtat_store_import_add (import, g_ptr_array_index (employees, i), &error));
      g_assert_no_error (error);
    }
  g_assert_true (shtat_store_import_commit (import, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 4);
  /* the data given is left as it was */
  g_assert_cmpint (((ShtatEmployee *) employees->pdata[0])->id, ==, 0);

  /* Ахметов, Бекова, Жұмабаева, Ким */
  first = load_all (store);
  g_assert_cmpuint (first->len, ==, 4);
  assert_same_file (g_ptr_array_index (first, 0), g_ptr_array_index (employees, 1), FALSE);
  assert_same_file (g_ptr_array_index (first, 1), g_ptr_array_index (employees, 2), FALSE);
  assert_same_file (g_ptr_array_index (first, 2), g_ptr_array_index (employees, 0), FALSE);
  assert_same_file (g_ptr_array_index (first, 3), g_ptr_array_index (employees, 3), FALSE);

  /* again, each file looked up in the database: nothing counted, nothing
   * written (another connection sees no new data version) */
  observer = raw_open (f->path);
  version = data_version (observer);
  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < employees->len; i++)
    {
      g_assert_true (shtat_store_import_add (import, g_ptr_array_index (employees, i), &error));
      g_assert_no_error (error);
    }
  n_changed = 99;
  g_assert_true (shtat_store_import_commit (import, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (data_version (observer), ==, version);
  again = load_all (store);
  assert_same_files (again, first);

  /* the store is free for other work once the import is committed */
  g_assert_true (shtat_store_save_employee (store, g_ptr_array_index (again, 0), &error));
  g_assert_no_error (error);
  sqlite3_close (observer);
}

/* Aborting undoes everything the import wrote, the centres included, and
 * leaves the store ready for the next one. */
static void
test_import_abort (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *centres_before = NULL;
  g_autofree char *centres_after = NULL;
  g_autoptr(ShtatEmployee) changed = NULL;
  ShtatStoreImport *import;
  guint n_changed = 99;

  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  before = load_all (store);
  counts_before = raw_counts (f->path);
  centres_before = centre_list (store);

  /* a renamed centre and a new one, a changed file and a new one */
  g_free (((ShtatCentre *) centres->pdata[0])->name_ru);
  ((ShtatCentre *) centres->pdata[0])->name_ru = g_strdup ("ЦПС Абай");
  g_ptr_array_add (centres, make_centre ("karaganda-1", "Қарағанды", "Караганда"));
  changed = shtat_employee_copy (g_ptr_array_index (employees, 1));
  g_free (changed->name);
  changed->name = g_strdup ("Ерболат");

  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_store_import_add (import, changed, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ShtatEmployee) abaev = make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE,
                                                  "Абаев", "karaganda-1");

    g_assert_true (shtat_store_import_add (import, abaev, &error));
    g_assert_no_error (error);
  }
  shtat_store_import_abort (import);

  after = load_all (store);
  assert_same_files (after, before);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);
  centres_after = centre_list (store);
  g_assert_cmpstr (centres_after, ==, centres_before);

  /* g_autoptr aborts too; then the same import goes through */
  {
    g_autoptr(ShtatStoreImport) dropped = shtat_store_import_begin (store, centres, &error);

    g_assert_no_error (error);
    g_assert_true (shtat_store_import_add (dropped, changed, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&counts_after, g_free);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);

  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_store_import_add (import, changed, &error));
  g_assert_no_error (error);
  g_assert_true (shtat_store_import_commit (import, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_clear_pointer (&centres_after, g_free);
  shtat_lang_set_override (SHTAT_LANG_RU);
  centres_after = centre_list (store);
  shtat_lang_set_override (SHTAT_LANG_EN);
  /* under Russian, by the Russian name: К before Ц */
  g_assert_cmpstr (centres_after, ==,
                   "karaganda-1 Караганда, astana-saryarka ЦПС Абай, astana-almaty ЦПС района Алматы");
}

/* A file refused in the middle of a streamed import: the files added before
 * it are undone with the rest. */
static void
test_import_streamed_failure (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  g_autoptr(ShtatEmployee) abaev = make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE,
                                                "Абаев", "astana-almaty");
  g_autoptr(ShtatEmployee) nurov = make_person ("200229500179", 29, 2, 2020, SHTAT_SEX_MALE,
                                                "Нұров", "no-such-centre");
  ShtatStoreImport *import;
  guint n_changed = 99;

  g_ptr_array_add (employees, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE,
                                           "Оспанова", "astana-almaty"));
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  before = load_all (store);
  counts_before = raw_counts (f->path);

  /* 1: a changed file, 2: a new one, 3: a new one at an unknown centre */
  import = shtat_store_import_begin (store, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ShtatEmployee) changed = shtat_employee_copy (g_ptr_array_index (employees, 3));

    g_array_index (changed->periods, ShtatWorkPeriod, 0).to = dmy (31, 12, 2024);
    g_assert_true (shtat_store_import_add (import, changed, &error));
    g_assert_no_error (error);
  }
  g_assert_true (shtat_store_import_add (import, abaev, &error));
  g_assert_no_error (error);
  g_assert_false (shtat_store_import_add (import, nurov, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Employee 200229500179: there is no centre with the code “no-such-centre”");
  g_clear_error (&error);
  shtat_store_import_abort (import);

  after = load_all (store);
  assert_same_files (after, before);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);

  /* The same IIN twice: a stored one, and a new one (looked up in the
   * database, where the first is already written) */
  for (guint twice = 0; twice < 2; twice++)
    {
      ShtatEmployee *e = twice == 0 ? g_ptr_array_index (employees, 1) : abaev;

      import = shtat_store_import_begin (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (shtat_store_import_add (import, e, &error));
      g_assert_no_error (error);
      g_assert_false (shtat_store_import_add (import, e, &error));
      g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
      g_assert_cmpstr (error->message, ==,
                       twice == 0 ? "Employee 900101300126: the IIN occurs twice in the data imported"
                                  : "Employee 991231100010: the IIN occurs twice in the data imported");
      g_clear_error (&error);
      shtat_store_import_abort (import);
    }
  g_clear_pointer (&counts_after, g_free);
  counts_after = raw_counts (f->path);
  g_assert_cmpstr (counts_after, ==, counts_before);
}

/* Into an empty database, the UNIQUE index on the IIN tells the second file
 * with the same IIN; nothing of the import stays. */
static void
test_import_streamed_twice_empty (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(ShtatEmployee) abaev = make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE,
                                                "Абаев", "astana-almaty");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStoreImport) import = NULL;
  g_autofree char *counts = NULL;

  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_store_import_add (import, abaev, &error));
  g_assert_no_error (error);
  g_assert_false (shtat_store_import_add (import, abaev, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Employee 991231100010: the IIN occurs twice in the data imported");
  g_clear_pointer (&import, shtat_store_import_abort);

  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "0 0 0 0 0 0");
  g_assert_true (shtat_store_is_empty (store));
}

/* The indexes of the personnel tables, by name, as "a b c". */
static char *
raw_indexes (const char *path)
{
  sqlite3 *db = raw_open (path);
  char *names = raw_text (db, "SELECT group_concat (name, ' ') FROM"
                              " (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN"
                              "  ('employees', 'education', 'certificates', 'work_periods', 'assignments')"
                              "  ORDER BY name)");

  sqlite3_close (db);
  return names;
}

/* How SQLite would run @sql, every step of the plan joined by "; ". */
static char *
raw_plan (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s%s", plan->len > 0 ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

#define PERSONNEL_INDEXES \
  "assignments_by_centre assignments_by_employee certificates_by_employee education_by_employee " \
  "employees_by_name sqlite_autoindex_employees_1 work_periods_by_employee"

/* Checks that every index holds exactly the rows of its table, and that the
 * queries by employee and by name go through theirs. */
static void
assert_indexes_sound (const char *path)
{
  sqlite3 *db = raw_open (path);
  g_autofree char *check = raw_text (db, "PRAGMA integrity_check");
  g_autofree char *indexes = raw_indexes (path);
  g_autofree char *by_employee = raw_plan (path, "SELECT id FROM work_periods WHERE employee_id = 1");
  g_autofree char *by_name = raw_plan (path, "SELECT id FROM employees ORDER BY surname, name");

  sqlite3_close (db);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpstr (indexes, ==, PERSONNEL_INDEXES);
  g_assert_cmpstr (by_employee, ==, "SEARCH work_periods USING COVERING INDEX work_periods_by_employee (employee_id=?)");
  g_assert_cmpstr (by_name, ==, "SCAN employees USING COVERING INDEX employees_by_name");
}

/* Into an empty database the indexes of the personnel tables are the
 * engine's to build after loading: after the import they are all there,
 * whole, and the queries find the files through them. */
static void
test_import_empty_indexes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *periods = NULL;
  sqlite3 *db;
  guint n_changed = 99;

  assert_indexes_sound (f->path);
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 4);

  /* make_full: 2 education, 2 certificates, 3 periods, 2 assignments; the
   * three others one education, one period and one assignment each */
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 4 5 2 6 5");
  assert_indexes_sound (f->path);

  db = raw_open (f->path);
  by_name = raw_text (db, "SELECT group_concat (surname, ',') FROM"
                          " (SELECT surname FROM employees INDEXED BY employees_by_name"
                          "  ORDER BY surname, name)");
  periods = raw_text (db, "SELECT count(*) FROM work_periods INDEXED BY work_periods_by_employee"
                          " WHERE employee_id = (SELECT id FROM employees WHERE iin = '850415400237')");
  sqlite3_close (db);
  g_assert_cmpstr (by_name, ==, "Ахметов,Бекова,Жұмабаева,Ким");
  g_assert_cmpstr (periods, ==, "3");
}

/* An import into an empty database that fails half-way, whether at a file or
 * at the end, leaves it empty and with every index it had; the next import
 * then goes through. */
static void
test_import_empty_failure (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *indexes = NULL;
  sqlite3 *db;
  guint n_changed = 99;

  /* at a file: an unknown centre, after two good ones */
  {
    g_autoptr(GPtrArray) half = employee_array ();

    g_ptr_array_add (half, shtat_employee_ref (g_ptr_array_index (employees, 0)));
    g_ptr_array_add (half, shtat_employee_ref (g_ptr_array_index (employees, 1)));
    g_ptr_array_add (half, make_person ("200229500179", 29, 2, 2020, SHTAT_SEX_MALE, "Нұров",
                                        "no-such-centre"));
    g_ptr_array_add (half, shtat_employee_ref (g_ptr_array_index (employees, 2)));
    g_assert_false (shtat_store_import (store, centres, half, &n_changed, &error));
    g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
    g_assert_cmpuint (n_changed, ==, 0);
    g_clear_error (&error);
  }
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "0 0 0 0 0 0");
  assert_indexes_sound (f->path);
  g_assert_true (shtat_store_is_empty (store));

  /* at the end: an index that cannot hold one of the files (the absolute
   * value of the smallest integer overflows) */
  db = raw_open (f->path);
  raw_exec (db, "CREATE INDEX employees_refusing ON employees"
                " (abs (CASE surname WHEN 'Абаев' THEN -9223372036854775808 ELSE 0 END))");
  sqlite3_close (db);
  g_ptr_array_add (employees, make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE, "Абаев",
                                           "astana-almaty"));
  g_assert_false (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SHTAT_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, "integer overflow"));
  g_assert_cmpuint (n_changed, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&counts, g_free);
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "0 0 0 0 0 0");
  indexes = raw_indexes (f->path);
  g_assert_cmpstr (indexes, ==,
                   "assignments_by_centre assignments_by_employee certificates_by_employee "
                   "education_by_employee employees_by_name employees_refusing "
                   "sqlite_autoindex_employees_1 work_periods_by_employee");

  /* without that file, the same import goes through */
  db = raw_open (f->path);
  raw_exec (db, "DROP INDEX employees_refusing");
  sqlite3_close (db);
  g_ptr_array_remove_index (employees, employees->len - 1);
  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 4);
  g_clear_pointer (&counts, g_free);
  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 4 5 2 6 5");
  assert_indexes_sound (f->path);
}

/* Into a database with files, the import replaces the changed ones and adds
 * the new ones, and the indexes follow. */
static void
test_import_stored_indexes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) centres = make_centres ();
  g_autoptr(GPtrArray) employees = import_set ();
  g_autoptr(GPtrArray) second = employee_array ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatEmployee) renamed = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *kim_periods = NULL;
  sqlite3 *db;
  gint64 kim_id;
  guint n_changed = 99;

  g_assert_true (shtat_store_import (store, centres, employees, &n_changed, &error));
  g_assert_no_error (error);
  db = raw_open (f->path);
  kim_id = raw_int (db, "SELECT id FROM employees WHERE iin = '000229500008'");
  sqlite3_close (db);

  /* Ким becomes Абенов, with a second period; Ахметов and Бекова are as
   * they were; Абаев is new */
  renamed = shtat_employee_copy (g_ptr_array_index (employees, 3));
  g_free (renamed->surname);
  renamed->surname = g_strdup ("Абенов");
  shtat_employee_add_period (renamed, &(ShtatWorkPeriod) {
    .organisation = (char *) "ЦПС", .sector = SHTAT_SECTOR_SOCIAL_PROTECTION,
    .position = (char *) "psychologist", .level = SHTAT_LEVEL_HIGHER,
    .category = SHTAT_CATEGORY_NONE, .from = dmy (1, 9, 2019), .to = dmy (31, 8, 2022) });
  g_ptr_array_add (second, shtat_employee_ref (g_ptr_array_index (employees, 1)));
  g_ptr_array_add (second, shtat_employee_ref (g_ptr_array_index (employees, 2)));
  g_ptr_array_add (second, shtat_employee_ref (renamed));
  g_ptr_array_add (second, make_person ("991231100010", 31, 12, 1899, SHTAT_SEX_MALE, "Абаев",
                                        "astana-almaty"));
  g_assert_true (shtat_store_import (store, NULL, second, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);

  counts = raw_counts (f->path);
  g_assert_cmpstr (counts, ==, "2 5 6 2 8 6");
  assert_indexes_sound (f->path);
  db = raw_open (f->path);
  by_name = raw_text (db, "SELECT group_concat (surname, ',') FROM"
                          " (SELECT surname FROM employees INDEXED BY employees_by_name"
                          "  ORDER BY surname, name)");
  kim_periods = raw_text (db, "SELECT group_concat (position, ',') FROM"
                              " (SELECT position FROM work_periods INDEXED BY work_periods_by_employee"
                              "  WHERE employee_id = (SELECT id FROM employees WHERE iin = '000229500008')"
                              "  ORDER BY date_from)");
  g_assert_cmpint (raw_int (db, "SELECT id FROM employees WHERE iin = '000229500008'"), ==, kim_id);
  sqlite3_close (db);
  g_assert_cmpstr (by_name, ==, "Абаев,Абенов,Ахметов,Бекова,Жұмабаева");
  g_assert_cmpstr (kim_periods, ==, "psychologist,social-worker");
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *expected = g_strdup_printf ("“%s” is not a Shtat database, or it is damaged",
                                               f->path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "Фамилия;Имя;ИИН\n");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, text->str, (gssize) text->len, NULL));

  store = shtat_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, expected);

  /* and the file is left as it was */
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text->str);
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *expected = g_strdup_printf ("“%s” is the database of another program, "
                                               "not of Shtat", f->path);
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA application_id = 42; CREATE TABLE t (x)");
  sqlite3_close (db);

  store = shtat_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *expected = g_strdup_printf ("The database “%s” was written by a newer version "
                                               "of Shtat (schema 99; this version reads up to 3): "
                                               "update Shtat to open it", f->path);
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  db = raw_open (f->path);
  raw_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99");
  sqlite3_close (db);

  store = shtat_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==, expected);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 99);
  sqlite3_close (db);
}

/* A database of version 0 with a table of its own: backed up whole to
 * PATH.bak-v0, then brought to the current version with its table kept. */
static void
test_migration_backup (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *backup = g_strconcat (f->path, ".bak-v0", NULL);
  g_autofree char *note = NULL;
  g_autoptr(ShtatStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  db = raw_open (f->path);
  raw_exec (db, "CREATE TABLE notes (text TEXT);"
                "INSERT INTO notes VALUES ('штат 2023');"
                "PRAGMA user_version = 0");
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (shtat_store_get_schema_version (store), ==, 3);

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  db = raw_open (backup);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 0);
  note = raw_text (db, "SELECT text FROM notes");
  g_assert_cmpstr (note, ==, "штат 2023");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'employees'"),
                   ==, 0);
  sqlite3_close (db);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM notes"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'employees'"),
                   ==, 1);
  sqlite3_close (db);
}

/* A folder nobody may write to. Root writes anywhere, so under root the check
 * runs as "nobody" for the moment it takes. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *expected = g_strdup_printf ("Cannot open the database “%s”: %s",
                                               f->path, g_strerror (EACCES));
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  uid_t euid = geteuid ();

  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  if (euid == 0 && seteuid (65534) != 0)
    {
      g_test_skip ("running as root and cannot become nobody");
      return;
    }

  store = shtat_store_open (f->path, &error);

  if (euid == 0)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_null (store);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------ */
/* Centre profiles, the calendar and the pay grid (schema 3)                */

static GDate
first_of (int year,
          int month_number)
{
  return dmy (1, (guint) month_number, (guint) year);
}

/* A profile with counts for January–March 2025, vehicles, beds, a lift and a
 * chosen period. */
static ShtatCentreProfile *
make_profile (const char *code)
{
  ShtatCentreProfile *profile = shtat_centre_profile_new (code);
  ShtatMonth from = { 2025, 1 }, to = { 2025, 3 };

  for (int m = 1; m <= 3; m++)
    for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
      {
        ShtatMonth mo = { 2025, m };

        g_assert_true (shtat_centre_profile_set_appeals (profile, &mo, c, m * 100 + c, NULL));
      }
  g_assert_true (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 2, NULL));
  g_assert_true (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_BEDS, 30, NULL));
  shtat_centre_profile_set_flag (profile, SHTAT_FLAG_HAS_LIFT, TRUE);
  g_assert_true (shtat_centre_profile_set_period (profile, &from, &to, NULL));
  return profile;
}

static void
test_profile_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCentreProfile) profile = make_profile ("astana-almaty");
  g_autoptr(ShtatCentreProfile) loaded = NULL;
  g_autoptr(ShtatCentreProfile) other = NULL;
  g_autoptr(ShtatCentreProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  ShtatMonth feb = { 2025, 2 };
  gint64 count = 0;
  sqlite3 *db;

  save_centres (store);

  /* nothing stored yet: an empty profile */
  loaded = shtat_store_load_centre_profile (store, "astana-almaty", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->appeals->len, ==, 0);
  g_assert_false (loaded->set[SHTAT_DRIVER_VEHICLES]);
  g_assert_cmpint (loaded->period_from.year, ==, 0);
  g_clear_pointer (&loaded, shtat_centre_profile_unref);

  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_no_error (error);
  loaded = shtat_store_load_centre_profile (store, "astana-almaty", &error);
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_equal (profile, loaded));
  /* 3 months × 5 channels; February's contact centre count is 2 × 100 + 1 */
  g_assert_cmpuint (loaded->appeals->len, ==, 15);
  g_assert_true (shtat_centre_profile_get_appeals (loaded, &feb, SHTAT_APPEAL_CONTACT_111, &count));
  g_assert_cmpint (count, ==, 201);
  /* in the act's order of channels, not in the order of their codes */
  g_assert_cmpint (g_array_index (loaded->appeals, ShtatAppealCount, 0).channel, ==, SHTAT_APPEAL_SELF);
  g_assert_cmpint (g_array_index (loaded->appeals, ShtatAppealCount, 4).channel, ==, SHTAT_APPEAL_MEDIA);

  /* the other centre is untouched */
  other = shtat_store_load_centre_profile (store, "astana-saryarka", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->appeals->len, ==, 0);

  /* saving again replaces the whole profile: a count removed is gone */
  g_assert_true (shtat_centre_profile_remove_appeals (profile, &feb, SHTAT_APPEAL_MEDIA));
  shtat_centre_profile_unset_driver (profile, SHTAT_DRIVER_BEDS);
  shtat_centre_profile_set_flag (profile, SHTAT_FLAG_HAS_LIFT, FALSE);
  g_assert_true (shtat_centre_profile_set_period (profile, NULL, NULL, NULL));
  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_no_error (error);
  again = shtat_store_load_centre_profile (store, "astana-almaty", &error);
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_equal (profile, again));
  g_assert_cmpuint (again->appeals->len, ==, 14);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM centre_appeals"), ==, 14);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM centre_drivers"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count FROM centre_appeals WHERE month = '2025-03' AND channel = 'self'"),
                   ==, 300);
  sqlite3_close (db);
}

static void
test_profile_unknown_centre (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCentreProfile) profile = make_profile ("nowhere");
  g_autoptr(ShtatCentreProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = shtat_store_load_centre_profile (store, "nowhere", &error);
  g_assert_null (loaded);
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no centre “nowhere”");
  g_clear_error (&error);

  g_assert_false (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
}

/* Invalid data is refused before anything is written; a failure in the middle
 * of the writing (here a trigger that stands for a full disk) leaves the
 * stored profile as it was. */
static void
test_profile_failed_save (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCentreProfile) profile = make_profile ("astana-almaty");
  g_autoptr(ShtatCentreProfile) changed = NULL;
  g_autoptr(ShtatCentreProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ShtatAppealCount negative = { { 2025, 4 }, SHTAT_APPEAL_MEDIA, -3 };
  ShtatMonth jan = { 2025, 1 };
  sqlite3 *db;

  save_centres (store);
  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_no_error (error);

  changed = shtat_centre_profile_copy (profile);
  g_array_append_val (changed->appeals, negative);
  g_assert_false (shtat_store_save_centre_profile (store, changed, &error));
  g_assert_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Appeals of 04.2025, Mass media and social networks: the count -3 is negative");
  g_clear_error (&error);

  /* the appeals are written before the drivers: the trigger fails the
   * transaction after the old rows are deleted and the new counts are in */
  g_array_set_size (changed->appeals, changed->appeals->len - 1);
  g_assert_true (shtat_centre_profile_set_appeals (changed, &jan, SHTAT_APPEAL_SELF, 9999, NULL));
  db = raw_open (f->path);
  raw_exec (db, "CREATE TRIGGER fail BEFORE INSERT ON centre_drivers BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  sqlite3_close (db);
  g_assert_false (shtat_store_save_centre_profile (store, changed, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Profile of the centre astana-almaty: disk full");
  g_clear_error (&error);

  loaded = shtat_store_load_centre_profile (store, "astana-almaty", &error);
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_equal (profile, loaded));
}

/* A centre renamed takes its profile along. */
static void
test_profile_follows_centre (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCentreProfile) profile = make_profile ("astana-almaty");
  g_autoptr(ShtatCentreProfile) loaded = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GError) error = NULL;

  save_centres (store);
  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < centres->len; i++)
    {
      ShtatCentre *centre = g_ptr_array_index (centres, i);

      if (g_str_equal (centre->code, "astana-almaty"))
        {
          g_free (centre->code);
          centre->code = g_strdup ("astana-almaty-2");
          g_assert_true (shtat_store_save_centre (store, centre, &error));
          g_assert_no_error (error);
        }
    }
  loaded = shtat_store_load_centre_profile (store, "astana-almaty-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->appeals->len, ==, 15);
  g_assert_true (loaded->set[SHTAT_DRIVER_VEHICLES]);
}

static void
test_calendar_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  g_autoptr(ShtatCalendar) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate nauryz = dmy (23, 3, 2026), saturday = dmy (7, 3, 2026), monday = dmy (9, 3, 2026);
  ShtatMonth march = { 2026, 3 };
  GPtrArray *days;

  loaded = shtat_store_load_calendar (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_calendar_get_days (loaded)->len, ==, 0);
  g_clear_pointer (&loaded, shtat_calendar_unref);

  g_assert_true (shtat_calendar_set_day (calendar, &nauryz, FALSE, "Наурыз мейрамы", NULL));
  g_assert_true (shtat_calendar_set_day (calendar, &monday, FALSE, NULL, NULL));
  g_assert_true (shtat_calendar_set_day (calendar, &saturday, TRUE, "перенос", NULL));
  g_assert_true (shtat_store_save_calendar (store, calendar, &error));
  g_assert_no_error (error);

  loaded = shtat_store_load_calendar (store, &error);
  g_assert_no_error (error);
  days = shtat_calendar_get_days (loaded);
  g_assert_cmpuint (days->len, ==, 3);
  assert_date (&((ShtatCalendarDay *) g_ptr_array_index (days, 0))->date, &saturday);
  g_assert_true (((ShtatCalendarDay *) g_ptr_array_index (days, 0))->working);
  g_assert_cmpstr (((ShtatCalendarDay *) g_ptr_array_index (days, 2))->note, ==, "Наурыз мейрамы");
  g_assert_null (((ShtatCalendarDay *) g_ptr_array_index (days, 1))->note);
  /* March 2026 begins on a Sunday: 22 weekdays (Mon 2 to Tue 31), less two
   * holidays, plus one working Saturday: 21 */
  g_assert_cmpuint (shtat_calendar_count_month (loaded, &march), ==, 21);

  /* saving replaces every exception */
  g_assert_true (shtat_calendar_remove_day (calendar, &monday));
  g_assert_true (shtat_store_save_calendar (store, calendar, &error));
  g_clear_pointer (&loaded, shtat_calendar_unref);
  loaded = shtat_store_load_calendar (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_calendar_get_days (loaded)->len, ==, 2);
}

/* SAMPLE figures, not those of Decree 1193. */
static ShtatPayGrid *
make_grid (void)
{
  ShtatPayGrid *grid = shtat_pay_grid_new ();
  GDate y2025 = first_of (2025, 1), y2026 = first_of (2026, 1);

  g_assert_true (shtat_pay_grid_add_base (grid, &y2025, 1769700, NULL));
  g_assert_true (shtat_pay_grid_add_base (grid, &y2026, 2000000, NULL));
  g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", "1", 0, &y2025, 30000, NULL));
  g_assert_true (shtat_pay_grid_add_coefficient (grid, "B2", "1", 5, &y2025, 35000, NULL));
  g_assert_true (shtat_pay_grid_add_coefficient (grid, "B3", NULL, 0, &y2025, 20000, NULL));
  g_assert_true (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 5, NULL));
  g_assert_true (shtat_pay_grid_set_position (grid, "driver", "B3", NULL, 0, NULL));
  return grid;
}

static void
test_pay_grid_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatPayGrid) grid = make_grid ();
  g_autoptr(ShtatPayGrid) loaded = NULL;
  g_autoptr(ShtatPayGrid) again = NULL;
  g_autoptr(GError) error = NULL;
  GDate on = dmy (1, 6, 2026), y2025 = first_of (2025, 1);
  gint64 salary = 0;
  g_autofree char *grade = NULL;

  loaded = shtat_store_load_pay_grid (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_pay_grid_get_bases (loaded)->len, ==, 0);
  g_clear_pointer (&loaded, shtat_pay_grid_unref);

  g_assert_true (shtat_store_save_pay_grid (store, grid, &error));
  g_assert_no_error (error);
  loaded = shtat_store_load_pay_grid (store, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_equal (grid, loaded));
  g_assert_null (((ShtatPayCoefficient *) g_ptr_array_index (shtat_pay_grid_get_coefficients (loaded), 2))->category);
  /* 20 000,00 ₸ × 3.5 = 70 000,00 ₸ on 01.06.2026 */
  g_assert_true (shtat_pay_grid_position_salary (loaded, "psychologist", &on, &salary, &grade, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salary, ==, 7000000);
  g_assert_cmpstr (grade, ==, "B2-1");

  /* one entry removed, one changed: saved as one unit */
  g_assert_true (shtat_pay_grid_remove_position (loaded, "driver"));
  g_assert_true (shtat_pay_grid_add_coefficient (loaded, "B3", NULL, 0, &y2025, 21000, NULL));
  g_assert_true (shtat_store_save_pay_grid (store, loaded, &error));
  g_assert_no_error (error);
  again = shtat_store_load_pay_grid (store, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_equal (loaded, again));
  g_assert_false (shtat_pay_grid_equal (grid, again));
  g_assert_cmpuint (shtat_pay_grid_get_positions (again)->len, ==, 1);
}

/* A save that fails half-way leaves the stored grid whole. */
static void
test_pay_grid_failed_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(ShtatPayGrid) grid = make_grid ();
  g_autoptr(ShtatPayGrid) changed = make_grid ();
  g_autoptr(ShtatPayGrid) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate y2027 = first_of (2027, 1);
  sqlite3 *db;

  g_assert_true (shtat_store_save_pay_grid (store, grid, &error));
  g_assert_true (shtat_pay_grid_add_base (changed, &y2027, 2100000, NULL));
  g_assert_true (shtat_pay_grid_remove_position (changed, "psychologist"));

  db = raw_open (f->path);
  raw_exec (db, "CREATE TRIGGER fail BEFORE INSERT ON pay_positions BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  sqlite3_close (db);
  g_assert_false (shtat_store_save_pay_grid (store, changed, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Placement of the position driver: disk full");
  g_clear_error (&error);

  loaded = shtat_store_load_pay_grid (store, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_equal (grid, loaded));
}

/* A database written by the version before (schema 2: personnel files and
 * schedules) opens as schema 3: backed up first to PATH.bak-v2, its data kept,
 * the new tables there to use. The tables are created here as version 2
 * created them. */
static void
test_migration_from_2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *backup = g_strconcat (f->path, ".bak-v2", NULL);
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(ShtatCentreProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  db = raw_open (f->path);
  raw_exec (db,
            "CREATE TABLE centres (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE,"
            "  name_kk TEXT, name_ru TEXT, district TEXT, akimat TEXT);"
            "CREATE TABLE employees (id INTEGER PRIMARY KEY AUTOINCREMENT, iin TEXT NOT NULL UNIQUE,"
            "  surname TEXT NOT NULL, name TEXT NOT NULL, patronymic TEXT, birth_date TEXT, sex INTEGER NOT NULL);"
            "CREATE TABLE education (id INTEGER PRIMARY KEY, employee_id INTEGER NOT NULL REFERENCES employees (id)"
            "  ON DELETE CASCADE, level TEXT NOT NULL, field TEXT, relevant INTEGER NOT NULL DEFAULT 0,"
            "  specialty TEXT, institution TEXT, diploma TEXT, year INTEGER);"
            "CREATE TABLE certificates (id INTEGER PRIMARY KEY, employee_id INTEGER NOT NULL REFERENCES employees (id)"
            "  ON DELETE CASCADE, kind TEXT NOT NULL, number TEXT, issued TEXT, expires TEXT);"
            "CREATE TABLE work_periods (id INTEGER PRIMARY KEY, employee_id INTEGER NOT NULL REFERENCES employees (id)"
            "  ON DELETE CASCADE, organisation TEXT, sector TEXT NOT NULL, position TEXT, level TEXT, category TEXT,"
            "  managerial INTEGER NOT NULL DEFAULT 0, date_from TEXT, date_to TEXT);"
            "CREATE TABLE assignments (id INTEGER PRIMARY KEY, employee_id INTEGER NOT NULL REFERENCES employees (id)"
            "  ON DELETE CASCADE, centre_id INTEGER NOT NULL REFERENCES centres (id), position TEXT NOT NULL,"
            "  level TEXT, category TEXT, rate INTEGER NOT NULL, date_from TEXT, date_to TEXT);"
            "CREATE INDEX employees_by_name ON employees (surname, name);"
            "CREATE INDEX education_by_employee ON education (employee_id);"
            "CREATE INDEX certificates_by_employee ON certificates (employee_id);"
            "CREATE INDEX work_periods_by_employee ON work_periods (employee_id);"
            "CREATE INDEX assignments_by_employee ON assignments (employee_id);"
            "CREATE INDEX assignments_by_centre ON assignments (centre_id);"
            "CREATE TABLE schedules (id INTEGER PRIMARY KEY, centre_code TEXT NOT NULL,"
            "  version INTEGER NOT NULL CHECK (version > 0), status TEXT NOT NULL, sha256 TEXT, xml BLOB NOT NULL,"
            "  UNIQUE (centre_code, version));"
            "PRAGMA application_id = 1399354465;"
            "INSERT INTO centres (code, name_kk, name_ru) VALUES ('astana-almaty', 'Алматы ауданының ОҚО', 'ЦПС');"
            "INSERT INTO employees (iin, surname, name, birth_date, sex) VALUES ('900101300126', 'Ахметова', 'Айгүл',"
            "  '1990-01-01', 1);"
            "INSERT INTO assignments (employee_id, centre_id, position, rate, date_from)"
            "  VALUES (1, 1, 'psychologist', 100, '2020-09-01');"
            "INSERT INTO schedules (centre_code, version, status, xml) VALUES ('astana-almaty', 1, 'draft', x'3c782f3e');"
            "PRAGMA user_version = 2");
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (shtat_store_get_schema_version (store), ==, 3);

  /* the backup is the version 2 file, whole */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  db = raw_open (backup);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM employees"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'centre_appeals'"), ==, 0);
  sqlite3_close (db);

  /* the data is kept */
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres->len, ==, 1);
  g_assert_cmpstr (((ShtatCentre *) g_ptr_array_index (centres, 0))->code, ==, "astana-almaty");
  employees = shtat_store_load_employees (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (employees->len, ==, 1);
  g_assert_cmpstr (((ShtatEmployee *) g_ptr_array_index (employees, 0))->iin, ==, "900101300126");
  g_assert_cmpuint (((ShtatEmployee *) g_ptr_array_index (employees, 0))->assignments->len, ==, 1);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 3);
  status = raw_text (db, "SELECT status FROM schedules WHERE centre_code = 'astana-almaty' AND version = 1");
  g_assert_cmpstr (status, ==, "draft");
  sqlite3_close (db);

  /* and the new tables are there to use */
  profile = make_profile ("astana-almaty");
  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_no_error (error);
  loaded = shtat_store_load_centre_profile (store, "astana-almaty", &error);
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_equal (profile, loaded));

  /* opened again: nothing more to migrate, no new backup */
  g_clear_object (&store);
  g_assert_cmpint (g_unlink (backup), ==, 0);
  store = open_store (f->path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* A repeated IIN found by the database leaves its mark on the connection; a
 * later failure on the same connection that never reaches the database (an
 * unknown centre) is reported as what it is, not as a repeated IIN. */
static void
test_import_error_after_duplicate (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f->path);
  g_autoptr(GPtrArray) twice = employee_array ();
  g_autoptr(GPtrArray) lost = employee_array ();
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  save_centres (store);
  /* an empty database: the repeat is found by the UNIQUE index */
  g_ptr_array_add (twice, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE, "Оспанова",
                                       "astana-almaty"));
  g_ptr_array_add (twice, make_person ("920229400559", 29, 2, 1992, SHTAT_SEX_FEMALE, "Оспанова",
                                       "astana-almaty"));
  g_assert_false (shtat_store_import (store, NULL, twice, &n_changed, &error));
  g_assert_cmpstr (error->message, ==,
                   "Employee 920229400559: the IIN occurs twice in the data imported");
  g_clear_error (&error);

  g_ptr_array_add (lost, make_person ("900101300126", 1, 1, 1990, SHTAT_SEX_MALE, "Ахметов", "astana-esil"));
  g_assert_false (shtat_store_import (store, NULL, lost, &n_changed, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Employee 900101300126: there is no centre with the code “astana-esil”");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  shtat_lang_set_override (SHTAT_LANG_EN);

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("permissions-tightened", test_permissions_tightened);
  ADD ("round-trip", test_round_trip);
  ADD ("load-many", test_load_many);
  ADD ("shared-texts", test_shared_texts);
  ADD ("engine-parameters", test_engine_parameters);
  ADD ("load-large", test_load_large);
  ADD ("update", test_update);
  ADD ("delete", test_delete);
  ADD ("unique-iin", test_unique_iin);
  ADD ("unknown-centre", test_unknown_centre);
  ADD ("centres", test_centres);
  ADD ("import", test_import);
  ADD ("import-small", test_import_small);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
  ADD ("import-streamed", test_import_streamed);
  ADD ("import-abort", test_import_abort);
  ADD ("import-streamed-failure", test_import_streamed_failure);
  ADD ("import-streamed-twice-empty", test_import_streamed_twice_empty);
  ADD ("import-empty-indexes", test_import_empty_indexes);
  ADD ("import-empty-failure", test_import_empty_failure);
  ADD ("import-stored-indexes", test_import_stored_indexes);
  ADD ("import-error-after-duplicate", test_import_error_after_duplicate);
  ADD ("not-sqlite", test_not_sqlite);
  ADD ("other-program", test_other_program);
  ADD ("newer-version", test_newer_version);
  ADD ("migration-backup", test_migration_backup);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("profile-round-trip", test_profile_round_trip);
  ADD ("profile-unknown-centre", test_profile_unknown_centre);
  ADD ("profile-failed-save", test_profile_failed_save);
  ADD ("profile-follows-centre", test_profile_follows_centre);
  ADD ("calendar-round-trip", test_calendar_round_trip);
  ADD ("pay-grid-round-trip", test_pay_grid_round_trip);
  ADD ("pay-grid-failed-save", test_pay_grid_failed_save);
  ADD ("migration-from-2", test_migration_from_2);

#undef ADD

  return g_test_run ();
}
