/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-schedule.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* Planning a centre's staffing schedule from what the database knows of it:
 * the one place that decides where a new draft's figures come from, for the
 * application and the command line alike. */

typedef enum
{
  SHTAT_DRAFT_FROM_NORMS,     /* the minimum norms for the centre's drivers */
  SHTAT_DRAFT_FROM_APPROVED,  /* a copy of the approved version */
} ShtatDraftSource;

/* A new draft of the schedule of @centre_code, saved as its next version.
 *
 * From the norms of @table_id (NULL: "fsc"), each driver is taken from the
 * first of: @given (may be NULL; the values set there), the centre profile
 * (the average appeals per working day over its period, with that period and
 * its source recorded on the draft, and its other figures), the newest version
 * of the schedule; a driver none of them gives starts at 0 for the user to
 * correct on the draft when @zero_unknown, and is an error naming it
 * otherwise. Lines of
 * positions the stored pay grid places get its salary and grade for the date
 * the draft is made.
 *
 * From the approved version: a copy of it, or SHTAT_SCHEDULE_ERROR_STATUS when
 * there is none.
 *
 * A database that cannot be read (the profile, the calendar, the pay grid) is
 * an error in SHTAT_STORE_ERROR, and nothing is saved: a draft is never made
 * without the figures the database holds for it.
 *
 * Returns: (transfer full) (nullable): the draft saved, or %NULL and @error */
ShtatSchedule *shtat_planning_new_draft (ShtatStore       *store,
                                         ShtatNormLibrary *library,
                                         const char       *centre_code,
                                         const char       *table_id,
                                         ShtatDraftSource  source,
                                         const ShtatDrivers *given,
                                         gboolean          zero_unknown,
                                         GError          **error);

/* Approves version @version of the schedule of @centre_code as stored, with
 * @approval, and saves it together with the approved version it supersedes, in
 * one transaction (see shtat_schedule_approve() for what is required). Returns
 * the approved version; on failure nothing is written. */
ShtatSchedule *shtat_planning_approve         (ShtatStore          *store,
                                               ShtatNormLibrary    *library,
                                               const char          *centre_code,
                                               guint                version,
                                               const ShtatApproval *approval,
                                               GError             **error);

/* A draft's drivers and appeals period from its centre's stored profile (the
 * average over the profile's period, and its other figures). @explanation (may
 * be NULL) receives how the average was found. Fails, changing nothing, when
 * the profile gives no average. */
gboolean       shtat_planning_apply_profile  (ShtatStore       *store,
                                              ShtatNormLibrary *library,
                                              ShtatSchedule    *schedule,
                                              char            **explanation,
                                              GError          **error);

/* Every line of a draft whose position the stored pay grid places gets the
 * grid's salary and grade on @date (NULL: today); @n_set (may be NULL)
 * receives how many. Fails with SHTAT_PAY_ERROR_NOT_FOUND when the grid places
 * none of the draft's positions; on any failure the draft is left as it was. */
gboolean       shtat_planning_apply_pay_grid (ShtatStore       *store,
                                              ShtatSchedule    *schedule,
                                              const GDate      *date,
                                              guint            *n_set,
                                              GError          **error);

G_END_DECLS
