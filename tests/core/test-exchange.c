/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-exchange"

/* Personnel exchange files (docs/personnel-exchange.md): the XML format read
 * back to the same records and written byte for byte as the fixture, every kind
 * of bad record answered with the file, line, record and field, hostile XML
 * refused before anything is expanded or written, CSV tables in UTF-8 and
 * Windows-1251, and imports that are all or nothing and change nothing the
 * second time. The IINs are those of test-iin.c, where their check digits are
 * worked out by hand; the fixtures are in tests/data/personnel/. */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "shtat-core.h"
#include "shtat-personnel-exchange-private.h"

static ShtatNormLibrary *library;

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

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

  f->dir = g_dir_make_tmp ("shtat-exchange-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *data_dir;

/* tests/data/personnel, through G_TEST_SRCDIR (tests/, set by meson). */
static void
find_data_dir (void)
{
  g_autofree char *probe = NULL;

  data_dir = g_test_build_filename (G_TEST_DIST, "data", "personnel", NULL);
  probe = g_build_filename (data_dir, "valid.xml", NULL);
  g_assert_true (g_file_test (probe, G_FILE_TEST_IS_REGULAR));
}

static char *
data_path (const char *name)
{
  return g_build_filename (data_dir, name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static ShtatStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "shtat.db", NULL);
  ShtatStore *store = shtat_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

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

/* Every check is made as of 1 June 2025. */
static GDate
today (void)
{
  return dmy (1, 6, 2025);
}

static void
assert_date (const GDate *date,
             guint        day,
             guint        month,
             guint        year)
{
  GDate expected = dmy (day, month, year);

  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_compare (date, &expected), ==, 0);
}

static void
assert_same_date (const GDate *a,
                  const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

/* Field by field, the ids left out (a file has none). */
static void
assert_same_employee (const ShtatEmployee *a,
                      const ShtatEmployee *b)
{
  g_assert_cmpstr (a->iin, ==, b->iin);
  g_assert_cmpstr (a->surname, ==, b->surname);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->patronymic, ==, b->patronymic);
  assert_same_date (&a->birth_date, &b->birth_date);
  g_assert_cmpint (a->sex, ==, b->sex);

  g_assert_cmpuint (a->education->len, ==, b->education->len);
  for (guint i = 0; i < a->education->len; i++)
    {
      const ShtatEducation *x = &g_array_index (a->education, ShtatEducation, i);
      const ShtatEducation *y = &g_array_index (b->education, ShtatEducation, i);

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

      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->number, ==, y->number);
      assert_same_date (&x->issued, &y->issued);
      assert_same_date (&x->expires, &y->expires);
    }

  g_assert_cmpuint (a->periods->len, ==, b->periods->len);
  for (guint i = 0; i < a->periods->len; i++)
    {
      const ShtatWorkPeriod *x = &g_array_index (a->periods, ShtatWorkPeriod, i);
      const ShtatWorkPeriod *y = &g_array_index (b->periods, ShtatWorkPeriod, i);

      g_assert_cmpstr (x->organisation, ==, y->organisation);
      g_assert_cmpint (x->sector, ==, y->sector);
      g_assert_cmpstr (x->position, ==, y->position);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->managerial, ==, y->managerial);
      assert_same_date (&x->from, &y->from);
      assert_same_date (&x->to, &y->to);
    }

  g_assert_cmpuint (a->assignments->len, ==, b->assignments->len);
  for (guint i = 0; i < a->assignments->len; i++)
    {
      const ShtatAssignment *x = &g_array_index (a->assignments, ShtatAssignment, i);
      const ShtatAssignment *y = &g_array_index (b->assignments, ShtatAssignment, i);

      g_assert_cmpstr (x->centre_code, ==, y->centre_code);
      g_assert_cmpstr (x->position, ==, y->position);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->rate, ==, y->rate);
      assert_same_date (&x->from, &y->from);
      assert_same_date (&x->to, &y->to);
    }
}

static int
by_iin (gconstpointer a,
        gconstpointer b)
{
  const ShtatEmployee *x = *(ShtatEmployee * const *) a;
  const ShtatEmployee *y = *(ShtatEmployee * const *) b;

  return strcmp (x->iin, y->iin);
}

/* The same personnel files, whatever their order. */
static void
assert_same_employees (GPtrArray *a,
                       GPtrArray *b)
{
  /* Borrowed pointers: g_ptr_array_copy() would keep the free function. */
  g_autoptr(GPtrArray) x = g_ptr_array_new ();
  g_autoptr(GPtrArray) y = g_ptr_array_new ();

  for (guint i = 0; i < a->len; i++)
    g_ptr_array_add (x, g_ptr_array_index (a, i));
  for (guint i = 0; i < b->len; i++)
    g_ptr_array_add (y, g_ptr_array_index (b, i));
  g_assert_cmpuint (x->len, ==, y->len);
  g_ptr_array_sort (x, by_iin);
  g_ptr_array_sort (y, by_iin);
  for (guint i = 0; i < x->len; i++)
    assert_same_employee (g_ptr_array_index (x, i), g_ptr_array_index (y, i));
}

static GPtrArray *
load_employees (ShtatStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *employees = shtat_store_load_employees (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (employees);
  return employees;
}

static void
read_valid_xml (GPtrArray **centres,
                GPtrArray **employees)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("valid.xml");

  g_assert_true (shtat_personnel_xml_read (path, centres, employees, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* "FILE:LINE: " and every part, in this order. */
static void
assert_message (const GError       *error,
                const char         *file,
                guint               line,
                const char * const *parts)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", file, line);
  const char *at;

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  at = error->message + strlen (prefix);
  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *found = strstr (at, parts[i]);

      if (found == NULL)
        g_error ("“%s” not in “%s”", parts[i], error->message);
      at = found + strlen (parts[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* XML                                                                      */

/* valid.xml, read field by field. */
static void
test_xml_read (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  ShtatCentre *bostandyk, *esil;
  ShtatEmployee *akhmetov, *ivanova;
  const ShtatEducation *ed;
  const ShtatCertificate *cert;
  const ShtatWorkPeriod *p;
  const ShtatAssignment *a;

  read_valid_xml (&centres, &employees);
  g_assert_cmpuint (centres->len, ==, 2);
  g_assert_cmpuint (employees->len, ==, 2);

  bostandyk = g_ptr_array_index (centres, 0);
  esil = g_ptr_array_index (centres, 1);
  g_assert_cmpstr (bostandyk->code, ==, "almaty-bostandyk");
  g_assert_cmpstr (bostandyk->name_kk, ==, "Бостандық ауданының отбасын қолдау орталығы");
  g_assert_cmpstr (bostandyk->name_ru, ==, "Центр поддержки семьи Бостандыкского района");
  g_assert_cmpstr (bostandyk->district, ==, "Алматы, Бостандық ауданы");
  g_assert_cmpstr (bostandyk->akimat, ==, "Алматы қаласының әкімдігі");
  g_assert_cmpstr (esil->code, ==, "astana-esil");
  g_assert_null (esil->district);
  g_assert_null (esil->akimat);

  /* Line 5: 900101300126, a man born 01.01.1990 (test-iin.c). */
  akhmetov = g_ptr_array_index (employees, 0);
  g_assert_cmpstr (akhmetov->iin, ==, "900101300126");
  g_assert_cmpstr (akhmetov->surname, ==, "Ахметов");
  g_assert_cmpstr (akhmetov->name, ==, "Ерлан");
  g_assert_cmpstr (akhmetov->patronymic, ==, "Серікұлы");
  assert_date (&akhmetov->birth_date, 1, 1, 1990);
  g_assert_cmpint (akhmetov->sex, ==, SHTAT_SEX_MALE);
  g_assert_cmpuint (akhmetov->education->len, ==, 1);
  ed = &g_array_index (akhmetov->education, ShtatEducation, 0);
  g_assert_cmpint (ed->level, ==, SHTAT_EDUCATION_HIGHER);
  g_assert_cmpint (ed->field, ==, SHTAT_FIELD_SOCIAL_WORK);
  g_assert_true (ed->relevant);
  g_assert_cmpstr (ed->specialty, ==, "Әлеуметтік жұмыс");
  g_assert_cmpstr (ed->diploma, ==, "ЖБ-Б 0123456");
  g_assert_cmpuint (ed->year, ==, 2012);
  g_assert_cmpuint (akhmetov->certificates->len, ==, 1);
  cert = &g_array_index (akhmetov->certificates, ShtatCertificate, 0);
  g_assert_cmpstr (cert->kind, ==, "social-training");
  assert_date (&cert->issued, 10, 3, 2020);
  assert_date (&cert->expires, 10, 3, 2025);
  g_assert_cmpuint (akhmetov->periods->len, ==, 4);
  /* Line 8: the escaped quotes, ampersand and angle brackets come back as text. */
  p = &g_array_index (akhmetov->periods, ShtatWorkPeriod, 0);
  g_assert_cmpstr (p->organisation, ==, "ТОО \"Бота, К°\" & <филиал>");
  g_assert_cmpint (p->sector, ==, SHTAT_SECTOR_OTHER);
  g_assert_cmpstr (p->position, ==, "Менеджер");
  g_assert_cmpint (p->level, ==, -1);
  g_assert_cmpint (p->category, ==, -1);
  g_assert_false (p->managerial);
  assert_date (&p->from, 1, 6, 2010);
  assert_date (&p->to, 31, 8, 2012);
  /* Line 11: still open. */
  p = &g_array_index (akhmetov->periods, ShtatWorkPeriod, 3);
  g_assert_cmpint (p->sector, ==, SHTAT_SECTOR_SOCIAL_PROTECTION);
  g_assert_cmpstr (p->position, ==, "social-worker");
  g_assert_cmpint (p->level, ==, SHTAT_LEVEL_HIGHER);
  g_assert_cmpint (p->category, ==, SHTAT_CATEGORY_FIRST);
  g_assert_false (g_date_valid (&p->to));
  g_assert_cmpuint (akhmetov->assignments->len, ==, 1);
  a = &g_array_index (akhmetov->assignments, ShtatAssignment, 0);
  g_assert_cmpstr (a->centre_code, ==, "almaty-bostandyk");
  g_assert_cmpint (a->rate, ==, 100);

  /* Line 14: 850415400237, a woman born 15.04.1985. */
  ivanova = g_ptr_array_index (employees, 1);
  g_assert_cmpstr (ivanova->iin, ==, "850415400237");
  g_assert_cmpint (ivanova->sex, ==, SHTAT_SEX_FEMALE);
  g_assert_cmpuint (ivanova->education->len, ==, 2);
  ed = &g_array_index (ivanova->education, ShtatEducation, 0);
  g_assert_cmpint (ed->level, ==, SHTAT_EDUCATION_SECONDARY_VOCATIONAL);
  g_assert_false (ed->relevant);
  g_assert_null (ed->institution);
  g_assert_cmpuint (ivanova->certificates->len, ==, 0);
  g_assert_cmpuint (ivanova->periods->len, ==, 1);
  g_assert_true (g_array_index (ivanova->periods, ShtatWorkPeriod, 0).managerial);
  g_assert_cmpuint (ivanova->assignments->len, ==, 2);
  /* rate="0.5" and rate="0.25", in hundredths */
  g_assert_cmpint (g_array_index (ivanova->assignments, ShtatAssignment, 0).rate, ==, 50);
  a = &g_array_index (ivanova->assignments, ShtatAssignment, 1);
  g_assert_cmpint (a->rate, ==, 25);
  g_assert_cmpint (a->category, ==, SHTAT_CATEGORY_NONE);
  assert_date (&a->to, 31, 12, 2024);
}

static gboolean
validates_against_schema (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/shtat/Shtat/norms/personnel.rng", 0, NULL);
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize len;
  const char *rng;
  int rc;

  g_assert_nonnull (bytes);
  rng = g_bytes_get_data (bytes, &len);
  pctxt = xmlRelaxNGNewMemParserCtxt (rng, (int) len);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlFreeDoc (doc);
  return rc == 0;
}

/* Export writes valid.xml back byte for byte (it is written in the exporter's
 * form: two spaces, attributes in the documented order), the output follows
 * the schema, and reads back to the same records. */
static void
test_xml_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) centres2 = NULL;
  g_autoptr(GPtrArray) employees2 = NULL;
  g_autofree char *golden = data_path ("valid.xml");
  g_autofree char *out = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  GStatBuf st;

  read_valid_xml (&centres, &employees);
  g_assert_true (shtat_personnel_xml_write (out, centres, employees, &error));
  g_assert_no_error (error);

  g_file_get_contents (golden, &expected, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (out, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);

  g_assert_true (validates_against_schema (out));

  /* personal data: readable by its owner only */
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (shtat_personnel_xml_read (out, &centres2, &employees2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_employees (employees, employees2);
  g_assert_cmpuint (centres2->len, ==, centres->len);
  for (guint i = 0; i < centres->len; i++)
    {
      ShtatCentre *a = g_ptr_array_index (centres, i);
      ShtatCentre *b = g_ptr_array_index (centres2, i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpstr (a->name_kk, ==, b->name_kk);
      g_assert_cmpstr (a->name_ru, ==, b->name_ru);
      g_assert_cmpstr (a->district, ==, b->district);
      g_assert_cmpstr (a->akimat, ==, b->akimat);
    }
}

/* Every name of every enumeration goes out and comes back: the schema's lists
 * are those of shtat-norms.h and shtat-personnel.h. */
static void
test_xml_every_name (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *out = g_build_filename (f->dir, "names.xml", NULL);
  g_autoptr(ShtatEmployee) e = shtat_employee_new ();
  guint n = MAX (MAX ((guint) SHTAT_N_EDUCATION_LEVELS, (guint) SHTAT_N_FIELDS), (guint) SHTAT_N_SECTORS);

  g_strlcpy (e->iin, "850415400237", sizeof e->iin);
  e->surname = g_strdup ("Иванова");
  e->name = g_strdup ("Мария");
  e->birth_date = dmy (15, 4, 1985);
  e->sex = SHTAT_SEX_FEMALE;
  for (guint i = 0; i < n; i++)
    {
      ShtatEducation ed = { 0 };
      ShtatWorkPeriod p = { 0 };
      ShtatAssignment a = { 0 };

      ed.level = (ShtatEducationLevel) (i % SHTAT_N_EDUCATION_LEVELS);
      ed.field = (int) (i % SHTAT_N_FIELDS);
      ed.relevant = i % 2;
      ed.year = 2005 + i;
      shtat_employee_add_education (e, &ed);

      p.organisation = (char *) "Орталық";
      p.sector = (ShtatSector) (i % SHTAT_N_SECTORS);
      p.level = (int) (i % SHTAT_N_LEVELS);
      p.category = (int) (i % SHTAT_N_CATEGORIES);
      p.managerial = i % 2;
      p.from = dmy (1, 1, 2005 + i);
      shtat_employee_add_period (e, &p);

      a.centre_code = (char *) "astana-esil";
      a.position = (char *) "social-worker";
      a.level = (int) (i % SHTAT_N_LEVELS);
      a.category = (int) (i % SHTAT_N_CATEGORIES);
      a.rate = 25 * (int) (i % 8 + 1); /* 0.25 … 2 */
      a.from = dmy (1, 1, 2005 + i);
      shtat_employee_add_assignment (e, &a);
    }
  g_ptr_array_add (employees, g_steal_pointer (&e));

  g_assert_true (shtat_personnel_xml_write (out, NULL, employees, &error));
  g_assert_no_error (error);
  g_assert_true (validates_against_schema (out));
  g_assert_true (shtat_personnel_xml_read (out, NULL, &back, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_employees (employees, back);
}

/* A failed export leaves the previous file as it was, and no PATH.tmp. */
static void
test_xml_write_atomic (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  g_autoptr(ShtatEmployee) e = NULL;
  g_autofree char *out = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *tmp = g_build_filename (f->dir, "out.xml.tmp", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "dir", "out.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  read_valid_xml (&centres, &employees);
  g_assert_true (shtat_personnel_xml_write (out, centres, employees, &error));
  g_assert_no_error (error);
  g_file_get_contents (out, &before, NULL, &error);
  g_assert_no_error (error);

  /* A surname that is not UTF-8 cannot go into the file. */
  e = shtat_employee_copy (g_ptr_array_index (employees, 1));
  g_free (e->surname);
  e->surname = g_strdup ("\xC0\xEB\xE8");
  g_ptr_array_add (bad, shtat_employee_ref (g_ptr_array_index (employees, 0)));
  g_ptr_array_add (bad, g_steal_pointer (&e));
  g_assert_false (shtat_personnel_xml_write (out, centres, bad, &error));
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "out.xml: "));
  g_clear_error (&error);

  g_file_get_contents (out, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  g_assert_false (shtat_personnel_xml_write (nowhere, centres, employees, &error));
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------ */
/* Bad records                                                              */

/* One centre and one employee; each case below changes one thing. Lines:
 *  3 centre, 4 employee, 5 education, 6 period 1, 7 period 2, 8 assignment. */
static const char template_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<personnel format=\"1\">\n"
  "  <centre code=\"almaty-bostandyk\" name-kk=\"Бостандық\" name-ru=\"Бостандыкский\"/>\n"
  "  <employee iin=\"900101300126\" surname=\"Ахметов\" name=\"Ерлан\" birth-date=\"1990-01-01\" sex=\"male\">\n"
  "    <education level=\"higher\" field=\"social-work\" relevant=\"true\" year=\"2012\"/>\n"
  "    <period organisation=\"Жұмыспен қамту орталығы\" sector=\"employment\" from=\"2012-09-01\" to=\"2015-08-31\"/>\n"
  "    <period organisation=\"Бостандық ОҚО\" sector=\"social-protection\" position=\"social-worker\" level=\"higher\" category=\"second\" from=\"2015-09-01\"/>\n"
  "    <assignment centre=\"almaty-bostandyk\" position=\"social-worker\" level=\"higher\" category=\"second\" rate=\"1\" from=\"2015-09-01\"/>\n"
  "  </employee>\n"
  "</personnel>\n";

typedef struct
{
  const char *name;
  const char *find;       /* replaced in the template… */
  const char *replace;    /* …by this */
  GQuark      domain;
  int         code;
  guint       line;
  const char *parts[4];   /* in the message, in this order */
} BadCase;

static char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  const char *at = strstr (text, find);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replace, at + strlen (find));
}

/* Each bad file is refused by the import with a message naming the file, the
 * line, the record and the field, and the database keeps what it had. */
static void
test_xml_bad_records (Fixture       *f,
                      gconstpointer  data)
{
  const BadCase cases[] = {
    /* The check digit of 90010130012x is 6 (test-iin.c), not 7. */
    { "bad-iin", "iin=\"900101300126\"", "iin=\"900101300127\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 4,
      { "employee 900101300127: ", "attribute “iin”: ", "“900101300127” is not an IIN" } },
    /* 900101… says 01.01.1990. */
    { "iin-birth-date", "birth-date=\"1990-01-01\"", "birth-date=\"1990-01-02\"",
      SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_IIN, 4,
      { "employee 900101300126: ", "IIN" } },
    { "impossible-date", "from=\"2015-09-01\"/>\n    <assignment", "from=\"2015-02-30\"/>\n    <assignment",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 7,
      { "employee 900101300126, period 2: attribute “from”: “2015-02-30” is not a date" } },
    { "not-iso-date", "to=\"2015-08-31\"", "to=\"31.08.2015\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 6,
      { "employee 900101300126, period 1: attribute “to”: “31.08.2015” is not a date" } },
    { "end-before-start", "to=\"2015-08-31\"", "to=\"2011-08-31\"",
      SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE, 6,
      { "employee 900101300126: ", "1", "31.08.2011" } },
    { "unknown-position", "position=\"social-worker\" level=\"higher\" category=\"second\" rate",
      "position=\"nobody\" rate",
      SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_POSITION, 8,
      { "employee 900101300126: ", "nobody" } },
    /* The psychologist has first, second and no category only (003 ¶6). */
    { "category-missing", "position=\"social-worker\" level=\"higher\" category=\"second\" rate",
      "position=\"psychologist\" level=\"single\" category=\"highest\" rate",
      SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY, 8,
      { "employee 900101300126: " } },
    { "unknown-centre", "centre=\"almaty-bostandyk\" position", "centre=\"taraz\" position",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE, 8,
      { "employee 900101300126, assignment 1: ", "attribute “centre”", "“taraz”" } },
    { "unknown-sector", "sector=\"employment\"", "sector=\"banking\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 6,
      { "employee 900101300126, period 1: attribute “sector”: “banking” is not one of: ",
        "social-protection" } },
    { "unknown-sex", "sex=\"male\"", "sex=\"m\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 4,
      { "employee 900101300126: attribute “sex”: “m” is not one of: male, female" } },
    { "unknown-level", "level=\"higher\" field", "level=\"university\" field",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 5,
      { "employee 900101300126, education 1: attribute “level”: “university”" } },
    { "bad-rate", "rate=\"1\"", "rate=\"1,5\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 8,
      { "employee 900101300126, assignment 1: attribute “rate”: “1,5”" } },
    { "missing-attribute", " organisation=\"Жұмыспен қамту орталығы\"", "",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 6,
      { "employee 900101300126, period 1: attribute “organisation”: the attribute is missing" } },
    { "empty-surname", "surname=\"Ахметов\"", "surname=\" \"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, 4,
      { "employee 900101300126: attribute “surname”: the value is empty" } },
    { "unknown-attribute", "sector=\"employment\"", "sector=\"employment\" salary=\"100000\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, 6,
      { "employee 900101300126, period 1: ", "“salary”" } },
    { "wrong-order", "  </employee>", "    <education level=\"higher\"/>\n  </employee>",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, 9,
      { "employee 900101300126, education 2: ", "“education” must come before “assignment”" } },
    { "twice", "  </employee>\n",
      "  </employee>\n  <employee iin=\"900101300126\" surname=\"Ахметов\" name=\"Ерлан\" birth-date=\"1990-01-01\" sex=\"male\"/>\n",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_DUPLICATE, 10,
      { "employee 900101300126: the IIN is already used on line 4" } },
    { "format-2", "format=\"1\"", "format=\"2\"",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, 2,
      { "format “2”" } },
    { "not-well-formed", "  </employee>\n", "",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE, 9, { NULL } },
    { "text", "  </employee>", "    Ерлан\n  </employee>",
      SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, 9,
      { "employee 900101300126, assignment 1: text is not allowed here: “Ерлан”" } },
  };
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *valid = data_path ("valid.xml");
  GDate day = today ();
  guint n_changed = 99;

  /* The database holds valid.xml; none of the bad files may change it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (shtat_import_personnel (store, library, valid, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 2);
    before = load_employees (store);
  }

  /* The template itself is good: the import would go through. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = write_file (f, "template.xml", template_xml, -1);
    g_autoptr(GPtrArray) employees = NULL;

    g_assert_true (shtat_personnel_xml_read (path, NULL, &employees, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (shtat_employee_validate (g_ptr_array_index (employees, 0), library, &day, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strconcat (c->name, ".xml", NULL);
      g_autofree char *text = replace_once (template_xml, c->find, c->replace);
      g_autofree char *path = write_file (f, name, text, -1);
      g_autoptr(GPtrArray) after = NULL;

      g_test_message ("case %s", c->name);
      n_changed = 99;
      g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
      g_assert_error (error, c->domain, c->code);
      assert_message (error, name, c->line, c->parts);
      g_assert_cmpuint (n_changed, ==, 0);

      after = load_employees (store);
      assert_same_employees (before, after);
      for (guint e = 0; e < before->len; e++)
        g_assert_cmpint (((ShtatEmployee *) g_ptr_array_index (before, e))->id, ==,
                         ((ShtatEmployee *) g_ptr_array_index (after, e))->id);
    }
}

static void
silent_cb (void              *data,
           const xmlError    *error)
{
}

/* Whether libxml2 (as xmllint --relaxng) refuses @path: not well-formed, or
 * not valid against personnel.rng. */
static gboolean
schema_refuses (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/shtat/Shtat/norms/personnel.rng", 0, NULL);
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize len;
  const char *rng;
  int rc;

  g_assert_nonnull (bytes);
  rng = g_bytes_get_data (bytes, &len);
  pctxt = xmlRelaxNGNewMemParserCtxt (rng, (int) len);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    rc = -1;
  else
    {
      vctxt = xmlRelaxNGNewValidCtxt (schema);
      xmlRelaxNGSetValidStructuredErrors (vctxt, (xmlStructuredErrorFunc) silent_cb, NULL);
      rc = xmlRelaxNGValidateDoc (vctxt, doc);
      xmlRelaxNGFreeValidCtxt (vctxt);
      xmlFreeDoc (doc);
    }
  xmlRelaxNGFree (schema);
  return rc != 0;
}

/* The reader checks the rules of personnel.rng itself rather than have
 * libxml2's validator follow it (which takes longer than the reading). Each
 * file of tests/data/personnel/invalid breaks one rule of the schema
 * (its first comment says which): the validator refuses it, the reader
 * refuses it on its own rules alone, and the import refuses it and changes
 * nothing. valid.xml, which they are all made from, goes through all three. */
static void
test_xml_schema_corpus (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autofree char *valid = data_path ("valid.xml");
  g_autofree char *corpus = data_path ("invalid");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = today ();
  guint n_changed = 99;
  const char *name;

  /* the control: valid.xml passes all three */
  g_assert_false (schema_refuses (valid));
  {
    g_autoptr(GPtrArray) centres = NULL;
    g_autoptr(GPtrArray) employees = NULL;

    g_assert_true (shtat_personnel_xml_read_records (valid, SHTAT_PERSONNEL_XML_OWN_RULES, NULL,
                                                     NULL, &centres, &employees, NULL, NULL, NULL,
                                                     1.0, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (centres->len, ==, 2);
    g_assert_cmpuint (employees->len, ==, 2);
  }
  g_assert_true (shtat_import_personnel (store, library, valid, &day, &n_changed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  before = load_employees (store);

  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  /* one file or more for each rule of the schema */
  g_assert_cmpuint (names->len, ==, 86);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (corpus, g_ptr_array_index (names, i), NULL);
      g_autoptr(GPtrArray) centres = NULL;
      g_autoptr(GPtrArray) employees = NULL;
      g_autoptr(GPtrArray) after = NULL;

      g_test_message ("%s", (const char *) g_ptr_array_index (names, i));
      g_assert_true (schema_refuses (path));

      g_assert_false (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES, NULL,
                                                        NULL, &centres, &employees, NULL, NULL,
                                                        NULL, 1.0, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, error->code);
      g_assert_cmpint (error->code, !=, SHTAT_EXCHANGE_ERROR_IO);
      g_assert_null (centres);
      g_assert_null (employees);
      g_clear_error (&error);

      g_assert_false (shtat_personnel_xml_read (path, &centres, &employees, NULL, NULL, NULL, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, error->code);
      g_assert_cmpint (error->code, !=, SHTAT_EXCHANGE_ERROR_IO);
      g_clear_error (&error);

      n_changed = 99;
      g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL,
                                              &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpuint (n_changed, ==, 0);
      after = load_employees (store);
      assert_same_employees (before, after);
    }
}

/* Read on the reader's own rules (SAX, no tree) and with libxml2's reader
 * and validator, @path gives the same centres and employees. */
static void
assert_same_records_both_ways (const char *path)
{
  g_autoptr(GPtrArray) own_centres = NULL;
  g_autoptr(GPtrArray) own_employees = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GError) error = NULL;
  const ShtatEmployee *first;

  g_assert_true (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES, NULL, NULL,
                                                   &own_centres, &own_employees, NULL, NULL, NULL,
                                                   1.0, &error));
  g_assert_no_error (error);
  g_assert_true (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_SCHEMA, NULL, NULL,
                                                   &centres, &employees, NULL, NULL, NULL, 1.0,
                                                   &error));
  g_assert_no_error (error);

  g_assert_cmpuint (own_centres->len, ==, 2);
  g_assert_cmpuint (centres->len, ==, 2);
  for (guint i = 0; i < centres->len; i++)
    {
      const ShtatCentre *a = g_ptr_array_index (own_centres, i);
      const ShtatCentre *b = g_ptr_array_index (centres, i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpstr (a->name_kk, ==, b->name_kk);
      g_assert_cmpstr (a->name_ru, ==, b->name_ru);
      g_assert_cmpstr (a->district, ==, b->district);
      g_assert_cmpstr (a->akimat, ==, b->akimat);
    }
  g_assert_cmpuint (own_employees->len, ==, 2);
  assert_same_employees (own_employees, employees);
  first = g_ptr_array_index (own_employees, 0);
  g_assert_cmpstr (first->surname, ==, "Ахметов");
  g_assert_cmpstr (g_array_index (first->periods, ShtatWorkPeriod, 0).organisation, ==,
                   "ТОО \"Бота, К°\" & <филиал>");
}

/* valid.xml, its escaped characters (&quot; &amp; &lt; &gt;) included, and
 * the same file in UTF-16, which libxml2 decodes before either reading. */
static void
test_xml_own_rules_same_records (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *valid = data_path ("valid.xml");
  g_autofree char *text = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  assert_same_records_both_ways (valid);

  g_assert_true (g_file_get_contents (valid, &text, NULL, NULL));
  declared = replace_once (text, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
  utf16 = g_convert (declared, -1, "UTF-16", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  path = write_file (f, "utf16.xml", utf16, (gssize) len);
  assert_same_records_both_ways (path);
}

/* What the reader refuses beyond the schema, on its own rules alone too:
 * child records written with an end tag, the same code or IIN twice, a
 * DOCTYPE after a prolog too long for the first look. */
static void
test_xml_own_rules_beyond_schema (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *valid = data_path ("valid.xml");
  g_autofree char *template = NULL;
  g_autofree char *long_comment = g_strnfill (20000, 'x');
  g_autofree char *doctype = NULL;
  const struct { const char *name; const char *find; const char *replace; } cases[] = {
    { "end-tag", "issued=\"2020-03-10\" expires=\"2025-03-10\"/>",
      "issued=\"2020-03-10\" expires=\"2025-03-10\"></certificate>" },
    { "blank-content", "name-ru=\"Центр поддержки семьи района Есиль\"/>",
      "name-ru=\"Центр поддержки семьи района Есиль\"> </centre>" },
    { "same-code", "code=\"astana-esil\"", "code=\"almaty-bostandyk\"" },
    { "same-iin", "iin=\"850415400237\"", "iin=\"900101300126\"" },
    { "doctype", "<personnel format=\"1\">", NULL },
  };
  GError *error = NULL;

  g_assert_true (g_file_get_contents (valid, &template, NULL, NULL));
  doctype = g_strdup_printf ("<!-- %s -->\n<!DOCTYPE personnel [<!ENTITY a \"b\">]>\n"
                             "<personnel format=\"1\">", long_comment);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].name, ".xml", NULL);
      g_autofree char *text = replace_once (template, cases[i].find,
                                            cases[i].replace != NULL ? cases[i].replace : doctype);
      g_autofree char *path = write_file (f, name, text, -1);

      g_test_message ("%s", cases[i].name);
      g_assert_false (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES, NULL,
                                                        NULL, NULL, NULL, NULL, NULL, NULL, 1.0,
                                                        &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, error->code);
      g_clear_error (&error);
      g_assert_false (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_SCHEMA, NULL, NULL,
                                                        NULL, NULL, NULL, NULL, NULL, 1.0, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, error->code);
      g_clear_error (&error);
    }
}

/* libxml2 keeps element lines up to 65535 only; messages still give the
 * right one. */
static void
test_xml_big_lines (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<personnel format=\"1\">\n");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) employees = NULL;

  /* Lines 3 to 70002 are empty; the employee is on 70003, its first period on
   * 70004, and the second, on the same line, has an impossible date. */
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (text, '\n');
  g_string_append (text,
                   "  <employee iin=\"900101300126\" surname=\"Ахметов\" name=\"Ерлан\" birth-date=\"1990-01-01\" sex=\"male\">\n"
                   "    <period organisation=\"А\" sector=\"other\" from=\"2012-09-01\"/><period organisation=\"Б\" sector=\"other\" from=\"2013-13-01\"/>\n"
                   "  </employee>\n</personnel>\n");
  path = write_file (f, "big.xml", text->str, (gssize) text->len);

  g_assert_false (shtat_personnel_xml_read (path, NULL, &employees, NULL, NULL, NULL, &error));
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
  assert_message (error, "big.xml", 70004,
                  (const char *[]) { "employee 900101300126, period 2: attribute “from”: “2013-13-01”", NULL });
  g_assert_null (employees);
  g_clear_error (&error);

  /* …and the duplicate of an employee far down names both lines. */
  g_string_truncate (text, text->len - strlen ("</personnel>\n"));
  g_string_append (text, "\n\n  <employee iin=\"900101300126\" surname=\"А\" name=\"Б\" birth-date=\"1990-01-01\" sex=\"male\"/>\n</personnel>\n");
  g_free (path);
  {
    char *at = strstr (text->str, "2013-13-01");

    memcpy (at, "2013-12-01", 10);
  }
  path = write_file (f, "big.xml", text->str, (gssize) text->len);
  g_assert_false (shtat_personnel_xml_read (path, NULL, &employees, NULL, NULL, NULL, &error));
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_DUPLICATE);
  assert_message (error, "big.xml", 70008, (const char *[]) { "line 70003", NULL });
}

/* ------------------------------------------------------------------------ */
/* Hostile XML                                                              */

static void
assert_refused (Fixture            *f,
                ShtatStore         *store,
                const char         *path,
                int                 code,
                guint               line,
                const char * const *parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *name = g_path_get_basename (path);
  GDate day = today ();
  gint64 start = g_get_monotonic_time ();
  guint n_changed = 99;

  g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
  g_test_message ("%s refused in %.3f s", name, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, code);
  if (line > 0)
    assert_message (error, name, line, parts);
  /* nothing of the file leaks into the message */
  g_assert_null (strstr (error->message, "root:"));
  g_assert_null (strstr (error->message, "lollol"));
  g_assert_cmpuint (n_changed, ==, 0);

  employees = load_employees (store);
  g_assert_cmpuint (employees->len, ==, 0);
}

static void
test_xml_hostile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autofree char *laughs = data_path ("billion-laughs.xml");
  g_autofree char *passwd = data_path ("external-entity.xml");
  g_autofree char *late = NULL;
  g_autofree char *deep_root = NULL;
  g_autofree char *deep_employee = NULL;
  g_autofree char *dtd = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *doctype[] = { "DOCTYPE", NULL };

  /* An entity that expands to 10⁹ "lol"s; a file entity for /etc/passwd. */
  assert_refused (f, store, laughs, SHTAT_EXCHANGE_ERROR_FORBIDDEN, 2, doctype);
  assert_refused (f, store, passwd, SHTAT_EXCHANGE_ERROR_FORBIDDEN, 3, doctype);

  /* A DOCTYPE behind a long comment, past what the first look covers. */
  g_string_append (text, "<?xml version=\"1.0\"?>\n<!--");
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "-->\n<!DOCTYPE personnel [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                         "<personnel format=\"1\"><employee iin=\"900101300126\" surname=\"&e;\" name=\"Е\" birth-date=\"1990-01-01\" sex=\"male\"/></personnel>\n");
  late = write_file (f, "late-doctype.xml", text->str, (gssize) text->len);
  assert_refused (f, store, late, SHTAT_EXCHANGE_ERROR_FORBIDDEN, 0, NULL);

  /* An external DTD is not fetched either. */
  dtd = write_file (f, "external-dtd.xml",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE personnel SYSTEM \"http://example.com/personnel.dtd\">\n<personnel format=\"1\"/>\n", -1);
  assert_refused (f, store, dtd, SHTAT_EXCHANGE_ERROR_FORBIDDEN, 2, doctype);

  /* 100 000 elements deep, at the root and inside an employee. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<a>");
  deep_root = write_file (f, "deep-root.xml", text->str, (gssize) text->len);
  assert_refused (f, store, deep_root, SHTAT_EXCHANGE_ERROR_SCHEMA, 1,
                  (const char *[]) { "the document is “a”, not a personnel file", NULL });

  g_string_assign (text, "<personnel format=\"1\">\n<employee iin=\"900101300126\" surname=\"А\" name=\"Е\" birth-date=\"1990-01-01\" sex=\"male\">\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<period>");
  deep_employee = write_file (f, "deep-employee.xml", text->str, (gssize) text->len);
  assert_refused (f, store, deep_employee, SHTAT_EXCHANGE_ERROR_SCHEMA, 3,
                  (const char *[]) { "employee 900101300126: ", "“period” must be empty", NULL });

  /* Not a file that ends. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (shtat_personnel_xml_read ("/dev/zero", NULL, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO);
    }
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                      */

/* valid.csv (UTF-8 with a byte order mark, commas, English headers in another
 * order, a quoted name with a comma and doubled quotes, both date forms,
 * spellings like "secondary_vocational", "F" and "0,5") holds the same
 * personnel files as valid.xml, the repeated rows folded into one record. */
static void
test_csv_utf8_bom (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("valid.csv");
  g_autoptr(GPtrArray) from_csv = NULL;
  g_autoptr(GPtrArray) from_xml = NULL;

  g_assert_true (shtat_personnel_csv_read (path, &from_csv, &error));
  g_assert_no_error (error);
  read_valid_xml (NULL, &from_xml);
  g_assert_cmpuint (from_csv->len, ==, 2);
  /* rows 2 to 5: one education, one certificate, four periods, one assignment */
  g_assert_cmpuint (((ShtatEmployee *) g_ptr_array_index (from_csv, 0))->periods->len, ==, 4);
  g_assert_cmpuint (((ShtatEmployee *) g_ptr_array_index (from_csv, 0))->education->len, ==, 1);
  assert_same_employees (from_csv, from_xml);
}

/* A Windows-1251 export with semicolons and Russian headers, as Excel in a
 * Russian locale writes it. */
static void
test_csv_cp1251 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *utf8 =
    "ИИН;Фамилия;Имя;Отчество;Дата рождения;Пол;Организация;Отрасль;Должность;Начало;Окончание\r\n"
    "850415400237;Иванова;Мария;Петровна;15.04.1985;ж;\"ГУ \"\"Центр занятости\"\"; г. Астана\";employment;Инспектор;01.09.2005;31.08.2010\r\n"
    "850415400237;Иванова;;;;;Центр поддержки семьи;social-protection;psychologist;01.09.2010;\r\n"
    "900101300126;Ахметов;Ерлан;;01.01.1990;М;Центр поддержки семьи;social-protection;social-worker;01.09.2015;\r\n";
  g_autofree char *cp1251 = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  ShtatEmployee *ivanova, *akhmetov;
  const ShtatWorkPeriod *p;
  gsize len = 0;

  cp1251 = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (cp1251, (gssize) len, NULL));
  path = write_file (f, "staff.csv", cp1251, (gssize) len);

  g_assert_true (shtat_personnel_csv_read (path, &employees, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (employees->len, ==, 2);
  ivanova = g_ptr_array_index (employees, 0);
  g_assert_cmpstr (ivanova->iin, ==, "850415400237");
  g_assert_cmpstr (ivanova->surname, ==, "Иванова");
  g_assert_cmpstr (ivanova->patronymic, ==, "Петровна");
  g_assert_cmpint (ivanova->sex, ==, SHTAT_SEX_FEMALE);
  assert_date (&ivanova->birth_date, 15, 4, 1985);
  g_assert_cmpuint (ivanova->periods->len, ==, 2);
  p = &g_array_index (ivanova->periods, ShtatWorkPeriod, 0);
  /* the separator inside quotes, and doubled quotes */
  g_assert_cmpstr (p->organisation, ==, "ГУ \"Центр занятости\"; г. Астана");
  g_assert_cmpint (p->sector, ==, SHTAT_SECTOR_EMPLOYMENT);
  assert_date (&p->to, 31, 8, 2010);
  p = &g_array_index (ivanova->periods, ShtatWorkPeriod, 1);
  g_assert_cmpstr (p->position, ==, "psychologist");
  g_assert_false (g_date_valid (&p->to));

  akhmetov = g_ptr_array_index (employees, 1);
  g_assert_cmpstr (akhmetov->name, ==, "Ерлан");
  g_assert_null (akhmetov->patronymic);
  g_assert_cmpint (akhmetov->sex, ==, SHTAT_SEX_MALE);
  g_assert_cmpuint (akhmetov->education->len, ==, 0);
}

/* Kazakh headers, UTF-8 without a byte order mark, semicolons. */
static void
test_csv_kazakh (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("kazakh.csv");
  g_autoptr(GPtrArray) employees = NULL;
  ShtatEmployee *e;
  const ShtatWorkPeriod *p;
  const ShtatEducation *ed;

  g_assert_true (shtat_personnel_csv_read (path, &employees, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (employees->len, ==, 1);
  e = g_ptr_array_index (employees, 0);
  g_assert_cmpstr (e->surname, ==, "Ахметов");
  g_assert_cmpstr (e->patronymic, ==, "Серікұлы");
  g_assert_cmpint (e->sex, ==, SHTAT_SEX_MALE);
  g_assert_cmpuint (e->education->len, ==, 1);
  ed = &g_array_index (e->education, ShtatEducation, 0);
  g_assert_cmpint (ed->level, ==, SHTAT_EDUCATION_HIGHER);
  g_assert_cmpstr (ed->specialty, ==, "Әлеуметтік жұмыс");
  g_assert_cmpuint (e->periods->len, ==, 2);
  p = &g_array_index (e->periods, ShtatWorkPeriod, 1);
  g_assert_cmpstr (p->organisation, ==, "Бостандық ауданының отбасын қолдау орталығы");
  g_assert_cmpint (p->level, ==, SHTAT_LEVEL_HIGHER);
  g_assert_cmpint (p->category, ==, SHTAT_CATEGORY_SECOND);
  assert_date (&p->from, 1, 9, 2015);
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  guint       line;
  const char *parts[4];
} CsvCase;

static void
test_csv_bad (Fixture       *f,
              gconstpointer  data)
{
#define HEADER "iin;surname;name;birth_date;sex;organisation;sector;from;to\n"
#define HEADER_POST "iin;surname;name;birth_date;sex;centre;post;rate;post_from\n"
#define ROW1   "900101300126;Ахметов;Ерлан;01.01.1990;male;Жұмыспен қамту орталығы;employment;01.09.2012;31.08.2015\n"
  const CsvCase cases[] = {
    { "bad-date", HEADER ROW1 "900101300126;;;;;Бостандық ОҚО;social-protection;31.02.2015;\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 3,
      { "employee 900101300126, period 2: column “from”: “31.02.2015” is not a date" } },
    { "bad-iin", HEADER "900101300127;Ахметов;Ерлан;01.01.1990;male;;;;\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 2,
      { "employee 900101300127: column “iin”: “900101300127” is not an IIN" } },
    { "unknown-column", "iin;surname;salary;name\n",
      SHTAT_EXCHANGE_ERROR_SCHEMA, 1, { "column 3: “salary” is not a column Shtat knows" } },
    { "missing-column", "ИИН;Фамилия;Имя;Дата рождения\n",
      SHTAT_EXCHANGE_ERROR_SCHEMA, 1, { "the column “sex” is missing" } },
    { "group-column", "iin;surname;name;birth_date;sex;organisation;sector\n",
      SHTAT_EXCHANGE_ERROR_SCHEMA, 1, { "the column “from” is missing (the column “organisation” needs it)" } },
    { "twice", "iin;surname;name;birth_date;sex;Фамилия\n",
      SHTAT_EXCHANGE_ERROR_SCHEMA, 1, { "column 6: “Фамилия” is the same column as column 2" } },
    { "disagree", HEADER ROW1 "900101300126;Ахмедов;;;;;;;\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 3,
      { "employee 900101300126: column “surname”: “Ахмедов” differs from “Ахметов” on line 2" } },
    { "sector", HEADER "900101300126;Ахметов;Ерлан;01.01.1990;male;Банк;banking;01.09.2012;\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 2,
      { "employee 900101300126, period 1: column “sector”: “banking” is not one of: " } },
    { "no-from", HEADER "900101300126;Ахметов;Ерлан;01.01.1990;male;Банк;other;;\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 2,
      { "employee 900101300126, period 1: column “from”: the value is empty" } },
    { "unclosed", HEADER ROW1 "900101300126;;;;;\"Бостандық ОҚО;social-protection;01.09.2015;\n",
      SHTAT_EXCHANGE_ERROR_PARSE, 3, { "the quoted field that begins here is never closed" } },
    { "after-quote", HEADER "900101300126;\"Ахметов\"x;Ерлан;01.01.1990;male;;;;\n",
      SHTAT_EXCHANGE_ERROR_PARSE, 2, { "field 2: text after the closing quote" } },
    { "extra-field", HEADER "900101300126;Ахметов;Ерлан;01.01.1990;male;;;;;surplus\n",
      SHTAT_EXCHANGE_ERROR_PARSE, 2, { "field 10 has no column in the header" } },
    { "empty", "\n\n", SHTAT_EXCHANGE_ERROR_PARSE, 1, { "the file is empty" } },
    { "utf-16", "\xFF\xFEi\0i\0n\0", SHTAT_EXCHANGE_ERROR_PARSE, 1, { "UTF-16" } },
    { "bad-code", HEADER_POST "900101300126;Ахметов;Ерлан;01.01.1990;male;fsc/1;social-worker;1;01.09.2015\n",
      SHTAT_EXCHANGE_ERROR_VALUE, 2,
      { "employee 900101300126, assignment 1: column “centre”: “fsc/1” is not a code" } },
  };
#undef HEADER
#undef HEADER_POST
#undef ROW1

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CsvCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strconcat (c->name, ".csv", NULL);
      g_autofree char *path = write_file (f, name, c->text, -1);
      g_autoptr(GPtrArray) employees = NULL;

      g_test_message ("case %s", c->name);
      g_assert_false (shtat_personnel_csv_read (path, &employees, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, c->code);
      assert_message (error, name, c->line, c->parts);
      g_assert_null (employees);
    }
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

typedef struct
{
  double last;
  guint  calls;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
}

/* Into an empty database, the store then holds what the file says; the same
 * file again, or the CSV with the same data, changes nothing. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = open_store (f);
  g_autofree char *xml = data_path ("valid.xml");
  g_autofree char *csv = data_path ("valid.csv");
  g_autoptr(GPtrArray) from_file = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  GDate day = today ();
  Progress progress = { 0.0, 0 };
  guint n_changed = 99;

  g_assert_true (shtat_import_personnel (store, library, xml, &day, &n_changed, NULL, progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);

  read_valid_xml (NULL, &from_file);
  stored = load_employees (store);
  assert_same_employees (from_file, stored);
  centres = shtat_store_list_centres (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres->len, ==, 2);

  g_assert_true (shtat_import_personnel (store, library, xml, &day, &n_changed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (shtat_import_personnel (store, library, csv, &day, &n_changed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);

  again = load_employees (store);
  assert_same_employees (stored, again);
}

/* A CSV whose rows read well but whose record the norms refuse: the line is
 * that of the row the record came from. */
static void
test_import_csv_invalid (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *path = write_file (
    f, "staff.csv",
    "iin,surname,name,birth_date,sex,centre,post,rate,post_from\n"
    "850415400237,Иванова,Мария,15.04.1985,female,,,,\n"
    /* 900101… was born on 01.01.1990: a post from 2000 is before his 14th birthday */
    "900101300126,Ахметов,Ерлан,01.01.1990,male,,,,\n"
    "900101300126,,,,,astana-esil,social-worker,1,01.09.2000\n",
    -1);
  GDate day = today ();
  guint n_changed = 99;

  {
    g_autoptr(ShtatCentre) centre = shtat_centre_new ();

    centre->code = g_strdup ("astana-esil");
    centre->name_kk = g_strdup ("Есіл");
    centre->name_ru = g_strdup ("Есиль");
    g_assert_true (shtat_store_save_centre (store, centre, &error));
    g_assert_no_error (error);
  }

  g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
  g_assert_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE);
  assert_message (error, "staff.csv", 4, (const char *[]) { "employee 900101300126: ", "01.01.2004", NULL });
  g_clear_error (&error);

  /* An unknown centre, named by the column as the file writes it */
  g_free (path);
  path = write_file (f, "staff.csv",
                     "ИИН;Фамилия;Имя;Дата рождения;Пол;Центр;Штатная должность;Ставка;Дата назначения\n"
                     "900101300126;Ахметов;Ерлан;01.01.1990;м;taraz;social-worker;0,5;01.09.2015\n",
                     -1);
  g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
  g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE);
  assert_message (error, "staff.csv", 2,
                  (const char *[]) { "employee 900101300126, assignment 1: column “Центр”: ", "“taraz”", NULL });

  employees = load_employees (store);
  g_assert_cmpuint (employees->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Streamed imports                                                         */

#define N_MANY 600

/* A file of @n employees that the import writes one by one as it reads them:
 * the centre of the template on line 3 (renamed from valid.xml's), then
 * employee k (from 1) on lines 4 + 5 (k − 1) to 8 + 5 (k − 1), its period on
 * the third of them. Employee 1 is valid.xml's 900101300126 with another
 * history; the others are men born on 01.01.1980 with serials 1, 2…, whose
 * IINs go to @iins. With @bad, that employee's period starts on 30.02.2015. */
static GString *
many_employees_xml (guint      n,
                    guint      bad,
                    GPtrArray *iins)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<personnel format=\"1\">\n"
                                "  <centre code=\"almaty-bostandyk\" name-kk=\"Бостандық\" name-ru=\"Бостандыкский\"/>\n");
  guint serial = 0;

  for (guint k = 1; k <= n; k++)
    {
      char iin[SHTAT_IIN_LENGTH + 1] = "900101300126";

      if (k > 1)
        {
          int check;

          do
            {
              g_snprintf (iin, sizeof iin, "8001013%04u0", ++serial);
              check = shtat_iin_check_digit (iin);
            }
          while (check < 0);
          iin[11] = (char) ('0' + check);
        }
      g_ptr_array_add (iins, g_strdup (iin));
      g_string_append_printf (
        text,
        "  <employee iin=\"%s\" surname=\"%s\" name=\"Ерлан\" birth-date=\"%s\" sex=\"male\">\n"
        "    <education level=\"higher\" field=\"social-work\" relevant=\"true\" year=\"2012\"/>\n"
        "    <period organisation=\"Бостандық ОҚО\" sector=\"social-protection\" position=\"social-worker\" level=\"higher\" category=\"second\" from=\"%s\"/>\n"
        "    <assignment centre=\"almaty-bostandyk\" position=\"social-worker\" level=\"higher\" category=\"second\" rate=\"1\" from=\"2015-09-01\"/>\n"
        "  </employee>\n",
        iin, k > 1 ? "Сейітов" : "Ахметов", k > 1 ? "1980-01-01" : "1990-01-01",
        k == bad ? "2015-02-30" : "2015-09-01");
    }
  g_string_append (text, "</personnel>\n");
  return text;
}

/* The centres as stored, "code name_ru" each. */
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

/* The same files as @before, under the same ids. */
static void
assert_unchanged (ShtatStore *store,
                  GPtrArray  *before,
                  const char *centres_before)
{
  g_autoptr(GPtrArray) after = load_employees (store);
  g_autofree char *centres_after = centre_list (store);

  assert_same_employees (before, after);
  for (guint e = 0; e < before->len; e++)
    g_assert_cmpint (((ShtatEmployee *) g_ptr_array_index (before, e))->id, ==,
                     ((ShtatEmployee *) g_ptr_array_index (after, e))->id);
  g_assert_cmpstr (centres_after, ==, centres_before);
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
} CancelAt;

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  CancelAt *c = user_data;

  if (fraction > 0.0 && c->at == 0.0)
    {
      c->at = fraction;
      g_cancellable_cancel (c->cancellable);
    }
}

/* Employees are written as they are read, but nothing is committed before the
 * end of the file: a bad record in the third employee or in the 500th (long
 * after the first ones were written), a file cut short, or a cancellation
 * leave the database as it was, the centre and the replaced file included.
 * The whole file goes in, and again changes nothing. */
static void
test_import_streamed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = data_path ("valid.xml");
  g_autofree char *centres_before = NULL;
  g_autofree char *good_path = NULL;
  g_autoptr(GString) good = NULL;
  GDate day = today ();
  guint n_changed = 99;
  const guint bad[] = { 3, 500 };

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (shtat_import_personnel (store, library, valid, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    before = load_employees (store);
    centres_before = centre_list (store);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;

      g_ptr_array_set_size (iins, 0);
      text = many_employees_xml (N_MANY, bad[i], iins);
      path = write_file (f, "many.xml", text->str, (gssize) text->len);
      /* employee k's period is on line 6 + 5 (k − 1) */
      expected = g_strdup_printf ("employee %s, period 1: attribute “from”: “2015-02-30” is not a date",
                                  (const char *) g_ptr_array_index (iins, bad[i] - 1));
      n_changed = 99;
      g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
      assert_message (error, "many.xml", 6 + 5 * (bad[i] - 1), (const char *[]) { expected, NULL });
      g_assert_cmpuint (n_changed, ==, 0);
      assert_unchanged (store, before, centres_before);
    }

  g_ptr_array_set_size (iins, 0);
  good = many_employees_xml (N_MANY, 0, iins);

  /* Cut short inside the last employee: its assignment is the last line */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = write_file (f, "cut.xml", good->str,
                                        (gssize) (good->len - strlen ("  </employee>\n</personnel>\n")));

    g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE);
    assert_message (error, "cut.xml", 4 + 5 * (N_MANY - 1) + 3, NULL);
    g_assert_cmpuint (n_changed, ==, 0);
    assert_unchanged (store, before, centres_before);
  }

  /* Not well-formed at the very end, after every employee */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) text = g_string_new_len (good->str, (gssize) good->len);
    g_autofree char *path = NULL;

    g_string_append (text, "<personnel>\n");
    path = write_file (f, "tail.xml", text->str, (gssize) text->len);
    g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE);
    /* the line after </personnel> */
    assert_message (error, "tail.xml", 4 + 5 * N_MANY + 1, NULL);
    g_assert_cmpuint (n_changed, ==, 0);
    assert_unchanged (store, before, centres_before);
  }

  good_path = write_file (f, "many.xml", good->str, (gssize) good->len);

  /* Cancelled from the progress callback, some hundreds of employees in */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    CancelAt cancel = { cancellable, 0.0 };

    g_assert_false (shtat_import_personnel (store, library, good_path, &day, &n_changed, cancellable,
                                           cancel_cb, &cancel, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpfloat (cancel.at, >, 0.0);
    g_assert_cmpuint (n_changed, ==, 0);
    assert_unchanged (store, before, centres_before);
  }

  /* The whole file: 900101300126 replaced, the others new; then again */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GPtrArray) again = NULL;
    g_autofree char *centres_after = NULL;

    g_assert_true (shtat_import_personnel (store, library, good_path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, N_MANY);
    after = load_employees (store);
    /* and valid.xml's 850415400237 */
    g_assert_cmpuint (after->len, ==, N_MANY + 1);
    centres_after = centre_list (store);
    g_assert_nonnull (strstr (centres_after, "almaty-bostandyk Бостандыкский"));

    g_assert_true (shtat_import_personnel (store, library, good_path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 0);
    assert_unchanged (store, after, centres_after);
  }
}

/* Runs @sql on the database of @f through a connection of its own. */
static void
raw_exec (Fixture    *f,
          const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "shtat.db", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The database refuses an employee the reader found good (a trigger stands
 * in for a full disk): the error names the file and the line where that
 * employee starts, comes before any later error of the reader's, and
 * nothing is written. A reader's error before that employee comes first. */
static void
test_import_streamed_store_error (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = data_path ("valid.xml");
  g_autofree char *centres_before = NULL;
  g_autofree char *trigger = NULL;
  GDate day = today ();
  guint n_changed = 99;
  /* the reader's error: none, after the refused employee, before it */
  const guint bad[] = { 0, 550, 300 };

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (shtat_import_personnel (store, library, valid, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    before = load_employees (store);
    centres_before = centre_list (store);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = NULL;
      g_autofree char *path = NULL;

      g_ptr_array_set_size (iins, 0);
      text = many_employees_xml (N_MANY, bad[i], iins);
      path = write_file (f, "many.xml", text->str, (gssize) text->len);
      if (trigger == NULL)
        {
          /* the 400th employee */
          trigger = g_strdup_printf ("CREATE TRIGGER refuse AFTER INSERT ON employees"
                                     " WHEN NEW.iin = '%s'"
                                     " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                     (const char *) g_ptr_array_index (iins, 399));
          raw_exec (f, trigger);
        }

      g_test_message ("reader's error at employee %u", bad[i]);
      n_changed = 99;
      g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
      if (bad[i] == 0 || bad[i] > 400)
        {
          g_autofree char *expected = g_strdup_printf ("Employee %s: refused",
                                                       (const char *) g_ptr_array_index (iins, 399));

          g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
          /* employee k starts on line 4 + 5 (k − 1) */
          assert_message (error, "many.xml", 4 + 5 * 399, (const char *[]) { expected, NULL });
        }
      else
        {
          g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
          assert_message (error, "many.xml", 6 + 5 * (bad[i] - 1), (const char *[]) { "“2015-02-30”", NULL });
        }
      g_assert_cmpuint (n_changed, ==, 0);
      assert_unchanged (store, before, centres_before);
    }
}

static void
test_import_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *xml = data_path ("valid.xml");
  GDate day = today ();
  guint n_changed = 99;

  g_cancellable_cancel (cancellable);
  g_assert_false (shtat_import_personnel (store, library, xml, &day, &n_changed, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_changed, ==, 0);
  employees = load_employees (store);
  g_assert_cmpuint (employees->len, ==, 0);
}

/* The first column of the first row of @sql, as text, on the database of @f
 * through a connection of its own. */
static char *
raw_text (Fixture    *f,
          const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "shtat.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The indexes of the personnel tables, and whether each holds the rows of
 * its table: "ok" after the names when it does. */
static char *
raw_indexes (Fixture *f)
{
  g_autofree char *names = raw_text (f, "SELECT group_concat (name, ' ') FROM"
                                        " (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN"
                                        "  ('employees', 'education', 'certificates', 'work_periods', 'assignments')"
                                        "  ORDER BY name)");
  g_autofree char *check = raw_text (f, "PRAGMA integrity_check");

  return g_strdup_printf ("%s: %s", names, check);
}

#define PERSONNEL_INDEXES \
  "assignments_by_centre assignments_by_employee certificates_by_employee education_by_employee " \
  "employees_by_name sqlite_autoindex_employees_1 work_periods_by_employee: ok"

/* An import into an empty database that fails half-way, with hundreds of
 * employees written, at the reader or at the database, leaves it empty and
 * with every index it had; the whole file then goes in with them. */
static void
test_import_empty_half_way (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) good = NULL;
  g_autofree char *good_path = NULL;
  g_autofree char *indexes = raw_indexes (f);
  GDate day = today ();
  guint n_changed = 99;

  g_assert_cmpstr (indexes, ==, PERSONNEL_INDEXES);

  /* the reader: employee 500's period is not a date */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) text = many_employees_xml (N_MANY, 500, iins);
    g_autofree char *path = write_file (f, "bad.xml", text->str, (gssize) text->len);
    g_autoptr(GPtrArray) employees = NULL;
    g_autofree char *centres = NULL;

    g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
    /* employee k's period is on line 6 + 5 (k − 1) */
    assert_message (error, "bad.xml", 6 + 5 * 499, (const char *[]) { "“2015-02-30”", NULL });
    g_assert_cmpuint (n_changed, ==, 0);
    employees = load_employees (store);
    g_assert_cmpuint (employees->len, ==, 0);
    centres = centre_list (store);
    g_assert_cmpstr (centres, ==, "");
    g_clear_pointer (&indexes, g_free);
    indexes = raw_indexes (f);
    g_assert_cmpstr (indexes, ==, PERSONNEL_INDEXES);
  }

  g_ptr_array_set_size (iins, 0);
  good = many_employees_xml (N_MANY, 0, iins);
  good_path = write_file (f, "many.xml", good->str, (gssize) good->len);

  /* the database: it refuses the 400th employee */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *trigger = g_strdup_printf ("CREATE TRIGGER refuse AFTER INSERT ON employees"
                                                " WHEN NEW.iin = '%s'"
                                                " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                                (const char *) g_ptr_array_index (iins, 399));
    g_autofree char *expected = g_strdup_printf ("Employee %s: refused",
                                                 (const char *) g_ptr_array_index (iins, 399));
    g_autoptr(GPtrArray) employees = NULL;

    raw_exec (f, trigger);
    g_assert_false (shtat_import_personnel (store, library, good_path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
    /* employee k starts on line 4 + 5 (k − 1) */
    assert_message (error, "many.xml", 4 + 5 * 399, (const char *[]) { expected, NULL });
    g_assert_cmpuint (n_changed, ==, 0);
    employees = load_employees (store);
    g_assert_cmpuint (employees->len, ==, 0);
    g_clear_pointer (&indexes, g_free);
    indexes = raw_indexes (f);
    g_assert_cmpstr (indexes, ==, PERSONNEL_INDEXES);
    raw_exec (f, "DROP TRIGGER refuse");
  }

  /* the whole file */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) employees = NULL;
    g_autofree char *periods = NULL;

    g_assert_true (shtat_import_personnel (store, library, good_path, &day, &n_changed, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, N_MANY);
    employees = load_employees (store);
    g_assert_cmpuint (employees->len, ==, N_MANY);
    g_clear_pointer (&indexes, g_free);
    indexes = raw_indexes (f);
    g_assert_cmpstr (indexes, ==, PERSONNEL_INDEXES);
    /* one period each, found through the index by employee */
    periods = raw_text (f, "SELECT count(*) FROM work_periods INDEXED BY work_periods_by_employee"
                           " WHERE employee_id IN (SELECT id FROM employees)");
    g_assert_cmpstr (periods, ==, "600");
  }
}

/* ------------------------------------------------------------------------ */
/* Errors beyond the schema                                                 */

/* Replaces @find by @replace in @text, where it first comes after @anchor. */
static char *
replace_after (const char *text,
               const char *anchor,
               const char *find,
               const char *replace)
{
  const char *at = strstr (text, anchor);
  g_autofree char *rest = NULL;

  g_assert_nonnull (at);
  rest = replace_once (at, find, replace);
  return g_strdup_printf ("%.*s%s", (int) (at - text), text, rest);
}

typedef struct
{
  guint checked;
  guint taken;
  guint restarts;
  guint refuse_check;   /* the employee (from 1) whose check fails, or 0 */
  guint refuse_take;    /* the employee whose writing fails, or 0 */
} Counts;

static gboolean
counting_check_cb (GPtrArray              *centres,
                   const ShtatEmployee    *employee,
                   const ShtatRecordLines *lines,
                   gpointer                user_data,
                   GError                **error)
{
  Counts *c = user_data;

  if (++c->checked == c->refuse_check)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE, "checked: %s", employee->iin);
      return FALSE;
    }
  return TRUE;
}

static gboolean
counting_take_cb (GPtrArray      *centres,
                  ShtatEmployee  *employee,
                  guint           line,
                  gpointer        user_data,
                  GError        **error)
{
  Counts *c = user_data;

  if (++c->taken == c->refuse_take)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT, "written: %s", employee->iin);
      return FALSE;
    }
  return TRUE;
}

static gboolean
counting_restart_cb (gpointer  user_data,
                     GError  **error)
{
  Counts *c = user_data;

  c->restarts++;
  c->checked = 0;
  c->taken = 0;
  return TRUE;
}

static const ShtatPersonnelSink counting_sink = { counting_check_cb, counting_take_cb, counting_restart_cb };

/* N_MANY employees, the 550th with IIN 900101300127 (born 01.01.1990, as its
 * first digits say): its check digit is 6 (test-iin.c), not 7. */
static char *
wrong_check_digit_xml (guint n)
{
  g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = many_employees_xml (n, 0, iins);
  g_autofree char *find = g_strdup_printf ("iin=\"%s\" surname=\"Сейітов\" name=\"Ерлан\" birth-date=\"1980-01-01\"",
                                           (const char *) g_ptr_array_index (iins, 549));

  return replace_once (text->str, find,
                       "iin=\"900101300127\" surname=\"Сейітов\" name=\"Ерлан\" birth-date=\"1990-01-01\"");
}

/* The fast reading's own rules refuse a file, and only a rule of the schema
 * has it read again with the validator. A wrong check digit in the 550th
 * employee (the schema asks for twelve digits only), or a check or a write
 * of the sink that fails there, stops the reading once and for all: the
 * sink was offered the 549 before it once each, and never told to start
 * again. A rate of 10 there breaks the schema: read again, the message is
 * the validator's. */
static void
test_xml_beyond_schema_read_once (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *text = wrong_check_digit_xml (N_MANY);
  g_autofree char *path = write_file (f, "many.xml", text, -1);

  /* the IIN: employee 550 starts on line 4 + 5 × 549 */
  {
    g_autoptr(GError) error = NULL;
    Counts counts = { 0 };

    g_assert_false (shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA,
                                                      &counting_sink, &counts, NULL, NULL, NULL, NULL,
                                                      NULL, 1.0, &error));
    g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE);
    g_assert_cmpstr (error->message, ==,
                     "many.xml:2749: employee 900101300127: attribute “iin”: “900101300127” is not an IIN: "
                     "The check digit of the IIN is 7, but its other digits give 6: a digit is mistyped");
    g_assert_cmpuint (counts.restarts, ==, 0);
    g_assert_cmpuint (counts.checked, ==, 549);
    g_assert_cmpuint (counts.taken, ==, 549);
  }

  /* the sink's check, then its writing, refuse the 500th */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GString) good = many_employees_xml (N_MANY, 0, iins);
    g_autofree char *good_path = write_file (f, "good.xml", good->str, (gssize) good->len);
    Counts counts = { .refuse_check = 500 };

    g_assert_false (shtat_personnel_xml_read_records (good_path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA,
                                                      &counting_sink, &counts, NULL, NULL, NULL, NULL,
                                                      NULL, 1.0, &error));
    g_assert_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE);
    g_assert_cmpstr (error->message + strlen ("checked: "), ==, g_ptr_array_index (iins, 499));
    g_assert_cmpuint (counts.restarts, ==, 0);
    g_assert_cmpuint (counts.checked, ==, 500);
    g_assert_cmpuint (counts.taken, ==, 499);
    g_clear_error (&error);

    counts = (Counts) { .refuse_take = 500 };
    g_assert_false (shtat_personnel_xml_read_records (good_path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA,
                                                      &counting_sink, &counts, NULL, NULL, NULL, NULL,
                                                      NULL, 1.0, &error));
    g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message + strlen ("written: "), ==, g_ptr_array_index (iins, 499));
    g_assert_cmpuint (counts.restarts, ==, 0);
    g_assert_cmpuint (counts.checked, ==, 500);
    g_assert_cmpuint (counts.taken, ==, 500);
  }

  /* a rule of the schema (rates are 1, 0.5, 0.25… of a unit): read again */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) own = NULL;
    g_autoptr(GError) schema = NULL;
    g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GString) good = many_employees_xml (N_MANY, 0, iins);
    g_autofree char *anchor = g_strdup_printf ("iin=\"%s\"", (const char *) g_ptr_array_index (iins, 549));
    g_autofree char *rate = replace_after (good->str, anchor, "rate=\"1\"", "rate=\"10\"");
    g_autofree char *rate_path = write_file (f, "rate.xml", rate, -1);
    Counts counts = { 0 };

    g_assert_false (shtat_personnel_xml_read_records (rate_path, SHTAT_PERSONNEL_XML_OWN_RULES, NULL, NULL,
                                                      NULL, NULL, NULL, NULL, NULL, 1.0, &own));
    g_assert_false (shtat_personnel_xml_read_records (rate_path, SHTAT_PERSONNEL_XML_SCHEMA, NULL, NULL,
                                                      NULL, NULL, NULL, NULL, NULL, 1.0, &schema));
    g_assert_cmpstr (own->message, !=, schema->message);

    g_assert_false (shtat_personnel_xml_read_records (rate_path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA,
                                                      &counting_sink, &counts, NULL, NULL, NULL, NULL,
                                                      NULL, 1.0, &error));
    g_assert_error (error, schema->domain, schema->code);
    g_assert_cmpstr (error->message, ==, schema->message);
    g_assert_cmpuint (counts.restarts, ==, 1);
  }
}

/* The import of 1 200 employees, the 1 100th with a wrong check digit or an
 * unknown centre: the message as ever, the database as it was, and the
 * progress never goes back (the file was read once). */
static void
test_import_beyond_schema_read_once (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(ShtatStore) store = open_store (f);
  g_autoptr(GPtrArray) before = load_employees (store);
  g_autoptr(GPtrArray) iins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) good = many_employees_xml (1200, 0, iins);
  g_autofree char *centres_before = centre_list (store);
  g_autofree char *anchor = g_strdup_printf ("iin=\"%s\"", (const char *) g_ptr_array_index (iins, 1099));
  g_autofree char *find = g_strdup_printf ("%s surname=\"Сейітов\" name=\"Ерлан\" birth-date=\"1980-01-01\"", anchor);
  g_autofree char *bad_iin = replace_once (good->str, find,
                                           "iin=\"900101300127\" surname=\"Сейітов\" name=\"Ерлан\" birth-date=\"1990-01-01\"");
  g_autofree char *bad_centre = replace_after (good->str, anchor, "centre=\"almaty-bostandyk\"", "centre=\"taraz\"");
  g_autofree char *expected_centre = g_strdup_printf ("centre.xml:5502: employee %s, assignment 1: attribute “centre”: "
                                                      "no centre has the code “taraz”, neither in this file nor in the database",
                                                      (const char *) g_ptr_array_index (iins, 1099));
  GDate day = today ();
  const struct { const char *name; const char *text; int code; const char *message; } cases[] = {
    /* employee 1 100 starts on line 4 + 5 × 1 099 */
    { "iin.xml", bad_iin, SHTAT_EXCHANGE_ERROR_VALUE,
      "iin.xml:5499: employee 900101300127: attribute “iin”: “900101300127” is not an IIN: "
      "The check digit of the IIN is 7, but its other digits give 6: a digit is mistyped" },
    /* its assignment is on the fourth of its lines */
    { "centre.xml", bad_centre, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE, expected_centre },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (f, cases[i].name, cases[i].text, -1);
      Progress progress = { 0.0, 0 };
      guint n_changed = 99;

      g_test_message ("%s", cases[i].name);
      g_assert_false (shtat_import_personnel (store, library, path, &day, &n_changed, NULL, progress_cb,
                                              &progress, &error));
      g_assert_error (error, SHTAT_EXCHANGE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* at the 512th and the 1 024th employee */
      g_assert_cmpuint (progress.calls, ==, 2);
      g_assert_cmpuint (n_changed, ==, 0);
      assert_unchanged (store, before, centres_before);
    }
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

  find_data_dir ();
  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/xml/read", test_xml_read);
  ADD ("/exchange/xml/round-trip", test_xml_round_trip);
  ADD ("/exchange/xml/every-name", test_xml_every_name);
  ADD ("/exchange/xml/write-atomic", test_xml_write_atomic);
  ADD ("/exchange/xml/bad-records", test_xml_bad_records);
  ADD ("/exchange/xml/big-lines", test_xml_big_lines);
  ADD ("/exchange/xml/hostile", test_xml_hostile);
  ADD ("/exchange/xml/schema-corpus", test_xml_schema_corpus);
  ADD ("/exchange/xml/own-rules-beyond-schema", test_xml_own_rules_beyond_schema);
  ADD ("/exchange/xml/own-rules-same-records", test_xml_own_rules_same_records);
  ADD ("/exchange/csv/utf8-bom", test_csv_utf8_bom);
  ADD ("/exchange/csv/cp1251", test_csv_cp1251);
  ADD ("/exchange/csv/kazakh", test_csv_kazakh);
  ADD ("/exchange/csv/bad", test_csv_bad);
  ADD ("/exchange/import/again", test_import);
  ADD ("/exchange/import/csv-invalid", test_import_csv_invalid);
  ADD ("/exchange/import/cancelled", test_import_cancelled);
  ADD ("/exchange/import/streamed", test_import_streamed);
  ADD ("/exchange/import/streamed-store-error", test_import_streamed_store_error);
  ADD ("/exchange/import/empty-half-way", test_import_empty_half_way);
  ADD ("/exchange/xml/beyond-schema-read-once", test_xml_beyond_schema_read_once);
  ADD ("/exchange/import/beyond-schema-read-once", test_import_beyond_schema_read_once);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&library);
  g_free (data_dir);
  return ret;
}
