/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start-up: exec → first painted frame of the real application, against an
 * empty libadwaita window (startup-empty) launched in the same run on the
 * same display. Both print the monotonic time, their processor time and
 * their resident memory at their first frame-clock "after-paint" (shtat does
 * so when SHTAT_FIRST_FRAME_PROBE is set), and shtat again at the first frame
 * that shows the page of its section, made right after the first frame; then
 * they quit. Shtat is started on an empty database and on 100 000 generated
 * employees at 250 centres, once with the first section (Norms) and once
 * coming back to Personnel; the rounds are interleaved and the median of
 * each is compared with the target of issue 8, 1.5 × the empty window. The
 * processor time is printed too: on a loaded machine it varies less than
 * the time on the clock.
 *
 * Usage: bench-startup SHTAT STARTUP-EMPTY [N_EMPLOYEES [N_CENTRES]] */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "shtat-core.h"
#include "shtat-generator.h"

#define N_RUNS 5
#define SEED 20250101
#define TARGET 1.5

typedef struct
{
  const char *label;
  const char *program;
  char      **env;
  double      ms[N_RUNS];          /* to the first frame */
  double      cpu_ms[N_RUNS];
  double      content_ms[N_RUNS];  /* to the frame with the section's page */
  double      rss_mib[N_RUNS];     /* then */
} Subject;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (const double *values)
{
  double sorted[N_RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, N_RUNS, sizeof (double), compare_doubles);
  return sorted[N_RUNS / 2];
}

static gboolean
parse_frame (const char *out,
             const char *what,
             gint64     *at,
             long       *cpu_us,
             long       *rss_kib)
{
  const char *line = out ? strstr (out, what) : NULL;

  return line != NULL
         && sscanf (line + strlen (what), " %" G_GINT64_FORMAT " cpu-us %ld rss-kib %ld", at, cpu_us, rss_kib) == 3;
}

/* One start, in milliseconds from just before exec. */
static gboolean
run_once (Subject *s,
          guint    round)
{
  const char *argv[] = { s->program, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, first, content;
  long cpu_us, content_cpu_us, rss, content_rss;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, s->env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      g_printerr ("%s: %s\n", s->program, error->message);
      return FALSE;
    }
  if (!parse_frame (out, "first-frame", &first, &cpu_us, &rss)
      || !parse_frame (out, "content-frame", &content, &content_cpu_us, &content_rss))
    {
      g_printerr ("%s painted no frame:\n%s%s\n", s->label, out ? out : "", err ? err : "");
      return FALSE;
    }
  s->ms[round] = (double) (first - start) / 1000.0;
  s->cpu_ms[round] = (double) cpu_us / 1000.0;
  s->content_ms[round] = (double) (content - start) / 1000.0;
  s->rss_mib[round] = (double) content_rss / 1024.0;
  return TRUE;
}

static char **
shtat_env (const char *dir,
           const char *name,
           const char *db,
           const char *last_section)
{
  g_autofree char *config = g_build_filename (dir, name, NULL);
  g_autofree char *settings = g_build_filename (config, "glib-2.0", "settings", NULL);
  char **env = g_get_environ ();

  g_mkdir_with_parents (settings, 0700);
  if (last_section != NULL)
    {
      g_autofree char *keyfile = g_build_filename (settings, "keyfile", NULL);
      g_autofree char *text = g_strdup_printf ("[io/github/shtat/Shtat]\nlast-section='%s'\n", last_section);

      g_file_set_contents (keyfile, text, -1, NULL);
    }
  env = g_environ_setenv (env, "SHTAT_FIRST_FRAME_PROBE", "1", TRUE);
  env = g_environ_setenv (env, "SHTAT_DB", db, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", config, TRUE);
  /* the keyfile backend, so that a last section can be given */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  /* the probe quits with work still running in threads */
  env = g_environ_unsetenv (env, "G_DEBUG");
  return env;
}

static void
make_database (const char *path,
               guint       n_employees,
               guint       n_centres)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  if (n_employees > 0)
    {
      g_autoptr(GPtrArray) centres = NULL;
      g_autoptr(GPtrArray) employees = shtat_generate_employees (n_centres, n_employees, SEED, &centres);
      gint64 start = g_get_monotonic_time ();

      if (!shtat_store_import (store, centres, employees, NULL, &error))
        g_error ("%s", error->message);
      g_print ("%u employees at %u centres imported in %.1f s\n", n_employees, n_centres,
               (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *full_db = NULL;
  g_autofree char *full_label = NULL;
  g_autofree char *personnel_label = NULL;
  guint n_employees = 100000, n_centres = 250;
  Subject subjects[4] = { { 0 } };
  double floor_ms, floor_cpu;
  int status = 0;

  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();
  if (argc < 3)
    {
      g_printerr ("usage: %s SHTAT STARTUP-EMPTY [N_EMPLOYEES [N_CENTRES]]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    n_employees = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  if (argc > 4)
    n_centres = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run it under the default (Xvfb) test setup\n");
      return 77;
    }

  dir = g_dir_make_tmp ("shtat-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  empty_db = g_build_filename (dir, "empty.db", NULL);
  full_db = g_build_filename (dir, "full.db", NULL);
  make_database (empty_db, 0, 0);
  make_database (full_db, n_employees, n_centres);

  full_label = g_strdup_printf ("Shtat, %u employees", n_employees);
  personnel_label = g_strdup_printf ("Shtat, %u employees, Personnel", n_employees);
  subjects[0] = (Subject) { "empty libadwaita window", argv[2], g_get_environ () };
  subjects[1] = (Subject) { "Shtat, empty database", argv[1], shtat_env (dir, "empty", empty_db, NULL) };
  subjects[2] = (Subject) { full_label, argv[1], shtat_env (dir, "full", full_db, NULL) };
  subjects[3] = (Subject) { personnel_label, argv[1], shtat_env (dir, "personnel", full_db, "personnel") };

  /* a first round unmeasured, to have the files in the page cache */
  for (int round = -1; round < N_RUNS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
      if (!run_once (&subjects[i], MAX (round, 0)))
        return 1;

  g_print ("start-up, exec → first painted frame, median of %d runs (target ≤ %.1f× the empty window)\n",
           N_RUNS, TARGET);
  g_print ("  %-36s %17s %17s %17s %10s\n", "", "first frame", "processor", "section shown", "resident");
  floor_ms = median (subjects[0].ms);
  floor_cpu = median (subjects[0].cpu_ms);
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      double ms = median (subjects[i].ms);
      double cpu = median (subjects[i].cpu_ms);
      double content = median (subjects[i].content_ms);

      g_print ("  %-36s %7.0f ms %5.2f× %7.0f ms %5.2f× %7.0f ms %5.2f× %6.0f MiB", subjects[i].label,
               ms, ms / floor_ms, cpu, cpu / floor_cpu, content, content / floor_ms, median (subjects[i].rss_mib));
      if (i > 0)
        g_print ("  %s", ms / floor_ms <= TARGET ? "within the target" : "ABOVE THE TARGET");
      g_print ("\n");
      g_strfreev (subjects[i].env);
    }

  g_remove (empty_db);
  g_remove (full_db);
  {
    /* the settings and data folders the runs made */
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    status = system (cmd);
  }
  return status == 0 ? 0 : 1;
}
