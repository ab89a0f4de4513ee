/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-norms.h"
#include "shtat-schedule.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* The district's view of its centres' staffing schedules: for every centre of
 * the database, the version in force (the latest approved), the newest version
 * after it that is still being prepared (draft or submitted), the minimum
 * staffing for the drivers of the newer of the two, its compliance, and the
 * units filled by the staff on a date.
 *
 *   vacant = units of the approved version − filled, when positive;
 *   over   = filled − units of the approved version, when positive. */

typedef struct
{
  ShtatCentre   *centre;
  ShtatSchedule *approved;      /* NULL: none approved yet */
  ShtatSchedule *pending;       /* NULL: nothing newer being prepared */
  int            minimum;       /* hundredths, for the newer version's drivers; -1 unknown */
  int            planned;       /* units of the newer version */
  guint          n_errors;      /* of the newer version against the minimum */
  guint          n_warnings;
  int            filled;        /* hundredths */
  int            vacant;        /* against the approved version; 0 without one */
  int            over;
  char          *problem;       /* versions that cannot be read (tampered, damaged), left out of the
                                   figures; NULL: none */
} ShtatOverviewRow;

/* One row per centre, by name; NULL and @error only when the database cannot
 * be read at all. A centre with versions that cannot be read gets its
 * @problem, and its figures from the versions that can. @date NULL: today. */
GPtrArray *shtat_overview_compute (ShtatStore       *store,
                                   ShtatNormLibrary *library,
                                   const GDate      *date,
                                   GError          **error);

/* Of the submitted versions only, for the akimat's review. */
gboolean   shtat_overview_row_is_submitted (const ShtatOverviewRow *row);

G_END_DECLS
