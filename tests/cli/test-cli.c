/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-cli"

/* shtat-cli as a script or a person uses it: its output, its JSON, its exit codes. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *r,
         const char *lang,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SHTAT_CLI"));
  va_start (args, lang);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_row (JsonObject *root,
          gint64      n)
{
  JsonArray *rows = json_object_get_array_member (root, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      if (json_object_get_int_member (row, "row") == n)
        return row;
    }
  g_assert_not_reached ();
}

/* The JSON interface of the issue: table, drivers, rows with row/position/name/
 * rule/units/citation, total_units; typical rows have null units. */
static void
test_minimum_json (void)
{
  struct { const char *appeals; double total; } cases[] = {
    { "50", 18 }, { "50.4", 25.5 }, { "100", 25.5 }, { "101", 32.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root, *drivers, *r15, *r17, *r19;

      run_cli (&r, "en", "minimum", "--table", "fsc", "--appeals", cases[i].appeals, "--vehicles", "1",
               "--format", "json", NULL);
      g_assert_cmpint (r.status, ==, 0);
      root = parse_json (parser, r.out);
      g_assert_cmpstr (json_object_get_string_member (root, "table"), ==, "fsc");
      drivers = json_object_get_object_member (root, "drivers");
      g_assert_cmpfloat (json_object_get_double_member (drivers, "appeals"), ==, g_ascii_strtod (cases[i].appeals, NULL));
      g_assert_cmpfloat (json_object_get_double_member (drivers, "vehicles"), ==, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rows")), ==, 20);
      g_assert_cmpfloat (json_object_get_double_member (root, "total_units"), ==, cases[i].total);

      r15 = find_row (root, 15);
      g_assert_cmpstr (json_object_get_string_member (r15, "position"), ==, "driver");
      g_assert_cmpstr (json_object_get_string_member (r15, "name"), ==, "Driver");
      g_assert_cmpstr (json_object_get_string_member (r15, "rule"), ==, "per");
      g_assert_cmpfloat (json_object_get_double_member (r15, "units"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (r15, "citation"), ==, "000 App r.15");

      r17 = find_row (root, 17);
      g_assert_cmpstr (json_object_get_string_member (r17, "rule"), ==, "typical");
      g_assert_true (json_object_get_null_member (r17, "units"));

      r19 = find_row (root, 19);
      g_assert_cmpstr (json_object_get_string_member (r19, "rule"), ==, "bracketed");
    }
}

/* Russian names and remarks when asked for. */
static void
test_minimum_json_russian (void)
{
  g_auto(Run) r;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  run_cli (&r, "en", "minimum", "--table", "fsc", "--appeals", "10", "--lang", "ru", "-f", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (parser, r.out);
  g_assert_cmpstr (json_object_get_string_member (find_row (root, 17), "name"), ==, "уборщица");
  /* no --vehicles: no vehicle, no driver */
  g_assert_cmpfloat (json_object_get_double_member (find_row (root, 15), "units"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (root, "total_units"), ==, 17);
}

/* --lang translates the whole output, not only the names from the norm data,
 * whatever the caller's own language. */
static void
test_minimum_text_russian (void)
{
  g_auto(Run) r;

  run_cli (&r, "en", "minimum", "--table", "fsc", "--appeals", "60", "--vehicles", "1", "--lang", "ru", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Итого штатных единиц: 25,5"));
  g_assert_nonnull (strstr (r.out, "Толкование (000 App)"));
  g_assert_null (strstr (r.out, "Interpretation"));
}

/* The text a person reads: rows, the total, and interpretations with their citation. */
static void
test_minimum_text (void)
{
  g_auto(Run) r;

  run_cli (&r, "en", "minimum", "--table", "fsc", "--appeals", "60", "--vehicles", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Total: 25.5 units"));
  g_assert_nonnull (strstr (r.out, "Bracket: 51–100"));
  g_assert_nonnull (strstr (r.out, "Social worker – case manager"));
  g_assert_nonnull (strstr (r.out, "Interpretation (000 App)"));
  g_assert_nonnull (strstr (r.out, "[000 App r.13]"));
}

/* Order 391, table 1, with its special rules from the command line. */
static void
test_minimum_t1 (void)
{
  g_auto(Run) r;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  run_cli (&r, "en", "minimum", "--table", "t1", "--recipients", "120", "--vehicles", "5", "--beds", "120",
           "--lift", "--sewerage", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (parser, r.out);
  /* 5 vehicles, limit 3 below 150 recipients */
  g_assert_cmpfloat (json_object_get_double_member (find_row (root, 14), "units"), ==, 3);
  /* 120 beds: 3 started blocks of 50 × 5.25 */
  g_assert_cmpfloat (json_object_get_double_member (find_row (root, 35), "units"), ==, 15.75);
  /* a lift: by typical norms */
  g_assert_true (json_object_get_null_member (find_row (root, 12), "units"));
  g_assert_true (json_object_get_boolean_member (find_row (root, 12), "applies"));
  /* on sewerage: no cesspit carriers */
  g_assert_false (json_object_get_boolean_member (find_row (root, 21), "applies"));
}

/* Bad arguments: a clear message on stderr and exit status 2. */
static void
test_bad_arguments (void)
{
  struct { const char *args[8]; const char *expect; } cases[] = {
    { { "minimum", "--table", "fsc", NULL }, "Appeals per working day" },
    { { "minimum", "--table", "nope", "--appeals", "3", NULL }, "unknown table “nope”" },
    { { "minimum", "--appeals", "3", NULL }, "--table" },
    { { "minimum", "--table", "fsc", "--appeals", "many", NULL }, "many" },
    { { "minimum", "--table", "fsc", "--appeals", "-4", NULL }, "Appeals per working day" },
    { { "minimum", "--table", "fsc", "--appeals", "4", "--vehicles", "1.5", NULL }, "whole number" },
    { { "minimum", "--table", "fsc", "--appeals", "4", "--format", "xml", NULL }, "unknown format “xml”" },
    { { "minimum", "--table", "fsc", "--appeals", "4", "--lang", "de", NULL }, "unknown language “de”" },
    { { "minimum", "--table", "fsc", "--appeals", "4", "--as-of", "2026-02-30", NULL }, "2026-02-30" },
    { { "minimum", "--table", "fsc", "--appeals", "4", "extra", NULL }, "unexpected argument “extra”" },
    { { "frobnicate", NULL }, "unknown command “frobnicate”" },
    { { "norms", "--position", "astronaut", NULL }, "unknown position “astronaut”" },
    { { NULL }, "Usage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r;
      const char **a = cases[i].args;

      run_cli (&r, "en", a[0], a[0] ? a[1] : NULL, a[0] && a[1] ? a[2] : NULL,
               a[0] && a[1] && a[2] ? a[3] : NULL, a[0] && a[1] && a[2] && a[3] ? a[4] : NULL,
               a[0] && a[1] && a[2] && a[3] && a[4] ? a[5] : NULL,
               a[0] && a[1] && a[2] && a[3] && a[4] && a[5] ? a[6] : NULL, NULL);
      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      if (strstr (r.err, cases[i].expect) == NULL && strstr (r.out, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, r.err, cases[i].expect);
    }
}

/* `norms` lists the tables and the positions, and shows one position's ladder. */
static void
test_norms (void)
{
  g_auto(Run) list;
  g_auto(Run) one;
  g_auto(Run) ext;

  run_cli (&list, "en", "norms", NULL);
  g_assert_cmpint (list.status, ==, 0);
  for (const char * const *id = (const char *[]) { "fsc ", "t1 ", "t2 ", "t3 ", "t4 ", "psychologist", "case-manager", NULL }; *id; id++)
    g_assert_nonnull (strstr (list.out, *id));
  g_assert_nonnull (strstr (list.out, "order 775"));

  run_cli (&one, "en", "norms", "--position", "psychologist", NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_nonnull (strstr (one.out, "003 ¶21"));
  g_assert_nonnull (strstr (one.out, "At least 3 years in the position"));

  run_cli (&ext, "en", "norms", "--position", "accountant", NULL);
  g_assert_cmpint (ext.status, ==, 0);
  g_assert_nonnull (strstr (ext.out, "order 775"));
}

/* import → re-import → export → check, on a database of its own. */
static void
test_personnel_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shtat-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shtat.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "personnel", "valid.xml", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "personnel", "billion-laughs.xml", NULL);
  g_auto(Run) first;
  g_auto(Run) again;
  g_auto(Run) hostile;
  g_auto(Run) exported;
  g_auto(Run) check;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *checks;
  gboolean found = FALSE;

  run_cli (&first, "en", "import", "--db", db, valid, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "2 personnel files added or changed"));

  /* the same file again changes nothing */
  run_cli (&again, "en", "import", "--db", db, valid, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 personnel files added or changed"));

  /* a hostile file is refused, with its name, and nothing is written */
  run_cli (&hostile, "en", "import", "--db", db, bad, NULL);
  g_assert_cmpint (hostile.status, ==, 1);
  g_assert_nonnull (strstr (hostile.err, "nothing was imported"));
  g_assert_nonnull (strstr (hostile.err, "billion-laughs.xml"));

  run_cli (&exported, "en", "export", "--db", db, out, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "2 personnel files exported"));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  /* 850415400237 holds category I as a psychologist with no experience
   * recorded: category I needs 2 years in category II (003 ¶21), so the file
   * does not meet the requirements and the category is not justified. */
  run_cli (&check, "en", "check", "--db", db, "--as-of", "2026-11-22", "--format", "json", NULL);
  g_assert_cmpint (check.status, ==, 0);
  root = parse_json (parser, check.out);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-11-22");
  checks = json_object_get_array_member (root, "checks");
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *c = json_array_get_object_element (checks, i);

      if (g_str_equal (json_object_get_string_member (c, "iin"), "850415400237"))
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (c, "position"), ==, "psychologist");
          g_assert_cmpstr (json_object_get_string_member (c, "verdict"), ==, "does-not-meet");
          g_assert_cmpstr (json_object_get_string_member (c, "category_held"), ==, "first");
          g_assert_false (json_object_get_boolean_member (c, "held_justified"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "reasons")), >, 0);
        }
    }
  g_assert_true (found);

  g_remove (out);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

/* A centre's schedule through its life: a draft from the norms, filled in as
 * XML, submitted, approved with the akimat's order, exported; an approved
 * version is not approved twice. */
static void
test_schedule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shtat-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shtat.db", NULL);
  g_autofree char *xml = g_build_filename (dir, "schedule.xml", NULL);
  g_autofree char *pdf = g_build_filename (dir, "schedule.pdf", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "personnel", "valid.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) filled = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) imp;
  g_auto(Run) draft;
  g_auto(Run) early;
  g_auto(Run) exported;
  g_auto(Run) saved;
  g_auto(Run) submitted;
  g_auto(Run) approved;
  g_auto(Run) again;
  g_auto(Run) shown;
  g_auto(Run) pdf_run;
  JsonObject *root;

  run_cli (&imp, "en", "import", "--db", db, valid, NULL);
  g_assert_cmpint (imp.status, ==, 0);

  /* 60 appeals and one vehicle: 25.5 units outside the typical-norm rows (000 App) */
  run_cli (&draft, "en", "schedule", "new", "--db", db, "--centre", "almaty-bostandyk", "--appeals", "60",
           "--vehicles", "1", NULL);
  g_assert_cmpint (draft.status, ==, 0);
  g_assert_nonnull (strstr (draft.out, "Draft version 1"));
  g_assert_nonnull (strstr (draft.out, "25.5 staff units"));

  /* without salaries it cannot be submitted, and says which line */
  run_cli (&early, "en", "schedule", "submit", "--db", db, "--centre", "almaty-bostandyk", NULL);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_nonnull (strstr (early.err, "Director"));

  /* every line at 200 000 ₸; the cleaner 1 unit and the yard keeper 0.5 by typical norms */
  run_cli (&exported, "en", "schedule", "export", "--db", db, "--centre", "almaty-bostandyk", "--format", "xml", xml, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
  filled = g_string_new (text);
  g_string_replace (filled, "salary=\"0\"", "salary=\"20000000\"", 0);
  g_string_replace (filled, "position=\"cleaner\" units=\"0\" salary=\"20000000\" allowances=\"0\"/>",
                    "position=\"cleaner\" units=\"1\" salary=\"20000000\" allowances=\"0\"><reference>Typical norms</reference></line>", 0);
  g_string_replace (filled, "position=\"yard-keeper\" units=\"0\" salary=\"20000000\" allowances=\"0\"/>",
                    "position=\"yard-keeper\" units=\"0.5\" salary=\"20000000\" allowances=\"0\"><reference>Typical norms</reference></line>", 0);
  g_assert_true (g_file_set_contents (xml, filled->str, -1, NULL));
  run_cli (&saved, "en", "schedule", "import", "--db", db, xml, NULL);
  g_assert_cmpint (saved.status, ==, 0);

  run_cli (&submitted, "en", "schedule", "submit", "--db", db, "--centre", "almaty-bostandyk", NULL);
  g_assert_cmpint (submitted.status, ==, 0);
  run_cli (&approved, "en", "schedule", "approve", "--db", db, "--centre", "almaty-bostandyk", "--order", "214-п",
           "--order-date", "2026-11-20", "--akimat", "Бостандық ауданының әкімдігі", "--signatory", "Сейітқалиев Ә. Б.",
           "--effective", "2026-12-01", NULL);
  g_assert_cmpint (approved.status, ==, 0);
  g_assert_nonnull (strstr (approved.out, "SHA-256"));
  run_cli (&again, "en", "schedule", "approve", "--db", db, "--centre", "almaty-bostandyk", "--order", "215",
           "--order-date", "2026-11-21", "--akimat", "x", "--signatory", "y", "--effective", "2026-12-01", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already approved"));

  /* 27 units × 200 000 ₸ = 5 400 000 ₸ a month (540 000 000 tiyn), 12 times that a year */
  run_cli (&shown, "en", "schedule", "show", "--db", db, "--centre", "almaty-bostandyk", "--format", "json", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  root = parse_json (parser, shown.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "approved");
  g_assert_cmpfloat (json_object_get_double_member (root, "total_units"), ==, 27);
  g_assert_cmpint (json_object_get_int_member (root, "monthly_fund_tiyn"), ==, 540000000);
  g_assert_cmpint (json_object_get_int_member (root, "annual_fund_tiyn"), ==, 6480000000);
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "sha256")), ==, 64);

  run_cli (&pdf_run, "en", "schedule", "export", "--db", db, "--centre", "almaty-bostandyk", "--format", "pdf",
           "--lang", "ru", pdf, NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  {
    g_autofree char *head = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (pdf, &head, &len, NULL));
    g_assert_true (len > 1000 && g_str_has_prefix (head, "%PDF"));
  }

  for (const char * const *name = (const char *[]) { "shtat.db", "shtat.db-wal", "shtat.db-shm", "schedule.xml", "schedule.pdf", NULL };
       *name; name++)
    {
      g_autofree char *p = g_build_filename (dir, *name, NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}

/* A centre's appeals entered from the command line and from CSV, and the
 * derivation shown. January–March 2025 have 23, 20 and 21 weekdays (1 January
 * a Wednesday, February four whole weeks, 1 March a Saturday); with 1 January
 * a holiday, 22 + 20 + 21 = 63 working days. The counts add up to
 * 1 000 + 1 200 + 1 321 = 3 521, and 3 521 / 63 = 55.888… a day: above 50,
 * the 51–100 bracket (000 App; decisions.md item 1). */
static void
test_centre_profile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shtat-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shtat.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "appeals.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "personnel", "valid.xml", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) imp;
  g_auto(Run) imported;
  g_auto(Run) refused;
  g_auto(Run) negative;
  g_auto(Run) unknown;
  g_auto(Run) holiday;
  g_auto(Run) set;
  g_auto(Run) shown;
  g_auto(Run) text;
  g_auto(Run) nowhere;
  JsonObject *root, *bracket;
  JsonArray *months;

  run_cli (&imp, "en", "import", "--db", db, valid, NULL);
  g_assert_cmpint (imp.status, ==, 0);

  g_assert_true (g_file_set_contents (csv, "month,channel,count\n"
                                           "2025-01,self,600\n2025-01,contact-111,250\n2025-01,information-systems,100\n"
                                           "2025-01,referrals,40\n2025-01,media,10\n"
                                           "2025-02,self,700\n2025-02,contact-111,300\n2025-02,information-systems,150\n"
                                           "2025-02,referrals,40\n2025-02,media,10\n", -1, NULL));
  run_cli (&imported, "en", "centre", "import-appeals", "almaty-bostandyk", csv, "--db", db, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "10 monthly counts imported"));

  /* a bad line: nothing of the file is kept, and the line is named */
  g_assert_true (g_file_set_contents (bad, "2025-03,self,5\n2025-03,fax,1\n", -1, NULL));
  run_cli (&refused, "en", "centre", "import-appeals", "almaty-bostandyk", bad, "--db", db, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "bad.csv:2: unknown channel “fax”"));
  g_assert_nonnull (strstr (refused.err, "nothing was imported"));

  /* March: 1 321 in the five channels, one by one */
  for (const char * const *pair = (const char *[]) { "self", "800", "contact-111", "321", "information-systems", "150",
                                                     "referrals", "40", "media", "10", NULL };
       *pair != NULL; pair += 2)
    {
      g_auto(Run) one;

      run_cli (&one, "en", "centre", "appeals", "almaty-bostandyk", "--month", "2025-03", "--channel", pair[0],
               "--count", pair[1], "--db", db, NULL);
      g_assert_cmpint (one.status, ==, 0);
    }
  run_cli (&negative, "en", "centre", "appeals", "almaty-bostandyk", "--month", "2025-03", "--channel", "self",
           "--count", "-3", "--db", db, NULL);
  g_assert_cmpint (negative.status, ==, 1);
  g_assert_nonnull (strstr (negative.err, "Appeals of 03.2025, The person or family applied: the count -3 is negative"));
  run_cli (&unknown, "en", "centre", "appeals", "almaty-bostandyk", "--month", "2025-03", "--channel", "fax",
           "--count", "3", "--db", db, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown channel “fax”"));

  run_cli (&holiday, "en", "calendar", "holiday", "2025-01-01", "--note", "Жаңа жыл", "--db", db, NULL);
  g_assert_cmpint (holiday.status, ==, 0);
  run_cli (&set, "en", "centre", "set", "almaty-bostandyk", "--vehicles", "2", "--from", "2025-01", "--to", "2025-03",
           "--db", db, NULL);
  g_assert_cmpint (set.status, ==, 0);

  run_cli (&shown, "en", "centre", "profile", "almaty-bostandyk", "--db", db, "--format", "json", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  root = parse_json (parser, shown.out);
  g_assert_cmpstr (json_object_get_string_member (root, "citation"), ==, "256-НҚ §12");
  g_assert_cmpint (json_object_get_int_member (root, "total_appeals"), ==, 3521);
  g_assert_cmpint (json_object_get_int_member (root, "working_days"), ==, 63);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "average"), 3521.0 / 63.0, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "missing_months")), ==, 0);
  months = json_object_get_array_member (root, "months");
  g_assert_cmpuint (json_array_get_length (months), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (months, 0), "working_days"), ==, 22);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (months, 2), "total"), ==, 1321);
  bracket = json_object_get_object_member (root, "bracket");
  g_assert_cmpstr (json_object_get_string_member (bracket, "id"), ==, "51-100");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "drivers"), "vehicles"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "monthly statistics, 01.2025–03.2025");
  g_assert_cmpstr (json_object_get_string_member (root, "explanation"), ==,
                   "3\u00a0521 appeals over 63 working days (01.2025–03.2025) = 55.89 a day → bracket 51–100");

  /* a longer period: the months without data are named, not counted as 0 */
  run_cli (&text, "en", "centre", "profile", "almaty-bostandyk", "--from", "2025-01", "--to", "2025-05", "--db", db, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "= 55.89 a day → bracket 51–100; no data for 04.2025, 05.2025"));
  g_assert_nonnull (strstr (text.out, "no data"));

  run_cli (&nowhere, "en", "centre", "profile", "nowhere", "--db", db, NULL);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "There is no centre “nowhere”"));

  remove_dir (dir);
}

/* The pay grid imported from CSV (docs/pay-grid.md) and shown. SAMPLE figures. */
static void
test_paygrid (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shtat-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shtat.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "grid.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) imported;
  g_auto(Run) refused;
  g_auto(Run) shown;
  g_auto(Run) as_csv;
  JsonObject *root;
  const char *grid = "kind,from,position,block,category,years,value\n"
                     "base,2026-01-01,,,,,20000.00\n"
                     "coefficient,2026-01-01,,B2,1,0,3.79\n"
                     "position,,psychologist,B2,1,0,\n";

  g_assert_true (g_file_set_contents (csv, grid, -1, NULL));
  run_cli (&imported, "en", "paygrid", "import", csv, "--db", db, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "1 base salaries, 1 coefficients, 1 positions"));

  g_assert_true (g_file_set_contents (bad, "base,2026-01-01,,,,,-5\n", -1, NULL));
  run_cli (&refused, "en", "paygrid", "import", bad, "--db", db, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "bad.csv:1:"));

  run_cli (&shown, "en", "paygrid", "show", "--format", "json", "--db", db, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  root = parse_json (parser, shown.out);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (root, "bases"), 0),
                                               "tiyn"), ==, 2000000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "coefficients"), 0),
                                                  "coefficient"), ==, "3.79");

  /* the refused file changed nothing: the grid reads back as imported */
  run_cli (&as_csv, "en", "paygrid", "show", "--format", "csv", "--db", db, NULL);
  g_assert_cmpint (as_csv.status, ==, 0);
  g_assert_cmpstr (as_csv.out, ==, grid);

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("SHTAT_CLI"));

  g_test_add_func ("/cli/minimum/json", test_minimum_json);
  g_test_add_func ("/cli/minimum/json-russian", test_minimum_json_russian);
  g_test_add_func ("/cli/minimum/text", test_minimum_text);
  g_test_add_func ("/cli/minimum/text-russian", test_minimum_text_russian);
  g_test_add_func ("/cli/minimum/t1", test_minimum_t1);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/norms", test_norms);
  g_test_add_func ("/cli/personnel/round-trip", test_personnel_round_trip);
  g_test_add_func ("/cli/schedule", test_schedule);
  g_test_add_func ("/cli/centre-profile", test_centre_profile);
  g_test_add_func ("/cli/paygrid", test_paygrid);

  return g_test_run ();
}
