/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* History                                                                  */

/**
 * shtat_schedule_diff:
 * @a: the earlier version
 * @b: the later version
 * @library: (nullable): gives position names; without it the codes are shown
 *
 * What changed from @a to @b, one sentence each, in the user's language:
 * "Psychologist: 2 → 3 units", "Line added: …". Lines are matched by unit,
 * position and grade, then by position.
 *
 * Returns: (transfer full) (element-type utf8): the sentences.
 */
GPtrArray *shtat_schedule_diff (const ShtatSchedule *a,
                                const ShtatSchedule *b,
                                ShtatNormLibrary    *library);

G_END_DECLS
