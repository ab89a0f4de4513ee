/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-schedule.h"

G_BEGIN_DECLS

/* The canonical XML of a staffing schedule (data/norms/schedule.rng), and the
 * steps of the workflow that need it: the SHA-256 sealed at approval and its
 * verification. */

/**
 * shtat_schedule_to_xml:
 * @schedule: a schedule
 *
 * The same schedule always gives the same bytes: UTF-8, fixed element and
 * attribute order, two-space indentation, one element per line, ISO dates,
 * units as "2.5", money as integer tiyn. The checksum of an approved version is
 * the SHA-256 of this document as it was at approval: status "approved",
 * without the superseded-by attribute and without the <sha256> element.
 *
 * Returns: (transfer full): the document.
 */
GBytes        *shtat_schedule_to_xml         (const ShtatSchedule *schedule);

/**
 * shtat_schedule_from_xml:
 * @bytes: the content of a schedule file
 * @error: return location for a #GError (SHTAT_SCHEDULE_ERROR)
 *
 * Reads a schedule file: UTF-8 only, no DOCTYPE, no network, valid against
 * schedule.rng. The checksum is read as stored: call shtat_schedule_verify().
 *
 * Returns: (transfer full) (nullable): the schedule, or NULL with @error set.
 */
ShtatSchedule *shtat_schedule_from_xml       (GBytes              *bytes,
                                              GError             **error);

/**
 * shtat_schedule_compute_sha256:
 * @schedule: a schedule
 *
 * The SHA-256 (lower-case hexadecimal) of the canonical XML of @schedule as it
 * was at approval (see shtat_schedule_to_xml()); a #ShtatScheduleDigestFunc.
 *
 * Returns: (transfer full): the checksum.
 */
char          *shtat_schedule_compute_sha256 (const ShtatSchedule *schedule);

/**
 * shtat_schedule_approve:
 * @schedule: a submitted version
 * @library: the norms
 * @table: (nullable): the table to check against; NULL: the schedule's own
 * @grid: (nullable): prices positions no line gives a salary for
 * @approval: the akimat's order
 * @previous: (nullable): the approved version of the same centre it replaces
 * @error: return location for a #GError
 *
 * submitted → approved: needs every field of @approval and a compliance check
 * without errors. Stores the SHA-256 of the canonical XML. @previous becomes
 * superseded; nothing changes unless every condition holds. The transition is
 * shtat_schedule_approve_with_digest() of the schedule layer; the seal is made
 * here, where the canonical XML is.
 *
 * Returns: TRUE when approved.
 */
gboolean       shtat_schedule_approve        (ShtatSchedule        *schedule,
                                              ShtatNormLibrary     *library,
                                              const ShtatNormTable *table,
                                              ShtatPayGrid         *grid,
                                              const ShtatApproval  *approval,
                                              ShtatSchedule        *previous,
                                              GError              **error);

/**
 * shtat_schedule_verify:
 * @schedule: a version
 * @error: return location for a #GError
 *
 * For an approved or superseded version: its content still gives the SHA-256
 * stored at approval (SHTAT_SCHEDULE_ERROR_TAMPERED otherwise). TRUE for drafts
 * and submitted versions (nothing to check).
 *
 * Returns: TRUE when it can be trusted.
 */
gboolean       shtat_schedule_verify         (const ShtatSchedule  *schedule,
                                              GError              **error);

G_END_DECLS
