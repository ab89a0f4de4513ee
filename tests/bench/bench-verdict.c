/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-bench-verdict"

/* Rule checks in memory (performance.md): every employee of the generated
 * personnel data (shtat-generator: 100 000 people, 1–3 education records and
 * 3–7 work periods each, as in the measured data set), checked on one core —
 * verdict, attainable category, next category and its date — without reasons,
 * as a bulk check does. Target: at least 1 000 000 employee checks per second.
 * There is no floor tool for this row.
 *
 * Usage: bench-verdict [N_EMPLOYEES [ROUNDS]] */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "shtat-core.h"
#include "shtat-generator.h"

#define TARGET_PER_SECOND 1000000.0
#define N_CENTRES         250
#define SEED              20251024u

/* The post each person holds: the generator gives one assignment each. */
static const ShtatAssignment *
current_assignment (const ShtatEmployee *employee)
{
  g_assert (employee->assignments->len > 0);
  return &g_array_index (employee->assignments, ShtatAssignment, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  guint rounds = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 5;
  GDate as_of;
  guint counts[4] = { 0, 0, 0, 0 };
  guint reachable = 0;
  const ShtatEmployee **people;
  const ShtatAssignment **posts;
  ShtatVerdict *verdicts;
  gint64 start, elapsed, generated, best = G_MAXINT64, best_single = G_MAXINT64;
  double per_second, single_per_second, with_reasons_per_second;
  guint n_reasons_checks;

  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();
  g_setenv ("SHTAT_NORMS_DIR", "/nonexistent", TRUE);
  library = shtat_norm_library_load_default (&error);
  if (library == NULL)
    {
      g_printerr ("bench-verdict: %s\n", error->message);
      return 1;
    }
  if (n == 0 || rounds == 0)
    {
      g_printerr ("Usage: bench-verdict [N_EMPLOYEES [ROUNDS]]\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  employees = shtat_generate_employees (N_CENTRES, n, SEED, NULL);
  generated = g_get_monotonic_time () - start;
  shtat_generator_get_reference_date (&as_of);

  people = g_new (const ShtatEmployee *, n);
  posts = g_new (const ShtatAssignment *, n);
  verdicts = g_new (ShtatVerdict, n);
  for (guint i = 0; i < n; i++)
    {
      people[i] = g_ptr_array_index (employees, i);
      posts[i] = current_assignment (people[i]);
    }

  /* One by one, as a caller checking a few people does. */
  for (guint r = 0; r <= rounds; r++)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        shtat_verdict_compute_into (library, people[i], posts[i], &as_of, FALSE, &verdicts[i]);
      elapsed = g_get_monotonic_time () - start;
      if (r > 0)
        best_single = MIN (best_single, elapsed);
    }

  /* The whole file at once: the figure. The first pass (which also builds the
   * library's index) warms up; the best of the passes after it counts. */
  for (guint r = 0; r <= rounds; r++)
    {
      start = g_get_monotonic_time ();
      shtat_verdict_compute_many (library, people, posts, n, &as_of, verdicts);
      elapsed = g_get_monotonic_time () - start;
      if (r > 0)
        best = MIN (best, elapsed);
    }

  for (guint i = 0; i < n; i++)
    {
      counts[verdicts[i].kind]++;
      reachable += verdicts[i].next_reachable;
    }
  per_second = (double) n / ((double) MAX (best, 1) / G_USEC_PER_SEC);
  single_per_second = (double) n / ((double) MAX (best_single, 1) / G_USEC_PER_SEC);

  /* With reasons, for comparison: what one personnel card shows. */
  n_reasons_checks = MIN (n, 20000u);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_reasons_checks; i++)
    shtat_verdict_free (shtat_verdict_compute (library, people[i], posts[i], &as_of));
  elapsed = g_get_monotonic_time () - start;
  with_reasons_per_second = (double) n_reasons_checks / ((double) MAX (elapsed, 1) / G_USEC_PER_SEC);

  printf ("verdict-check: %u generated employees (%.2f s to generate), all checked in %.3f s (best of %u passes)\n",
          n, (double) generated / G_USEC_PER_SEC, (double) best / G_USEC_PER_SEC, rounds);
  printf ("  meets %u, does not meet %u, missing data %u, other act %u; next category reachable %u\n",
          counts[SHTAT_VERDICT_MEETS], counts[SHTAT_VERDICT_DOES_NOT_MEET],
          counts[SHTAT_VERDICT_MISSING_DATA], counts[SHTAT_VERDICT_OTHER_ACT], reachable);
  printf ("  rule checks in memory: %.0f employee checks/s (floor: none; target: >= %.0f/s) %s\n",
          per_second, TARGET_PER_SECOND, per_second >= TARGET_PER_SECOND ? "ok" : "BELOW TARGET");
  printf ("  one by one: %.0f checks/s; with reasons: %.0f checks/s\n",
          single_per_second, with_reasons_per_second);

  g_free (people);
  g_free (posts);
  g_free (verdicts);

  return per_second >= TARGET_PER_SECOND ? 0 : 1;
}
