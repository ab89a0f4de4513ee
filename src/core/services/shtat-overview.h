/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

/**
 * ShtatOverviewProgressFunc:
 * @done: centres computed so far
 * @total: centres in all
 * @user_data: the data given with the function
 *
 * Called after each centre, in the thread that computes.
 */
typedef void (*ShtatOverviewProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* One row per centre, by name (shtat_centre_get_display_name()); NULL and
 * @error only when the database cannot be read at all. A centre with versions
 * that cannot be read gets its @problem, and its figures from the versions
 * that can. @date NULL: today. */
GPtrArray *shtat_overview_compute      (ShtatStore                *store,
                                        ShtatNormLibrary          *library,
                                        const GDate               *date,
                                        GError                   **error);
GPtrArray *shtat_overview_compute_full (ShtatStore                *store,
                                        ShtatNormLibrary          *library,
                                        const GDate               *date,
                                        ShtatOverviewProgressFunc  progress,
                                        gpointer                   progress_data,
                                        GCancellable              *cancellable,
                                        GError                   **error);

/* Of the submitted versions only, for the akimat's review. */
gboolean   shtat_overview_row_is_submitted (const ShtatOverviewRow *row);

/* One centre's row as an item of a GListModel. */
#define SHTAT_TYPE_OVERVIEW_ITEM (shtat_overview_item_get_type ())
G_DECLARE_FINAL_TYPE (ShtatOverviewItem, shtat_overview_item, SHTAT, OVERVIEW_ITEM, GObject)

const ShtatOverviewRow *shtat_overview_item_get_row      (ShtatOverviewItem *self);
guint                   shtat_overview_item_get_position (ShtatOverviewItem *self);

/* Sums over the rows of a model of ShtatOverviewItem (the whole overview, or
 * the centres of one district filtered from it). */
typedef struct
{
  guint n_centres;
  guint n_awaiting;       /* submitted versions */
  guint n_with_errors;    /* centres whose newer version has errors, or versions that cannot be read */
  int   planned;          /* hundredths */
  int   minimum;          /* unknown minimums count as 0 */
  int   filled;
  int   vacant;
} ShtatOverviewTotals;

void       shtat_overview_sum          (GListModel          *items,
                                        ShtatOverviewTotals *totals);

/* The overview as a GListModel of ShtatOverviewItem, one per centre by name,
 * computed in a worker thread on its own connection to the database. */
#define SHTAT_TYPE_OVERVIEW (shtat_overview_get_type ())
G_DECLARE_FINAL_TYPE (ShtatOverview, shtat_overview, SHTAT, OVERVIEW, GObject)

ShtatOverview *shtat_overview_new         (ShtatStore          *store,
                                           ShtatNormLibrary    *library);
void           shtat_overview_load_async  (ShtatOverview       *self,
                                           const GDate         *date,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       shtat_overview_load_finish (ShtatOverview       *self,
                                           GAsyncResult        *result,
                                           GError             **error);
gboolean       shtat_overview_is_loading  (ShtatOverview       *self);
char         **shtat_overview_dup_districts (ShtatOverview     *self);

G_END_DECLS
