/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"
#include "shtat-remark.h"

G_BEGIN_DECLS

/* The qualification and promotion engine (order 580-НҚ; decisions.md items
 * 10–19): for an employee on a post, as of a date, whether they meet the
 * requirements, which category they can attain, whether the category they hold
 * is justified, and when they become eligible for the next one, with reasons
 * and citations. Pure computation over loaded objects: no database, no I/O.
 * The assignment itself counts as experience in its position, at its level and
 * in the category held, from its start (see the top of shtat-verdict.c). A NULL
 * @as_of means today. The library must not load more norm sets while checks run. */

typedef enum
{
  SHTAT_VERDICT_MEETS,         /*< nick=meets >*/
  SHTAT_VERDICT_DOES_NOT_MEET, /*< nick=does-not-meet >*/
  /* e.g. no education recorded, an unclassified diploma */
  SHTAT_VERDICT_MISSING_DATA,  /*< nick=missing-data >*/
  /* the position's requirements are set by another act (003 ¶2) */
  SHTAT_VERDICT_OTHER_ACT,     /*< nick=other-act >*/
} ShtatVerdictKind;

/**
 * ShtatVerdict:
 * @reasons: (element-type ShtatRemark) (nullable): a short sentence and its citation each;
 *   %NULL when computed without reasons
 */
typedef struct
{
  ShtatVerdictKind kind;
  int              level;              /* ShtatLevel evaluated, or -1 */
  int              held_category;      /* ShtatCategory held on the post, or -1 */
  int              attainable_category;/* highest category whose rules hold now (SHTAT_CATEGORY_NONE
                                          when only the rung without category does), or -1 (none) */
  gboolean         held_justified;     /* held ≤ attainable; TRUE when no category is held */
  int              next_category;      /* the rung above the held one, or -1 at the top */
  gboolean         next_reachable;     /* experience alone can bring it */
  GDate            eligible_on;        /* first date the next rung holds; invalid if not reachable */
  GPtrArray       *reasons;
} ShtatVerdict;

ShtatVerdict *shtat_verdict_compute   (ShtatNormLibrary      *library,
                                       const ShtatEmployee   *employee,
                                       const ShtatAssignment *assignment,
                                       const GDate           *as_of);
void          shtat_verdict_free      (ShtatVerdict          *verdict);

/* The same without the reasons when @with_reasons is FALSE (reasons stays NULL):
 * the fast path for checking every employee of a database. */
ShtatVerdict *shtat_verdict_compute_full (ShtatNormLibrary      *library,
                                          const ShtatEmployee   *employee,
                                          const ShtatAssignment *assignment,
                                          const GDate           *as_of,
                                          gboolean               with_reasons);
/* Fills a caller-owned verdict (on the stack, in an array) and allocates nothing
 * unless @with_reasons; release it with shtat_verdict_clear(). */
void          shtat_verdict_compute_into (ShtatNormLibrary      *library,
                                          const ShtatEmployee   *employee,
                                          const ShtatAssignment *assignment,
                                          const GDate           *as_of,
                                          gboolean               with_reasons,
                                          ShtatVerdict          *out);
void          shtat_verdict_clear     (ShtatVerdict          *verdict);
/* Checks @n people at once, without reasons, into @out (@n verdicts, which need
 * no clearing): the fastest way through a whole personnel file. */
void          shtat_verdict_compute_many (ShtatNormLibrary             *library,
                                          const ShtatEmployee * const  *employees,
                                          const ShtatAssignment * const *assignments,
                                          guint                         n,
                                          const GDate                  *as_of,
                                          ShtatVerdict                 *out);
const char   *shtat_verdict_kind_to_string (ShtatVerdictKind  kind);
const char   *shtat_verdict_kind_get_label (ShtatVerdictKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatVerdict, shtat_verdict_free)

G_END_DECLS
