/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

/* Complete and consistent enough to submit: a centre, lines with a unit, a
 * position, units ≥ 0 and a multiple of 0.25 unless it is the norm's own figure
 * (item 6), a salary for lines with units, a reference on typical-norm lines
 * (item 4), drivers the table can be computed from, a fund that can be summed. */
gboolean shtat_schedule_validate (const ShtatSchedule  *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
/* draft → submitted, if valid. */
gboolean shtat_schedule_submit   (ShtatSchedule        *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
/* submitted → draft, to change it again. */
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

/**
 * shtat_schedule_approve_with_digest:
 * @schedule: a submitted version
 * @library: the norms
 * @table: (nullable): the table to check against; NULL: the schedule's own
 * @grid: (nullable): prices positions no line gives a salary for
 * @approval: the akimat's order
 * @previous: (nullable): the approved version of the same centre it replaces
 * @digest: what seals the approved content
 * @error: return location for a #GError
 *
 * submitted → approved: needs every field of @approval and a compliance check
 * without errors. Stores what @digest gives for the approved version. @previous
 * becomes superseded; nothing changes unless every condition holds.
 * shtat_schedule_approve() (formats/shtat-schedule-xml.h) calls this with the
 * SHA-256 of the canonical XML: use that one.
 *
 * Returns: TRUE when approved.
 */
gboolean shtat_schedule_approve_with_digest (ShtatSchedule          *schedule,
                                             ShtatNormLibrary       *library,
                                             const ShtatNormTable   *table,
                                             ShtatPayGrid           *grid,
                                             const ShtatApproval    *approval,
                                             ShtatSchedule          *previous,
                                             ShtatScheduleDigestFunc digest,
                                             GError                **error);
/**
 * shtat_schedule_verify_with_digest:
 * @schedule: a version
 * @digest: what sealed it at approval
 * @error: return location for a #GError
 *
 * For an approved or superseded version: @digest of its content is still the
 * checksum stored at approval (SHTAT_SCHEDULE_ERROR_TAMPERED otherwise). TRUE
 * for drafts and submitted versions (nothing to check).
 *
 * Returns: TRUE when it can be trusted.
 */
gboolean shtat_schedule_verify_with_digest  (const ShtatSchedule    *schedule,
                                             ShtatScheduleDigestFunc digest,
                                             GError                **error);

G_END_DECLS
