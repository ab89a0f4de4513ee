/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"
#include "shtat-remark.h"

G_BEGIN_DECLS

/* The qualification and promotion engine (order 580-НҚ; decisions.md items
 * 10–19): for an employee on a post, as of a date, whether they meet the
 * requirements, which category they can attain, whether the category they hold
 * is justified, and when they become eligible for the next one, with reasons
 * and citations. Pure computation over loaded objects: no database, no I/O. */

typedef enum
{
  SHTAT_VERDICT_MEETS,
  SHTAT_VERDICT_DOES_NOT_MEET,
  SHTAT_VERDICT_MISSING_DATA,   /* e.g. no education recorded, an unclassified diploma */
  SHTAT_VERDICT_OTHER_ACT,      /* the position's requirements are set by another act (003 ¶2) */
} ShtatVerdictKind;

typedef struct
{
  ShtatVerdictKind kind;
  int              level;              /* ShtatLevel evaluated, or -1 */
  int              held_category;      /* ShtatCategory held on the post, or -1 */
  int              attainable_category;/* highest category whose rules hold now, or -1 (none) */
  gboolean         held_justified;     /* held ≤ attainable */
  int              next_category;      /* the rung above the held one, or -1 at the top */
  gboolean         next_reachable;     /* experience alone can bring it */
  GDate            eligible_on;        /* first date the next rung holds; invalid if not reachable */
  GPtrArray       *reasons;            /* ShtatRemark: a short sentence and its citation each */
} ShtatVerdict;

ShtatVerdict *shtat_verdict_compute   (ShtatNormLibrary      *library,
                                       const ShtatEmployee   *employee,
                                       const ShtatAssignment *assignment,
                                       const GDate           *as_of);
void          shtat_verdict_free      (ShtatVerdict          *verdict);
const char   *shtat_verdict_kind_to_string (ShtatVerdictKind  kind);
const char   *shtat_verdict_kind_get_label (ShtatVerdictKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatVerdict, shtat_verdict_free)

G_END_DECLS
