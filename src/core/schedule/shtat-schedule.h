/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shtat-minimum.h"
#include "shtat-norms.h"
#include "shtat-pay.h"
#include "shtat-remark.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* The staffing schedule of a centre (штат кестесі / штатное расписание), one
 * version of it, in memory: lines planned against a minimum norm table
 * (000 App; decisions.md items 1–9), the wage fund, compliance, the workflow
 * draft → submitted → approved → superseded, and what changed between two
 * versions. Its canonical XML, and with it the checksum sealed at approval, is
 * in formats/shtat-schedule-xml.h.
 *
 * Units are hundredths of a staff unit (shtat-units.h); money is gint64 tiyn
 * (shtat-pay.h). Only a draft can be changed: every setter on another version
 * fails with SHTAT_SCHEDULE_ERROR_NOT_DRAFT.
 *
 * Wage fund, rounded exactly once per line:
 *   line fund    = units × (salary + allowances) / 100, rounded half up to a tiyn
 *                  ((units × rate + 50) div 100; salary and allowances are per
 *                  full staff unit, per month);
 *   monthly fund = Σ line funds;  annual fund = 12 × monthly fund.
 * Every step is checked: a sum beyond 64 bits is SHTAT_SCHEDULE_ERROR_OVERFLOW.
 *
 * Cost of the minimum staffing (decisions.md item 5), what the monthly fund is
 * compared with before a line below its minimum is accepted:
 *   Σ over the table's computed rows of  minimum units × rate(position) / 100,
 *     rounded half up once per row,
 *   + the schedule's own fund for the lines of typical-norm rows (the norms set
 *     no figure to price them at, so they cost the same on both sides).
 *   rate(position) = salary + allowances per full unit, averaged over the
 *     schedule's lines of that position that have a non-zero rate, weighted by
 *     their units (unweighted when none of them has units), rounded half up to a
 *     tiyn; when no line of the position has a rate, the pay grid's salary for
 *     the position on the schedule's date (if a grid is given and places it);
 *     otherwise unknown, and then no shortfall can be accepted as interchange. */

#define SHTAT_SCHEDULE_ERROR (shtat_schedule_error_quark ())

typedef enum
{
  SHTAT_SCHEDULE_ERROR_NOT_DRAFT,     /* a change to a version that is not a draft */
  SHTAT_SCHEDULE_ERROR_STATUS,        /* a step the workflow does not allow from this status */
  SHTAT_SCHEDULE_ERROR_INVALID,       /* a value out of range, a required field empty */
  SHTAT_SCHEDULE_ERROR_NOT_COMPLIANT, /* approval refused: the compliance check has errors */
  SHTAT_SCHEDULE_ERROR_OVERFLOW,      /* a sum of money beyond 64 bits */
  SHTAT_SCHEDULE_ERROR_PARSE,         /* not well-formed XML */
  SHTAT_SCHEDULE_ERROR_FORBIDDEN,     /* not UTF-8, a DOCTYPE, too large */
  SHTAT_SCHEDULE_ERROR_SCHEMA,        /* does not follow schedule.rng, or contradicts itself */
  SHTAT_SCHEDULE_ERROR_TAMPERED,      /* an approved version that no longer matches its SHA-256 */
} ShtatScheduleError;

GQuark shtat_schedule_error_quark (void);

typedef enum
{
  SHTAT_SCHEDULE_DRAFT,      /*< nick=draft >*/
  SHTAT_SCHEDULE_SUBMITTED,  /*< nick=submitted >*/
  SHTAT_SCHEDULE_APPROVED,   /*< nick=approved >*/
  SHTAT_SCHEDULE_SUPERSEDED, /*< nick=superseded >*/
} ShtatScheduleStatus;

/* The structural units offered by default: the two of 000 §7 and the rest of
 * the staff. Which rows go where is digest §5.4 (an inference: rows 8, 9, 10,
 * 19, 20 → consultation; 11, 12, 14 → methodology; the rest → administration). */
typedef enum
{
  SHTAT_SCHEDULE_UNIT_ADMINISTRATION,
  SHTAT_SCHEDULE_UNIT_CONSULTATION,   /* 000 §7(1), §8 */
  SHTAT_SCHEDULE_UNIT_METHODOLOGY,    /* 000 §7(2), §9 */
  SHTAT_SCHEDULE_N_UNITS,             /*< skip >*/
} ShtatScheduleUnit;

/* Most units a line may have (1 000 staff units) and lines a schedule may have. */
#define SHTAT_SCHEDULE_MAX_LINE_UNITS (1000 * 100)
#define SHTAT_SCHEDULE_MAX_LINES      10000

/**
 * ShtatScheduleLine:
 * @unit: (nullable): structural unit, free text
 * @position: (nullable): position code of the norm data, or a free name
 * @grade: (nullable): category or pay grade, free text
 * @justification: (nullable): why it is below its minimum (item 5)
 * @reference: (nullable): the typical norm the units come from (item 4)
 *
 * A line, owned by its schedule: read it, change it through the setters.
 */
typedef struct
{
  char   *unit;
  char   *position;
  char   *grade;
  int     units;          /* hundredths of a staff unit */
  gint64  salary;         /* monthly official salary per full unit, tiyn */
  gint64  allowances;     /* monthly allowances per full unit, tiyn */
  char   *justification;
  char   *reference;
} ShtatScheduleLine;

/* The akimat's order that approves a version. Strings are borrowed when passed
 * in; the schedule keeps copies. */
typedef struct
{
  const char *akimat;
  const char *order_number;
  GDate       order_date;
  const char *signatory;
  GDate       effective;
} ShtatApproval;

#define SHTAT_TYPE_SCHEDULE (shtat_schedule_get_type ())
GType          shtat_schedule_get_type  (void) G_GNUC_CONST;

ShtatSchedule *shtat_schedule_new       (void);
ShtatSchedule *shtat_schedule_ref       (ShtatSchedule *schedule);
void           shtat_schedule_unref     (ShtatSchedule *schedule);

ShtatSchedule *shtat_schedule_new_from_minimum (ShtatNormLibrary     *library,
                                                const ShtatNormTable *table,
                                                const ShtatDrivers   *drivers,
                                                ShtatPayGrid         *grid,
                                                const GDate          *date,
                                                GError              **error);
ShtatSchedule *shtat_schedule_copy_as_draft    (const ShtatSchedule  *schedule);
gboolean       shtat_schedule_equal            (const ShtatSchedule  *a,
                                                const ShtatSchedule  *b);

/* Reading. */
const char          *shtat_schedule_get_centre          (const ShtatSchedule *schedule);
guint                shtat_schedule_get_version         (const ShtatSchedule *schedule);
ShtatScheduleStatus  shtat_schedule_get_status          (const ShtatSchedule *schedule);
const char          *shtat_schedule_get_table           (const ShtatSchedule *schedule);
const ShtatDrivers  *shtat_schedule_get_drivers         (const ShtatSchedule *schedule);
const GDate         *shtat_schedule_get_appeals_from    (const ShtatSchedule *schedule);
const GDate         *shtat_schedule_get_appeals_to      (const ShtatSchedule *schedule);
const char          *shtat_schedule_get_appeals_source  (const ShtatSchedule *schedule);
const ShtatApproval *shtat_schedule_get_approval        (const ShtatSchedule *schedule);
const char          *shtat_schedule_get_sha256          (const ShtatSchedule *schedule);
guint                shtat_schedule_get_superseded_by   (const ShtatSchedule *schedule);
guint                shtat_schedule_get_n_lines         (const ShtatSchedule *schedule);
const ShtatScheduleLine *shtat_schedule_get_line        (const ShtatSchedule *schedule,
                                                         guint                index);

/* Totals. */
int      shtat_schedule_get_total_units (const ShtatSchedule     *schedule);
gboolean shtat_schedule_line_get_fund   (const ShtatScheduleLine *line,
                                         gint64                  *monthly,
                                         GError                 **error);
gboolean shtat_schedule_get_fund        (const ShtatSchedule     *schedule,
                                         gint64                  *monthly,
                                         gint64                  *annual,
                                         GError                 **error);

/* Editing a draft. Empty strings are kept as NULL. Driver values are kept to
 * six decimals, so that the XML gives them back exactly. */
gboolean shtat_schedule_set_centre         (ShtatSchedule       *schedule,
                                            const char          *centre,
                                            GError             **error);
gboolean shtat_schedule_set_version        (ShtatSchedule       *schedule,
                                            guint                version,
                                            GError             **error);
gboolean shtat_schedule_set_table          (ShtatSchedule       *schedule,
                                            const char          *table,
                                            GError             **error);
gboolean shtat_schedule_set_drivers        (ShtatSchedule       *schedule,
                                            const ShtatDrivers  *drivers,
                                            GError             **error);
gboolean shtat_schedule_set_appeals_period (ShtatSchedule       *schedule,
                                            const GDate         *from,
                                            const GDate         *to,
                                            const char          *source,
                                            GError             **error);
gboolean shtat_schedule_add_line           (ShtatSchedule       *schedule,
                                            const char          *unit,
                                            const char          *position,
                                            const char          *grade,
                                            int                  units,
                                            gint64               salary,
                                            gint64               allowances,
                                            GError             **error);
gboolean shtat_schedule_remove_line        (ShtatSchedule       *schedule,
                                            guint                index,
                                            GError             **error);
gboolean shtat_schedule_set_line_unit      (ShtatSchedule *schedule, guint index, const char *unit, GError **error);
gboolean shtat_schedule_set_line_position  (ShtatSchedule *schedule, guint index, const char *position, GError **error);
gboolean shtat_schedule_set_line_grade     (ShtatSchedule *schedule, guint index, const char *grade, GError **error);
gboolean shtat_schedule_set_line_units     (ShtatSchedule *schedule, guint index, int units, GError **error);
gboolean shtat_schedule_set_line_salary    (ShtatSchedule *schedule, guint index, gint64 tiyn, GError **error);
gboolean shtat_schedule_set_line_allowances (ShtatSchedule *schedule, guint index, gint64 tiyn, GError **error);
gboolean shtat_schedule_set_line_justification (ShtatSchedule *schedule, guint index, const char *text, GError **error);
gboolean shtat_schedule_set_line_reference (ShtatSchedule *schedule, guint index, const char *text, GError **error);

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

const char *shtat_schedule_status_to_string   (ShtatScheduleStatus status);
gboolean    shtat_schedule_status_from_string (const char          *str,
                                               ShtatScheduleStatus *out);
const char *shtat_schedule_status_get_label   (ShtatScheduleStatus status);
const char *shtat_schedule_unit_get_name      (ShtatScheduleUnit   unit,
                                               ShtatLang           lang);
char       *shtat_schedule_dup_position_label (ShtatNormLibrary    *library,
                                               const char          *table_id,
                                               const char          *position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatSchedule, shtat_schedule_unref)

G_END_DECLS

/* The concerns of the schedule, each in its own header and file. */
#define SHTAT_SCHEDULE_INSIDE
#include "shtat-schedule-check.h"
#include "shtat-schedule-workflow.h"
#include "shtat-schedule-diff.h"
#undef SHTAT_SCHEDULE_INSIDE
