/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-norms.h"
#include "shtat-remark.h"

G_BEGIN_DECLS

#define SHTAT_MINIMUM_ERROR (shtat_minimum_error_quark ())

typedef enum
{
  SHTAT_MINIMUM_ERROR_MISSING_DRIVER,
  SHTAT_MINIMUM_ERROR_INVALID_DRIVER,
} ShtatMinimumError;

GQuark shtat_minimum_error_quark (void);

/* What a staffing table is computed from: the institution's figures. */
typedef struct
{
  double   values[SHTAT_N_DRIVERS];
  gboolean set[SHTAT_N_DRIVERS];
  gboolean flags[SHTAT_N_FLAGS];
  GDate    as_of;                 /* for amendments; invalid = today */
} ShtatDrivers;

void shtat_drivers_init  (ShtatDrivers *drivers);
void shtat_drivers_set   (ShtatDrivers *drivers,
                          ShtatDriver   driver,
                          double        value);

typedef enum
{
  SHTAT_RATIO_ROUNDING_DEFAULT,      /*< nick=default >*/      /* as the norm data says */
  SHTAT_RATIO_ROUNDING_CEIL,         /*< nick=ceil >*/
  SHTAT_RATIO_ROUNDING_PROPORTIONAL, /*< nick=proportional >*/
} ShtatRatioRounding;

/**
 * ShtatMinimumLine:
 * @remarks: (element-type ShtatRemark)
 */
typedef struct
{
  const ShtatNormRow *row;
  gboolean            applies;    /* FALSE when a condition is not met */
  int                 units;      /* hundredths; -1 for typical-norm rows */
  char               *explanation; /* how the units were found, in the user's language */
  GPtrArray          *remarks;
} ShtatMinimumLine;

/**
 * ShtatMinimum:
 * @lines: (element-type ShtatMinimumLine): in the act's order
 * @remarks: (element-type ShtatRemark): the whole table
 */
typedef struct
{
  const ShtatNormTable *table;
  ShtatDrivers          drivers;
  int                   bracket;      /* index into table->brackets, -1 without brackets */
  gboolean              outside_table;
  GPtrArray            *lines;
  int                   total_units;  /* hundredths, typical-norm rows left out */
  guint                 n_typical;
  GPtrArray            *remarks;
} ShtatMinimum;

ShtatMinimum *shtat_minimum_compute (ShtatNormLibrary     *library,
                                     const ShtatNormTable *table,
                                     const ShtatDrivers   *drivers,
                                     ShtatRatioRounding    rounding,
                                     GError              **error);
void          shtat_minimum_free    (ShtatMinimum         *minimum);

const ShtatMinimumLine *shtat_minimum_find_row (const ShtatMinimum *minimum,
                                                guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatMinimum, shtat_minimum_free)

G_END_DECLS
