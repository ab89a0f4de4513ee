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

typedef struct
{
  ShtatEmployee         *employee;    /* a reference */
  guint                  assignment;  /* index in employee->assignments */
  int                    rate;        /* hundredths */
  ShtatVerdict          *verdict;     /* with reasons */
} ShtatPlacementHolder;

typedef struct
{
  guint      line;     /* index of the schedule's line */
  int        planned;
  int        filled;
  int        vacant;
  int        over;
  GPtrArray *holders;  /* ShtatPlacementHolder */
} ShtatPlacementLine;

typedef struct
{
  GPtrArray *lines;     /* ShtatPlacementLine, one per line of the schedule, in order */
  GPtrArray *unplaced;  /* ShtatPlacementHolder: posts the schedule has no line for */
  int        planned;
  int        filled;    /* placed on lines; unplaced rates not included */
  int        vacant;
  int        over;
  guint      n_not_meeting; /* holders whose verdict is "does not meet" */
} ShtatPlacement;

/* @employees: ShtatEmployee (e.g. shtat_store_load_centre_employees()); @library
 * (may be NULL: no verdicts) checks each holder as of @date (NULL: today). */
ShtatPlacement *shtat_placement_compute (const ShtatSchedule *schedule,
                                         GPtrArray           *employees,
                                         ShtatNormLibrary    *library,
                                         const GDate         *date);
void            shtat_placement_free    (ShtatPlacement      *placement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatPlacement, shtat_placement_free)

G_END_DECLS
