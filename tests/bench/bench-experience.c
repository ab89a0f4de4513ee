/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-bench-experience"

/* Experience arithmetic alone (decisions.md items 14 and 19): for N employees of
 * five work periods each, the last one still open, the total on a date and the
 * date three years are reached, as the verdict engine asks for every employee.
 * The periods are spread deterministically over some 14 years. The verdict-check
 * benchmark counts 100 000 employees in about a second in all; this prints the
 * part of it that is date arithmetic. There is no floor for this row.
 *
 * Usage: bench-experience [N_EMPLOYEES [ROUNDS]] */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "shtat-core.h"

#define N_PERIODS 5

static guint64
count_all (guint        n,
           const GDate *as_of)
{
  guint64 sum = 0;

  for (guint e = 0; e < n; e++)
    {
      ShtatPeriod periods[N_PERIODS];
      GDate reached;
      ShtatDuration d;

      for (guint i = 0; i < N_PERIODS; i++)
        {
          GDate from, to;

          g_date_clear (&from, 1);
          g_date_set_julian (&from, 730000 + (e * 37 + i * 900) % 5000);
          to = from;
          g_date_add_days (&to, 300 + (e + i * 13) % 700);
          if (i == N_PERIODS - 1)
            g_date_clear (&to, 1);
          shtat_period_init (&periods[i], &from, &to);
        }
      d = shtat_experience_total (periods, N_PERIODS, as_of);
      sum += d.years;
      if (shtat_experience_date_reaching (periods, N_PERIODS, 3, &reached))
        sum += g_date_get_day (&reached);
    }
  return sum;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  guint rounds = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 5;
  gint64 best = G_MAXINT64;
  guint64 sum = 0;
  GDate as_of;

  if (n == 0 || rounds == 0)
    {
      g_printerr ("Usage: bench-experience [N_EMPLOYEES [ROUNDS]]\n");
      return 2;
    }

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 22, G_DATE_NOVEMBER, 2026);

  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      guint64 s = count_all (n, &as_of);

      best = MIN (best, g_get_monotonic_time () - start);
      /* Every round computes the same figures. */
      g_assert_true (r == 0 || s == sum);
      sum = s;
    }
  g_assert_cmpuint (sum, >, 0);

  printf ("experience: %u employees × %d periods, total and date reaching 3 years: "
          "%.3f s (best of %u rounds), %.0f employees/s (floor: none)\n",
          n, N_PERIODS, best / 1e6, rounds, n / (best / 1e6));
  return 0;
}
