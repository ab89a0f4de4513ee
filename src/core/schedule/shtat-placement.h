/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"
#include "shtat-schedule.h"
#include "shtat-verdict.h"

G_BEGIN_DECLS

/* Placement: who fills the staff units of a schedule on a date. The people are
 * the centre's personnel files; a person fills a line with the rate of an
 * assignment at the schedule's centre, for the line's position, open on the
 * date. A person's assignment goes to the first line of its position that still
 * has room, else to the last line of that position (which is then over-staffed);
 * an assignment for a position the schedule has no line for is "unplaced".
 * Each holder carries the verdict of the qualification engine for that post.
 *
 *   vacant = planned − filled when positive;  over = filled − planned when positive,
 * per line, in hundredths of a staff unit; the totals are the sums over lines. */

/**
 * ShtatPlacementHolder:
 * @employee: (transfer full): a reference
 * @verdict: (transfer full) (nullable): with reasons; %NULL when placed without
 *   the norms
 */
typedef struct
{
  ShtatEmployee         *employee;
  guint                  assignment;  /* index in employee->assignments */
  int                    rate;        /* hundredths */
  ShtatVerdict          *verdict;
} ShtatPlacementHolder;

/**
 * ShtatPlacementLine:
 * @holders: (element-type ShtatPlacementHolder)
 */
typedef struct
{
  guint      line;     /* index of the schedule's line */
  int        planned;
  int        filled;
  int        vacant;
  int        over;
  GPtrArray *holders;
} ShtatPlacementLine;

/**
 * ShtatPlacement:
 * @lines: (element-type ShtatPlacementLine): one per line of the schedule, in order
 * @unplaced: (element-type ShtatPlacementHolder): posts the schedule has no line for
 */
typedef struct
{
  GPtrArray *lines;
  GPtrArray *unplaced;
  int        planned;
  int        filled;    /* placed on lines; unplaced rates not included */
  int        vacant;
  int        over;
  guint      n_not_meeting; /* holders whose verdict is "does not meet" */
} ShtatPlacement;

ShtatPlacement *shtat_placement_compute (const ShtatSchedule *schedule,
                                         GPtrArray           *employees,
                                         ShtatNormLibrary    *library,
                                         const GDate         *date);
void            shtat_placement_free    (ShtatPlacement      *placement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatPlacement, shtat_placement_free)

G_END_DECLS
