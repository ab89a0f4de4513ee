/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-bench-exchange"

/* Importing the personnel XML into an empty database (performance.md, third
 * row): 100 000 generated employees are exported with
 * shtat_personnel_xml_write(), then shtat_import_personnel() is timed in a child
 * process of its own, so that its peak memory (VmHWM) is the import's alone.
 * Next to it, the floors measured on the same data where the tools are
 * installed: `sqlite3 .import` of the same rows as CSV, and
 * `xmllint --stream --noout` of the XML, without and with the schema (the
 * reader checks the schema's rules itself; the validator reads again only
 * a file it refuses). Then the two halves of the import, each alone in a
 * child: reading the XML (no database), and the store's bulk insert of the
 * same employees read beforehand; the import reads and writes in two
 * threads, so it takes about as long as the longer half. Each time is
 * printed with the CPU time it took (user + system), which says more than
 * the wall clock on a busy machine. Then the same file is imported again
 * over the last import, which compares every file with the stored one and
 * changes nothing.
 * Usage: bench-exchange [N_EMPLOYEES [N_CENTRES]]. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "shtat-core.h"
#include "shtat-generator.h"
#include "shtat-personnel-exchange-private.h"

#define N_RUNS 3
#define SEED   20250101

/* performance.md */
#define TARGET_SECONDS     3.4
#define TARGET_MIB         100
#define SQLITE_FLOOR_DOC   2.26
#define XMLLINT_FLOOR_DOC  0.85

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* User and system time of this process (@who RUSAGE_SELF) or of its
 * children waited for (RUSAGE_CHILDREN), in seconds. */
static double
cpu_seconds (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return (double) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
         + (double) (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / G_USEC_PER_SEC;
}

/* One run: its wall-clock time and its CPU time, in seconds; for an import,
 * also the time that closing the store took after it (what the database
 * engine left to do once the import was committed). */
typedef struct
{
  double wall;
  double cpu;
  double closing;
} Timing;

static int
compare_timings (const void *a,
                 const void *b)
{
  double x = ((const Timing *) a)->wall;
  double y = ((const Timing *) b)->wall;

  return x < y ? -1 : x > y;
}

static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* The child: one import, its time, the files changed and its peak memory on
 * stdout. */
static int
child_import (const char *xml,
              const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  GDate reference;
  guint n_changed = 0;
  gint64 start;
  double seconds;
  double cpu;

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);
  store = shtat_store_open (db, &error);
  g_assert_no_error (error);
  shtat_generator_get_reference_date (&reference);

  cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  if (!shtat_import_personnel (store, library, xml, &reference, &n_changed, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  seconds = seconds_since (start);
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  start = g_get_monotonic_time ();
  g_clear_object (&store);
  g_print ("%.3f %u %" G_GUINT64_FORMAT " %.3f %.3f\n", seconds, n_changed, peak_rss_kib (), cpu,
           seconds_since (start));
  return 0;
}

static gboolean
drop_cb (GPtrArray      *centres,
         ShtatEmployee  *employee,
         guint           line,
         gpointer        user_data,
         GError        **error)
{
  return TRUE;
}

/* The child: the reading half of the import alone, as the import reads
 * (each employee dropped once read), with no database. */
static int
child_read (const char *xml)
{
  static const ShtatPersonnelSink sink = { NULL, drop_cb, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds (RUSAGE_SELF);

  if (!shtat_personnel_xml_read_records (xml, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA, &sink,
                                         NULL, NULL, NULL, NULL, NULL, NULL, 1.0, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%.3f 0 %" G_GUINT64_FORMAT " %.3f 0\n", seconds_since (start), peak_rss_kib (),
           cpu_seconds (RUSAGE_SELF) - cpu);
  return 0;
}

/* The child: the writing half alone, the store's bulk insert of every
 * employee of @xml (read into memory first, and not timed). */
static int
child_store (const char *xml,
             const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(ShtatStore) store = NULL;
  ShtatStoreImport *import;
  guint n_changed = 0;
  gint64 start;
  double seconds;
  double cpu;

  store = shtat_store_open (db, &error);
  g_assert_no_error (error);
  shtat_personnel_xml_read (xml, &centres, &employees, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  import = shtat_store_import_begin (store, centres, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < employees->len; i++)
    {
      shtat_store_import_add (import, g_ptr_array_index (employees, i), &error);
      g_assert_no_error (error);
    }
  shtat_store_import_commit (import, &n_changed, &error);
  g_assert_no_error (error);
  seconds = seconds_since (start);
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  start = g_get_monotonic_time ();
  g_clear_object (&store);
  g_print ("%.3f %u %" G_GUINT64_FORMAT " %.3f %.3f\n", seconds, n_changed, peak_rss_kib (), cpu,
           seconds_since (start));
  return 0;
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_date (GString     *out,
          const GDate *date)
{
  if (g_date_valid (date))
    g_string_append_printf (out, "%04u-%02u-%02u", (guint) g_date_get_year (date),
                            (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* The same rows as CSV tables, one per record kind, for `sqlite3 .import`. */
static void
write_csv_tables (const char *dir,
                  GPtrArray  *employees)
{
  g_autoptr(GString) people = g_string_new ("iin,surname,name,patronymic,birth_date,sex\n");
  g_autoptr(GString) periods = g_string_new ("iin,organisation,sector,position,level,category,managerial,date_from,date_to\n");
  g_autoptr(GString) education = g_string_new ("iin,level,field,relevant,specialty,institution,diploma,year\n");
  g_autoptr(GString) other = g_string_new ("iin,kind,centre,position,rate,date_from,date_to\n");
  g_autoptr(GError) error = NULL;
  struct { const char *name; GString *text; } files[] = {
    { "employees.csv", people }, { "periods.csv", periods },
    { "education.csv", education }, { "other.csv", other },
  };

  for (guint i = 0; i < employees->len; i++)
    {
      const ShtatEmployee *e = g_ptr_array_index (employees, i);

      g_string_append_printf (people, "%s,", e->iin);
      csv_field (people, e->surname);
      g_string_append_c (people, ',');
      csv_field (people, e->name);
      g_string_append_c (people, ',');
      csv_field (people, e->patronymic);
      g_string_append_c (people, ',');
      csv_date (people, &e->birth_date);
      g_string_append_printf (people, ",%d\n", e->sex);

      for (guint j = 0; j < e->periods->len; j++)
        {
          const ShtatWorkPeriod *p = &g_array_index (e->periods, ShtatWorkPeriod, j);

          g_string_append_printf (periods, "%s,", e->iin);
          csv_field (periods, p->organisation);
          g_string_append_printf (periods, ",%d,", p->sector);
          csv_field (periods, p->position);
          g_string_append_printf (periods, ",%d,%d,%d,", p->level, p->category, p->managerial);
          csv_date (periods, &p->from);
          g_string_append_c (periods, ',');
          csv_date (periods, &p->to);
          g_string_append_c (periods, '\n');
        }
      for (guint j = 0; j < e->education->len; j++)
        {
          const ShtatEducation *ed = &g_array_index (e->education, ShtatEducation, j);

          g_string_append_printf (education, "%s,%d,%d,%d,", e->iin, ed->level, ed->field, ed->relevant);
          csv_field (education, ed->specialty);
          g_string_append_c (education, ',');
          csv_field (education, ed->institution);
          g_string_append_c (education, ',');
          csv_field (education, ed->diploma);
          g_string_append_printf (education, ",%u\n", ed->year);
        }
      for (guint j = 0; j < e->certificates->len; j++)
        {
          const ShtatCertificate *c = &g_array_index (e->certificates, ShtatCertificate, j);

          g_string_append_printf (other, "%s,certificate,", e->iin);
          csv_field (other, c->kind);
          g_string_append (other, ",,,");
          csv_date (other, &c->issued);
          g_string_append_c (other, ',');
          csv_date (other, &c->expires);
          g_string_append_c (other, '\n');
        }
      for (guint j = 0; j < e->assignments->len; j++)
        {
          const ShtatAssignment *a = &g_array_index (e->assignments, ShtatAssignment, j);

          g_string_append_printf (other, "%s,assignment,", e->iin);
          csv_field (other, a->centre_code);
          g_string_append_c (other, ',');
          csv_field (other, a->position);
          g_string_append_printf (other, ",%d,", a->rate);
          csv_date (other, &a->from);
          g_string_append_c (other, ',');
          csv_date (other, &a->to);
          g_string_append_c (other, '\n');
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_file_set_contents (path, files[i].text->str, (gssize) files[i].text->len, &error);
      g_assert_no_error (error);
    }
}

/* Runs @mode (--child-import, --child-read, --child-store) on @xml and @db
 * in a child process, which must change @n_changed files; its time, its CPU
 * time and closing time in @timing and its peak memory in @peak_kib. */
static double
run_child (const char *self,
           const char *mode,
           const char *xml,
           const char *db,
           guint       n_changed,
           guint64    *peak_kib,
           Timing     *timing)
{
  const char *child[] = { self, mode, xml, db, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) fields = NULL;

  proc = g_subprocess_newv (child, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  fields = g_strsplit (g_strstrip (out), " ", 5);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpuint (g_ascii_strtoull (fields[1], NULL, 10), ==, n_changed);
  *peak_kib = g_ascii_strtoull (fields[2], NULL, 10);
  timing->cpu = g_ascii_strtod (fields[3], NULL);
  timing->closing = g_ascii_strtod (fields[4], NULL);
  return g_ascii_strtod (fields[0], NULL);
}

/* Runs @argv in @dir; its time (and its CPU time in @cpu), or a negative
 * number when it fails. */
static double
time_tool (const char  *dir,
           const char **argv,
           const char  *input,
           double      *cpu)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double children = cpu_seconds (RUSAGE_CHILDREN);
  double seconds;

  g_subprocess_launcher_set_cwd (launcher, dir);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (proc == NULL
      || !g_subprocess_communicate_utf8 (proc, input, NULL, NULL, NULL, &error)
      || !g_subprocess_wait (proc, NULL, &error)
      || !g_subprocess_get_successful (proc))
    return -1;
  seconds = seconds_since (start);
  *cpu = cpu_seconds (RUSAGE_CHILDREN) - children;
  return seconds;
}

/* Sorts @times by wall-clock time; the best of them. */
static double
best_of (Timing *times,
         guint   n)
{
  qsort (times, n, sizeof (Timing), compare_timings);
  return times[0].wall;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *db = NULL;
  g_autofree char *sqlite3 = NULL;
  g_autofree char *xmllint = NULL;
  g_autofree char *rng = NULL;
  guint n_employees, n_centres;
  Timing import_times[N_RUNS], sqlite_times[N_RUNS], xmllint_times[N_RUNS];
  Timing relaxng_times[N_RUNS], read_times[N_RUNS], store_times[N_RUNS];
  Timing again;
  guint64 peak_kib = 0;
  guint64 kib;
  guint64 again_kib;
  GStatBuf st;
  gint64 start;

  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();

  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    return child_import (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--child-read"))
    return child_read (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--child-store"))
    return child_store (argv[2], argv[3]);

  n_employees = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  n_centres = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 250;

  dir = g_dir_make_tmp ("shtat-bench-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  xml = g_build_filename (dir, "personnel.xml", NULL);
  db = g_build_filename (dir, "shtat.db", NULL);

  start = g_get_monotonic_time ();
  employees = shtat_generate_employees (n_centres, n_employees, SEED, &centres);
  g_print ("generated %u employees at %u centres in %.2f s\n", n_employees, n_centres,
           seconds_since (start));

  start = g_get_monotonic_time ();
  shtat_personnel_xml_write (xml, centres, employees, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (xml, &st), ==, 0);
  g_print ("shtat_personnel_xml_write: %.2f s, %.1f MB\n", seconds_since (start),
           (double) st.st_size / 1e6);
  write_csv_tables (dir, employees);
  g_clear_pointer (&employees, g_ptr_array_unref);
  g_clear_pointer (&centres, g_ptr_array_unref);

  sqlite3 = g_find_program_in_path ("sqlite3");
  xmllint = g_find_program_in_path ("xmllint");
  /* the schema as the import uses it */
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/shtat/Shtat/norms/personnel.rng",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

    g_assert_no_error (error);
    rng = g_build_filename (dir, "personnel.rng", NULL);
    g_file_set_contents (rng, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                         &error);
    g_assert_no_error (error);
  }

  /* The import and its floors in turns, so that a busy spell of the
   * machine weighs on all of them alike. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      const char *import_argv[] = { sqlite3, "floor.db", NULL };
      const char *xmllint_argv[] = { xmllint, "--stream", "--noout", "personnel.xml", NULL };
      const char *relaxng_argv[] = { xmllint, "--stream", "--noout", "--relaxng", "personnel.rng",
                                     "personnel.xml", NULL };
      g_autofree char *floor_db = g_build_filename (dir, "floor.db", NULL);

      remove_database (db);
      import_times[run].wall = run_child (argv[0], "--child-import", xml, db, n_employees, &kib,
                                          &import_times[run]);
      peak_kib = MAX (peak_kib, kib);

      remove_database (floor_db);
      sqlite_times[run].wall = sqlite3 != NULL
                                 ? time_tool (dir, import_argv,
                                              ".mode csv\n"
                                              ".import employees.csv employees\n"
                                              ".import periods.csv periods\n"
                                              ".import education.csv education\n"
                                              ".import other.csv other\n",
                                              &sqlite_times[run].cpu)
                                 : -1;
      remove_database (floor_db);
      xmllint_times[run].wall = xmllint != NULL
                                  ? time_tool (dir, xmllint_argv, NULL, &xmllint_times[run].cpu)
                                  : -1;
      relaxng_times[run].wall = xmllint != NULL
                                  ? time_tool (dir, relaxng_argv, NULL, &relaxng_times[run].cpu)
                                  : -1;

      read_times[run].wall = run_child (argv[0], "--child-read", xml, db, 0, &kib,
                                        &read_times[run]);
      remove_database (db);
      store_times[run].wall = run_child (argv[0], "--child-store", xml, db, n_employees, &kib,
                                         &store_times[run]);
    }
  /* the same file over the last import */
  remove_database (db);
  run_child (argv[0], "--child-import", xml, db, n_employees, &kib, &again);
  again.wall = run_child (argv[0], "--child-import", xml, db, 0, &again_kib, &again);
  remove_database (db);

  best_of (import_times, N_RUNS);
  best_of (read_times, N_RUNS);
  best_of (store_times, N_RUNS);
  g_print ("shtat_import_personnel into an empty database: %.2f s (best of %d; median %.2f s), "
           "%.2f s of CPU; target %.1f s\n",
           import_times[0].wall, N_RUNS, import_times[N_RUNS / 2].wall, import_times[0].cpu,
           TARGET_SECONDS);
  g_print ("  then closing the store, which waits for the write-ahead log to be copied into the "
           "database (the import ends at its commit): %.2f s\n", import_times[0].closing);
  g_print ("peak memory of the import (VmHWM): %" G_GUINT64_FORMAT " MiB; target %d MiB\n",
           peak_kib / 1024, TARGET_MIB);
  if (sqlite3 != NULL && best_of (sqlite_times, N_RUNS) >= 0)
    {
      g_print ("floor, sqlite3 .import of the same rows as CSV: %.2f s here, %.2f s of CPU "
               "(%.2f s in performance.md); import / floor: %.2f (target ≤ 1.5)\n",
               sqlite_times[0].wall, sqlite_times[0].cpu, SQLITE_FLOOR_DOC,
               import_times[0].wall / sqlite_times[0].wall);
      g_print ("  the halves of the import alone (it runs them in two threads): reading the XML "
               "%.2f s, %.2f s of CPU (%.2f of the floor); the store's bulk insert "
               "(shtat_store_import_add, commit) %.2f s, %.2f s of CPU (%.2f of the floor), "
               "then closing %.2f s\n",
               read_times[0].wall, read_times[0].cpu, read_times[0].wall / sqlite_times[0].wall,
               store_times[0].wall, store_times[0].cpu,
               store_times[0].wall / sqlite_times[0].wall, store_times[0].closing);
    }
  else
    g_print ("floor, sqlite3 .import: sqlite3 is not installed (%.2f s in performance.md)\n",
             SQLITE_FLOOR_DOC);
  if (xmllint != NULL && best_of (xmllint_times, N_RUNS) >= 0)
    g_print ("floor, xmllint --stream: %.2f s here, %.2f s of CPU (%.2f s in performance.md)\n",
             xmllint_times[0].wall, xmllint_times[0].cpu, XMLLINT_FLOOR_DOC);
  else
    g_print ("floor, xmllint --stream: xmllint is not installed (%.2f s in performance.md)\n",
             XMLLINT_FLOOR_DOC);
  if (xmllint != NULL && best_of (relaxng_times, N_RUNS) >= 0)
    g_print ("xmllint --stream --relaxng personnel.rng (libxml2's validator, which the import "
             "leaves to refused files): %.2f s here, %.2f s of CPU\n",
             relaxng_times[0].wall, relaxng_times[0].cpu);
  g_print ("shtat_import_personnel of the same file again (nothing changes): %.2f s, "
           "%.2f s of CPU, peak memory %" G_GUINT64_FORMAT " MiB\n",
           again.wall, again.cpu, again_kib / 1024);

  {
    const char *names[] = { "personnel.xml", "personnel.rng", "employees.csv", "periods.csv",
                            "education.csv", "other.csv" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
