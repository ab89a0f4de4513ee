/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-schedule.h"

G_BEGIN_DECLS

/* The canonical XML of a staffing schedule (data/norms/schedule.rng), and the
 * steps of the workflow that need it: the SHA-256 sealed at approval and its
 * verification. */

GBytes        *shtat_schedule_to_xml         (const ShtatSchedule *schedule);

ShtatSchedule *shtat_schedule_from_xml       (GBytes              *bytes,
                                              GError             **error);

char          *shtat_schedule_compute_sha256 (const ShtatSchedule *schedule);

gboolean       shtat_schedule_approve        (ShtatSchedule        *schedule,
                                              ShtatNormLibrary     *library,
                                              const ShtatNormTable *table,
                                              ShtatPayGrid         *grid,
                                              const ShtatApproval  *approval,
                                              ShtatSchedule        *previous,
                                              GError              **error);

gboolean       shtat_schedule_verify         (const ShtatSchedule  *schedule,
                                              GError              **error);

G_END_DECLS
