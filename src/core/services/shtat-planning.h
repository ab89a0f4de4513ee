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

ShtatSchedule *shtat_planning_new_draft (ShtatStore       *store,
                                         ShtatNormLibrary *library,
                                         const char       *centre_code,
                                         const char       *table_id,
                                         ShtatDraftSource  source,
                                         const ShtatDrivers *given,
                                         gboolean          zero_unknown,
                                         GError          **error);

ShtatSchedule *shtat_planning_approve         (ShtatStore          *store,
                                               ShtatNormLibrary    *library,
                                               const char          *centre_code,
                                               guint                version,
                                               const ShtatApproval *approval,
                                               GError             **error);

gboolean       shtat_planning_apply_profile  (ShtatStore       *store,
                                              ShtatNormLibrary *library,
                                              ShtatSchedule    *schedule,
                                              char            **explanation,
                                              GError          **error);

gboolean       shtat_planning_apply_pay_grid (ShtatStore       *store,
                                              ShtatSchedule    *schedule,
                                              const GDate      *date,
                                              guint            *n_set,
                                              GError          **error);

G_END_DECLS
