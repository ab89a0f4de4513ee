/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shtat-money.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* Pay (Government Decree 1193; decisions.md item 21): official salary = base
 * official salary (BDO) × the coefficient for a block, a category and a
 * years-of-service bracket. Every figure is reference data the user enters with
 * the date it applies from; Shtat bundles none (figures in tests and demo data are
 * samples).
 *
 * Money is always a gint64 count of tiyn (1 tenge = 100 tiyn). Coefficients are
 * ints in ten-thousandths (1.0 = SHTAT_COEFFICIENT_ONE), so "3.79" and "1.005"
 * are kept exactly. Arithmetic is checked: a result beyond 64 bits is an error,
 * never a wrapped figure.
 *
 * Rounding: the salary is BDO × coefficient rounded half up to a whole tiyn,
 * once: (BDO × c + 5 000) div 10 000 with c in ten-thousandths. */

#define SHTAT_PAY_ERROR (shtat_pay_error_quark ())

typedef enum
{
  SHTAT_PAY_ERROR_INVALID,    /* a figure out of range, an empty code, an invalid date */
  SHTAT_PAY_ERROR_NOT_FOUND,  /* nothing in force on the date for this block, category, years */
  SHTAT_PAY_ERROR_OVERFLOW,   /* the result would not fit in 64 bits */
} ShtatPayError;

GQuark shtat_pay_error_quark (void);

#define SHTAT_COEFFICIENT_ONE 10000
/* Largest coefficient accepted: 1000.0 (Decree 1193 has none above a few dozen). */
#define SHTAT_COEFFICIENT_MAX (1000 * SHTAT_COEFFICIENT_ONE)
/* Largest lower bound of a years-of-service bracket. */
#define SHTAT_PAY_YEARS_MAX 100

/* The base official salary in force from a date until the next entry's date. */
typedef struct
{
  GDate  from;
  gint64 tiyn;
} ShtatPayBase;

/**
 * ShtatPayCoefficient:
 * @category: (nullable): %NULL when the block has no categories
 *
 * One cell of the coefficient table with its history: the coefficient of
 * @block (free code: "B2", "B3", "C1"…) and @category (free code) for @years of
 * service and more, in force from @from until an entry for the same cell with a
 * later date. A bracket runs from its @years up to the next bracket's @years in
 * force on the date.
 */
typedef struct
{
  char  *block;
  char  *category;
  guint  years;
  GDate  from;
  int    coefficient;
} ShtatPayCoefficient;

/**
 * ShtatPayPosition:
 * @category: (nullable): %NULL when the block has no categories
 *
 * Where a position of the norm data sits in the grid, for planning: a schedule
 * made from the minimum norms takes the salary of this cell.
 */
typedef struct
{
  char  *position;
  char  *block;
  char  *category;
  guint  years;
} ShtatPayPosition;

#define SHTAT_TYPE_PAY_GRID (shtat_pay_grid_get_type ())
GType         shtat_pay_grid_get_type (void) G_GNUC_CONST;

ShtatPayGrid *shtat_pay_grid_new      (void);
ShtatPayGrid *shtat_pay_grid_ref      (ShtatPayGrid *grid);
void          shtat_pay_grid_unref    (ShtatPayGrid *grid);

/* Adding an entry whose key (date; cell and date; position) is already there
 * replaces it. */
gboolean shtat_pay_grid_add_base         (ShtatPayGrid  *grid,
                                          const GDate   *from,
                                          gint64         tiyn,
                                          GError       **error);
gboolean shtat_pay_grid_add_coefficient  (ShtatPayGrid  *grid,
                                          const char    *block,
                                          const char    *category,
                                          guint          years,
                                          const GDate   *from,
                                          int            coefficient,
                                          GError       **error);
gboolean shtat_pay_grid_set_position     (ShtatPayGrid  *grid,
                                          const char    *position,
                                          const char    *block,
                                          const char    *category,
                                          guint          years,
                                          GError       **error);
gboolean shtat_pay_grid_remove_base        (ShtatPayGrid *grid,
                                            const GDate  *from);
gboolean shtat_pay_grid_remove_coefficient (ShtatPayGrid *grid,
                                            const char   *block,
                                            const char   *category,
                                            guint         years,
                                            const GDate  *from);
gboolean shtat_pay_grid_remove_position    (ShtatPayGrid *grid,
                                            const char   *position);

GPtrArray              *shtat_pay_grid_get_bases        (ShtatPayGrid *grid);
GPtrArray              *shtat_pay_grid_get_coefficients (ShtatPayGrid *grid);
GPtrArray              *shtat_pay_grid_get_positions    (ShtatPayGrid *grid);
const ShtatPayPosition *shtat_pay_grid_get_position     (ShtatPayGrid *grid,
                                                         const char   *position);

gboolean shtat_pay_grid_get_base         (ShtatPayGrid  *grid,
                                          const GDate   *date,
                                          gint64        *tiyn,
                                          GError       **error);
gboolean shtat_pay_grid_get_coefficient  (ShtatPayGrid  *grid,
                                          const char    *block,
                                          const char    *category,
                                          guint          years,
                                          const GDate   *date,
                                          int           *coefficient,
                                          GError       **error);
gboolean shtat_pay_grid_salary           (ShtatPayGrid  *grid,
                                          const char    *block,
                                          const char    *category,
                                          guint          years,
                                          const GDate   *date,
                                          gint64        *tiyn,
                                          GError       **error);
gboolean shtat_pay_grid_position_salary  (ShtatPayGrid  *grid,
                                          const char    *position,
                                          const GDate   *date,
                                          gint64        *tiyn,
                                          char         **grade,
                                          GError       **error);

/* Same entries, figure for figure. */
gboolean      shtat_pay_grid_equal    (ShtatPayGrid  *a,
                                       ShtatPayGrid  *b);
ShtatPayGrid *shtat_pay_grid_copy     (ShtatPayGrid  *grid);

gboolean  shtat_coefficient_parse  (const char *str,
                                    int        *out);
char     *shtat_coefficient_format (int         coefficient);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatPayGrid, shtat_pay_grid_unref)

G_END_DECLS
