/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* History                                                                  */

/* What changed from @a to @b, one sentence each, in the user's language:
 * "Psychologist: 2 → 3 units", "Line added: …". Lines are matched by unit,
 * position and grade, then by position. @library (may be NULL) gives position
 * names; without it the codes are shown. Free with g_ptr_array_unref(). */
GPtrArray *shtat_schedule_diff (const ShtatSchedule *a,
                                const ShtatSchedule *b,
                                ShtatNormLibrary    *library);

G_END_DECLS
