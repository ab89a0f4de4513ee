/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shtat-minimum.h"
#include "shtat-norms.h"
#include "shtat-pay.h"
#include "shtat-remark.h"

G_BEGIN_DECLS

/* The staffing schedule of a centre (штат кестесі / штатное расписание), one
 * version of it, in memory: lines planned against a minimum norm table
 * (000 App; decisions.md items 1–9), the wage fund, compliance, the workflow
 * draft → submitted → approved → superseded, and its canonical XML.
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
  SHTAT_SCHEDULE_DRAFT,
  SHTAT_SCHEDULE_SUBMITTED,
  SHTAT_SCHEDULE_APPROVED,
  SHTAT_SCHEDULE_SUPERSEDED,
} ShtatScheduleStatus;

/* The structural units offered by default: the two of 000 §7 and the rest of
 * the staff. Which rows go where is digest §5.4 (an inference: rows 8, 9, 10,
 * 19, 20 → consultation; 11, 12, 14 → methodology; the rest → administration). */
typedef enum
{
  SHTAT_SCHEDULE_UNIT_ADMINISTRATION,
  SHTAT_SCHEDULE_UNIT_CONSULTATION,   /* 000 §7(1), §8 */
  SHTAT_SCHEDULE_UNIT_METHODOLOGY,    /* 000 §7(2), §9 */
  SHTAT_SCHEDULE_N_UNITS,
} ShtatScheduleUnit;

/* Most units a line may have (1 000 staff units) and lines a schedule may have. */
#define SHTAT_SCHEDULE_MAX_LINE_UNITS (1000 * 100)
#define SHTAT_SCHEDULE_MAX_LINES      10000

/* A line, owned by its schedule: read it, change it through the setters. */
typedef struct
{
  char   *unit;           /* structural unit, free text */
  char   *position;       /* position code of the norm data, or a free name */
  char   *grade;          /* category or pay grade, free text; NULL: none */
  int     units;          /* hundredths of a staff unit */
  gint64  salary;         /* monthly official salary per full unit, tiyn */
  gint64  allowances;     /* monthly allowances per full unit, tiyn */
  char   *justification;  /* why it is below its minimum (item 5); NULL: none */
  char   *reference;      /* the typical norm the units come from (item 4); NULL: none */
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

typedef struct _ShtatSchedule ShtatSchedule;

#define SHTAT_TYPE_SCHEDULE (shtat_schedule_get_type ())
GType          shtat_schedule_get_type  (void) G_GNUC_CONST;

ShtatSchedule *shtat_schedule_new       (void);
ShtatSchedule *shtat_schedule_ref       (ShtatSchedule *schedule);
void           shtat_schedule_unref     (ShtatSchedule *schedule);

/* A draft, version 1, as of @date (NULL: the drivers' as-of date, or today):
 * one line per row of @table whose minimum for @drivers is above zero, in the
 * act's order, and one line of 0 units per typical-norm row with the norm's
 * reference text, if it names one, to complete. Structural units as above for
 * the centre table ("fsc"); everything in administration for other tables.
 * With a pay grid, lines of positions the grid places get its salary and grade;
 * other salaries are 0 to fill in. */
ShtatSchedule *shtat_schedule_new_from_minimum (ShtatNormLibrary     *library,
                                                const ShtatNormTable *table,
                                                const ShtatDrivers   *drivers,
                                                ShtatPayGrid         *grid,
                                                const GDate          *date,
                                                GError              **error);
/* The next version: a draft with the same centre, drivers and lines, version + 1,
 * without approval or checksum. */
ShtatSchedule *shtat_schedule_copy_as_draft    (const ShtatSchedule  *schedule);
/* Same content, field by field (status, approval and checksum included). */
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
/* The period the appeals average was taken over and where the figures come
 * from (decisions.md item 1). */
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
/* Compliance with the minimum norms                                        */

typedef enum
{
  SHTAT_COMPLIANCE_AT,        /* planned = minimum */
  SHTAT_COMPLIANCE_ABOVE,     /* planned > minimum, or a position the table does not name */
  SHTAT_COMPLIANCE_BELOW,     /* planned < minimum */
  SHTAT_COMPLIANCE_MISSING,   /* the norms require it and the schedule has no line for it */
  SHTAT_COMPLIANCE_TYPICAL,   /* set by typical norms (not checked) */
} ShtatComplianceStatus;

typedef enum
{
  SHTAT_SEVERITY_OK,
  SHTAT_SEVERITY_WARNING,     /* e.g. below the minimum, accepted as interchange (item 5) */
  SHTAT_SEVERITY_ERROR,       /* blocks approval */
} ShtatSeverity;

typedef struct
{
  const ShtatNormRow    *row;       /* NULL: a position the table does not name */
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
  GPtrArray             *remarks;   /* ShtatRemark, with citations */
} ShtatComplianceRow;

typedef struct
{
  ShtatMinimum *minimum;          /* the minimum for the schedule's drivers */
  GPtrArray    *rows;             /* ShtatComplianceRow: the table's rows in order, then others */
  gint64        fund;             /* the schedule's monthly wage fund, tiyn */
  gint64        minimum_cost;     /* -1 when a rate is unknown */
  gboolean      fund_covers_minimum;
  guint         n_errors;
  guint         n_warnings;
  GPtrArray    *remarks;          /* ShtatRemark for the whole table (brackets, note) */
} ShtatScheduleCheck;

/* Every row of @table (NULL: the schedule's own table) against the minimum for
 * the schedule's drivers, then the positions the table does not name. @grid
 * (may be NULL) prices positions no line gives a salary for. The result borrows
 * rows of the library: free it before the library. */
ShtatScheduleCheck *shtat_schedule_check      (const ShtatSchedule  *schedule,
                                               ShtatNormLibrary     *library,
                                               const ShtatNormTable *table,
                                               ShtatPayGrid         *grid,
                                               GError              **error);
void                shtat_schedule_check_free (ShtatScheduleCheck   *check);

const char *shtat_compliance_status_to_string (ShtatComplianceStatus status);
const char *shtat_compliance_status_get_label (ShtatComplianceStatus status);

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

/* Complete and consistent enough to submit: a centre, lines with a unit, a
 * position, units ≥ 0 and a multiple of 0.25 unless it is the norm's own figure
 * (item 6), a salary for lines with units, a reference on typical-norm lines
 * (item 4), drivers the table can be computed from, a fund that can be summed. */
gboolean shtat_schedule_validate (const ShtatSchedule  *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
/* draft → submitted, if valid. */
gboolean shtat_schedule_submit   (ShtatSchedule        *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  GError              **error);
/* submitted → draft, to change it again. */
gboolean shtat_schedule_withdraw (ShtatSchedule        *schedule,
                                  GError              **error);
/* submitted → approved: needs every field of @approval and a compliance check
 * without errors. Stores the SHA-256 of the canonical XML. @previous (may be
 * NULL), the approved version of the same centre it replaces, becomes
 * superseded; nothing changes unless every condition holds. */
gboolean shtat_schedule_approve  (ShtatSchedule        *schedule,
                                  ShtatNormLibrary     *library,
                                  const ShtatNormTable *table,
                                  ShtatPayGrid         *grid,
                                  const ShtatApproval  *approval,
                                  ShtatSchedule        *previous,
                                  GError              **error);
/* For an approved or superseded version: its content still gives the SHA-256
 * stored at approval. TRUE for drafts and submitted versions (nothing to check). */
gboolean shtat_schedule_verify   (const ShtatSchedule  *schedule,
                                  GError              **error);

/* ------------------------------------------------------------------------ */
/* Canonical XML (data/norms/schedule.rng)                                  */

/* The same schedule always gives the same bytes: UTF-8, fixed element and
 * attribute order, two-space indentation, one element per line, ISO dates,
 * units as "2.5", money as integer tiyn. The checksum of an approved version is
 * the SHA-256 of this document as it was at approval: status "approved", without
 * the superseded-by attribute and without the <sha256> element. */
GBytes        *shtat_schedule_to_xml   (const ShtatSchedule *schedule);
/* Reads a schedule file: UTF-8 only, no DOCTYPE, no network, valid against
 * schedule.rng. The checksum is read as stored: call shtat_schedule_verify(). */
ShtatSchedule *shtat_schedule_from_xml (GBytes              *bytes,
                                        GError             **error);

/* ------------------------------------------------------------------------ */
/* History                                                                  */

/* What changed from @a to @b, one sentence each, in the user's language:
 * "Psychologist: 2 → 3 units", "Line added: …". Lines are matched by unit,
 * position and grade, then by position. @library (may be NULL) gives position
 * names; without it the codes are shown. Free with g_ptr_array_unref(). */
GPtrArray *shtat_schedule_diff (const ShtatSchedule *a,
                                const ShtatSchedule *b,
                                ShtatNormLibrary    *library);

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

const char *shtat_schedule_status_to_string   (ShtatScheduleStatus status);
gboolean    shtat_schedule_status_from_string (const char          *str,
                                               ShtatScheduleStatus *out);
const char *shtat_schedule_status_get_label   (ShtatScheduleStatus status);
/* The default name of a structural unit in a language (not a translation of the
 * interface: the names of 000 §7 in kk and ru). */
const char *shtat_schedule_unit_get_name      (ShtatScheduleUnit   unit,
                                               ShtatLang           lang);
/* The name of a position as a user reads it: the row of @table_id (NULL: any
 * table) naming it, else its qualification characteristic, else the code. */
char       *shtat_schedule_dup_position_label (ShtatNormLibrary    *library,
                                               const char          *table_id,
                                               const char          *position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatSchedule, shtat_schedule_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatScheduleCheck, shtat_schedule_check_free)

G_END_DECLS
