/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Length of service (стаж / еңбек өтілі), decisions.md items 14 and 19.
 *
 * A period runs from @from to @to, both days included. An invalid (cleared) @to
 * means the period is open: it runs to whatever date the experience is counted on.
 * Periods with an invalid @from, or ending before they start, count for nothing.
 *
 * Arrays of periods are passed as a pointer and a count; for a GArray of
 * ShtatPeriod pass (ShtatPeriod *) array->data, array->len. */

typedef struct
{
  GDate from;
  GDate to;
} ShtatPeriod;

typedef struct
{
  guint years;
  guint months;
  guint days;
} ShtatDuration;

void          shtat_period_init              (ShtatPeriod         *period,
                                              const GDate         *from,
                                              const GDate         *to);
ShtatDuration shtat_period_length            (const GDate         *from,
                                              const GDate         *to);

ShtatDuration shtat_experience_total         (const ShtatPeriod   *periods,
                                              guint                n_periods,
                                              const GDate         *as_of);
gboolean      shtat_experience_date_reaching (const ShtatPeriod   *periods,
                                              guint                n_periods,
                                              guint                years,
                                              GDate               *out_date);

gboolean      shtat_duration_at_least_years  (const ShtatDuration *duration,
                                              guint                years);

G_END_DECLS
