/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Compliance with the minimum norms                                        */

typedef enum
{
  /* planned = minimum */
  SHTAT_COMPLIANCE_AT,        /*< nick=at >*/
  /* planned > minimum, or a position the table does not name */
  SHTAT_COMPLIANCE_ABOVE,     /*< nick=above >*/
  /* planned < minimum */
  SHTAT_COMPLIANCE_BELOW,     /*< nick=below >*/
  /* the norms require it and the schedule has no line for it */
  SHTAT_COMPLIANCE_MISSING,   /*< nick=missing >*/
  /* set by typical norms (not checked) */
  SHTAT_COMPLIANCE_TYPICAL,   /*< nick=typical >*/
} ShtatComplianceStatus;

typedef enum
{
  SHTAT_SEVERITY_OK,          /*< nick=ok >*/
  /* e.g. below the minimum, accepted as interchange (item 5) */
  SHTAT_SEVERITY_WARNING,     /*< nick=warning >*/
  /* blocks approval */
  SHTAT_SEVERITY_ERROR,       /*< nick=error >*/
} ShtatSeverity;

/**
 * ShtatComplianceRow:
 * @row: (nullable): the norm row; %NULL: a position the table does not name
 * @remarks: (element-type ShtatRemark): with citations
 */
typedef struct
{
  const ShtatNormRow    *row;
  char                  *position;
  int                    minimum;   /* hundredths; -1 for typical-norm rows */
  int                    planned;   /* hundredths: sum of the lines of the position */
  guint                  n_lines;
  gboolean               justified; /* one of its lines carries a justification */
  ShtatComplianceStatus  status;
  ShtatSeverity          severity;
  gint64                 rate;      /* tiyn per full unit used for the cost; -1 unknown */
  gint64                 cost;      /* this row's part of the minimum cost; -1 unknown */
  char                  *message;   /* one sentence, in the user's language */
  GPtrArray             *remarks;
} ShtatComplianceRow;

/**
 * ShtatScheduleCheck:
 * @rows: (element-type ShtatComplianceRow): the table's rows in order, then the
 *   positions it does not name
 * @remarks: (element-type ShtatRemark): for the whole table (brackets, note)
 */
typedef struct
{
  ShtatMinimum *minimum;          /* the minimum for the schedule's drivers */
  GPtrArray    *rows;
  gint64        fund;             /* the schedule's monthly wage fund, tiyn */
  gint64        minimum_cost;     /* -1 when a rate is unknown */
  gboolean      fund_covers_minimum;
  guint         n_errors;
  guint         n_warnings;
  GPtrArray    *remarks;
} ShtatScheduleCheck;

ShtatScheduleCheck *shtat_schedule_check      (const ShtatSchedule  *schedule,
                                               ShtatNormLibrary     *library,
                                               const ShtatNormTable *table,
                                               ShtatPayGrid         *grid,
                                               GError              **error);
void                shtat_schedule_check_free (ShtatScheduleCheck   *check);

const char *shtat_compliance_status_to_string (ShtatComplianceStatus status);
const char *shtat_compliance_status_get_label (ShtatComplianceStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatScheduleCheck, shtat_schedule_check_free)

G_END_DECLS
