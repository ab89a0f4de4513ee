/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

gboolean shtat_schedule_validate (const ShtatSchedule  *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
gboolean shtat_schedule_submit   (ShtatSchedule        *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
gboolean shtat_schedule_withdraw (ShtatSchedule        *schedule,
                                  GError              **error);
/**
 * ShtatScheduleDigestFunc:
 * @schedule: a schedule, as it stands
 *
 * The SHA-256, in lower-case hexadecimal, of the canonical form of @schedule
 * as it was at approval. The canonical form is the schedule's XML, which lives
 * in formats/ above this layer: it is passed in rather than seen from here.
 *
 * Returns: (transfer full): the checksum.
 */
typedef char *(*ShtatScheduleDigestFunc) (const ShtatSchedule *schedule);

gboolean shtat_schedule_approve_with_digest (ShtatSchedule          *schedule,
                                             ShtatNormLibrary       *library,
                                             const ShtatNormTable   *table,
                                             ShtatPayGrid           *grid,
                                             const ShtatApproval    *approval,
                                             ShtatSchedule          *previous,
                                             ShtatScheduleDigestFunc digest,
                                             GError                **error);
gboolean shtat_schedule_verify_with_digest  (const ShtatSchedule    *schedule,
                                             ShtatScheduleDigestFunc digest,
                                             GError                **error);

G_END_DECLS
