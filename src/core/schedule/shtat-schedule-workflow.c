/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-schedule-private.h"
#include "shtat-text.h"
#include "shtat-units.h"

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

static gboolean
fail_line (GError                  **error,
           ShtatNormLibrary         *library,
           const ShtatSchedule      *self,
           guint                     i,
           const char               *format,
           ...) G_GNUC_PRINTF (5, 6);

/* "Line 3 (Psychologist): …" */
static gboolean
fail_line (GError                  **error,
           ShtatNormLibrary         *library,
           const ShtatSchedule      *self,
           guint                     i,
           const char               *format,
           ...)
{
  const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
  g_autofree char *label = shtat_schedule_dup_line_label (library, self->table, line);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "Line 3 (Psychologist): <what is wrong>" */
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("Line %u (%s): %s"),
               i + 1, label, message);
  return FALSE;
}

/**
 * shtat_schedule_validate:
 * @schedule: a schedule
 * @library: the norms
 * @table: (nullable): the table to check against; %NULL: the schedule's own
 * @error: return location for a #GError
 *
 * Complete and consistent enough to submit: a centre, lines with a unit, a
 * position, units ≥ 0 and a multiple of 0.25 unless it is the norm's own figure
 * (item 6), a salary for lines with units, a reference on typical-norm lines
 * (item 4), drivers the table can be computed from, a fund that can be summed.
 *
 * Returns: %TRUE when it can be submitted
 */
gboolean
shtat_schedule_validate (const ShtatSchedule   *schedule,
                         ShtatNormLibrary      *library,
                         const ShtatNormTable  *table,
                         GError               **error)
{
  g_autoptr(ShtatMinimum) minimum = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);

  if (schedule->centre == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("Give the centre the schedule is for"));
      return FALSE;
    }
  if (schedule->lines->len == 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("The schedule has no lines"));
      return FALSE;
    }

  table = shtat_schedule_resolve_table (schedule, library, table, error);
  if (table == NULL)
    return FALSE;
  minimum = shtat_minimum_compute (library, table, &schedule->drivers, SHTAT_RATIO_ROUNDING_DEFAULT, error);
  if (minimum == NULL)
    return FALSE;

  for (guint i = 0; i < schedule->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (schedule->lines, i);
      const ShtatNormRow *row = shtat_norm_table_find_row (table, line->position);
      const ShtatMinimumLine *ml = row != NULL ? shtat_minimum_find_row (minimum, row->n) : NULL;

      if (line->position == NULL)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Line %u: give the position"), i + 1);
          return FALSE;
        }
      if (line->unit == NULL)
        return fail_line (error, library, schedule, i, "%s", _("give the structural unit"));
      /* item 6: a multiple of 0.25, unless it is the norm's own figure (5.25 per 50 beds) */
      if (line->units % 25 != 0 && (ml == NULL || ml->units != line->units))
        {
          g_autofree char *units = shtat_units_format_locale (line->units);

          /* TRANSLATORS: %s is a number of staff units */
          return fail_line (error, library, schedule, i, _("%s units is not a multiple of 0.25"), units);
        }
      if (line->units > 0 && line->salary == 0)
        return fail_line (error, library, schedule, i, "%s", _("give the official salary"));
      if (row != NULL && row->kind == SHTAT_RULE_TYPICAL && shtat_schedule_is_blank (line->reference))
        return fail_line (error, library, schedule, i, "%s",
                          _("the number is set by typical norms; give the reference to the norm used"));
    }

  return shtat_schedule_get_fund (schedule, NULL, NULL, error);
}

/**
 * shtat_schedule_submit:
 * @schedule: a draft
 * @library: the norms
 * @table: (nullable): the table to check against; %NULL: the schedule's own
 * @error: return location for a #GError
 *
 * draft → submitted, if shtat_schedule_validate() accepts it.
 *
 * Returns: %TRUE when submitted
 */
gboolean
shtat_schedule_submit (ShtatSchedule         *schedule,
                       ShtatNormLibrary      *library,
                       const ShtatNormTable  *table,
                       GError               **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_DRAFT)
    {
      /* TRANSLATORS: %s is a sentence on the version's status */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Only a draft can be submitted. %s"), shtat_schedule_status_sentence (schedule->status));
      return FALSE;
    }
  if (!shtat_schedule_validate (schedule, library, table, error))
    return FALSE;

  schedule->status = SHTAT_SCHEDULE_SUBMITTED;
  return TRUE;
}

/**
 * shtat_schedule_withdraw:
 * @schedule: a submitted version
 * @error: return location for a #GError
 *
 * submitted → draft, to change it again.
 *
 * Returns: %TRUE when withdrawn
 */
gboolean
shtat_schedule_withdraw (ShtatSchedule  *schedule,
                         GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_SUBMITTED)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Only a submitted version can be withdrawn to a draft. %s"),
                   shtat_schedule_status_sentence (schedule->status));
      return FALSE;
    }
  schedule->status = SHTAT_SCHEDULE_DRAFT;
  return TRUE;
}

gboolean
shtat_approval_check (const ShtatApproval  *approval,
                      GError              **error)
{
  const char *missing = NULL;

  if (approval == NULL || shtat_schedule_is_blank (approval->akimat))
    missing = _("Approval: give the akimat that approves the schedule");
  else if (shtat_schedule_is_blank (approval->order_number))
    missing = _("Approval: give the number of the order");
  else if (!g_date_valid (&approval->order_date))
    missing = _("Approval: give the date of the order");
  else if (shtat_schedule_is_blank (approval->signatory))
    missing = _("Approval: give who signed the order");
  else if (!g_date_valid (&approval->effective))
    missing = _("Approval: give the date the schedule takes effect");

  if (missing != NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, missing);
      return FALSE;
    }

  return shtat_schedule_check_text (approval->akimat, _("Akimat"), error)
         && shtat_schedule_check_text (approval->order_number, _("Order number"), error)
         && shtat_schedule_check_text (approval->signatory, _("Signatory"), error);
}

/**
 * shtat_schedule_approve_with_digest:
 * @schedule: a submitted version
 * @library: the norms
 * @table: (nullable): the table to check against; NULL: the schedule's own
 * @grid: (nullable): prices positions no line gives a salary for
 * @approval: the akimat's order
 * @previous: (nullable): the approved version of the same centre it replaces
 * @digest: what seals the approved content
 * @error: return location for a #GError
 *
 * submitted → approved: needs every field of @approval and a compliance check
 * without errors. Stores what @digest gives for the approved version. @previous
 * becomes superseded; nothing changes unless every condition holds.
 * shtat_schedule_approve() (formats/shtat-schedule-xml.h) calls this with the
 * SHA-256 of the canonical XML: use that one.
 *
 * Returns: TRUE when approved.
 */
gboolean
shtat_schedule_approve_with_digest (ShtatSchedule          *schedule,
                                    ShtatNormLibrary       *library,
                                    const ShtatNormTable   *table,
                                    ShtatPayGrid           *grid,
                                    const ShtatApproval    *approval,
                                    ShtatSchedule          *previous,
                                    ShtatScheduleDigestFunc digest,
                                    GError                **error)
{
  g_autoptr(ShtatScheduleCheck) check = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);

  switch (schedule->status)
    {
    case SHTAT_SCHEDULE_DRAFT:
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                           _("Submit the draft before approving it"));
      return FALSE;
    case SHTAT_SCHEDULE_APPROVED:
      {
        g_autofree char *date = shtat_format_gdate (&schedule->approval.order_date);

        g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                     /* TRANSLATORS: version number, order number, order date */
                     _("Version %u is already approved (order %s of %s); it cannot be approved again"),
                     schedule->version, schedule->approval.order_number, date);
        return FALSE;
      }
    case SHTAT_SCHEDULE_SUPERSEDED:
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Version %u has been superseded; it cannot be approved again"), schedule->version);
      return FALSE;
    case SHTAT_SCHEDULE_SUBMITTED:
    default:
      break;
    }

  if (!shtat_approval_check (approval, error))
    return FALSE;

  if (previous != NULL)
    {
      if (previous == schedule || previous->status != SHTAT_SCHEDULE_APPROVED)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                       _("Version %u is not an approved version, so it cannot be superseded"),
                       previous->version);
          return FALSE;
        }
      if (g_strcmp0 (previous->centre, schedule->centre) != 0)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Version %u belongs to another centre (“%s”, not “%s”)"), previous->version,
                       previous->centre != NULL ? previous->centre : "", schedule->centre);
          return FALSE;
        }
      if (previous->version >= schedule->version)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Version %u cannot supersede version %u: a new version has a higher number"),
                       schedule->version, previous->version);
          return FALSE;
        }
    }

  if (!shtat_schedule_validate (schedule, library, table, error))
    return FALSE;
  check = shtat_schedule_check (schedule, library, table, grid, error);
  if (check == NULL)
    return FALSE;

  if (check->n_errors > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      const char *table_id = check->minimum->table->id;

      for (guint i = 0; i < check->rows->len; i++)
        {
          const ShtatComplianceRow *cr = g_ptr_array_index (check->rows, i);
          g_autofree char *label = NULL;

          if (cr->severity != SHTAT_SEVERITY_ERROR)
            continue;
          label = shtat_schedule_dup_position_label (library, table_id, cr->position);
          if (list->len > 0)
            g_string_append (list, "; ");
          g_string_append_printf (list, "%s: %s", label, cr->message);
        }
      /* TRANSLATORS: %s lists the positions and what is wrong with them */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_COMPLIANT,
                   _("The schedule does not meet the minimum staffing norms and cannot be approved: %s"),
                   list->str);
      return FALSE;
    }

  /* Every condition holds: commit both versions. */
  shtat_approval_copy (&schedule->approval, approval);
  schedule->has_approval = TRUE;
  schedule->status = SHTAT_SCHEDULE_APPROVED;
  g_free (schedule->sha256);
  schedule->sha256 = digest (schedule);

  if (previous != NULL)
    {
      previous->status = SHTAT_SCHEDULE_SUPERSEDED;
      previous->superseded_by = schedule->version;
    }
  return TRUE;
}

/**
 * shtat_schedule_verify_with_digest:
 * @schedule: a version
 * @digest: what sealed it at approval
 * @error: return location for a #GError
 *
 * For an approved or superseded version: @digest of its content is still the
 * checksum stored at approval (SHTAT_SCHEDULE_ERROR_TAMPERED otherwise). TRUE
 * for drafts and submitted versions (nothing to check).
 *
 * Returns: TRUE when it can be trusted.
 */
gboolean
shtat_schedule_verify_with_digest (const ShtatSchedule     *schedule,
                                   ShtatScheduleDigestFunc  digest,
                                   GError                 **error)
{
  g_autofree char *actual = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_APPROVED && schedule->status != SHTAT_SCHEDULE_SUPERSEDED)
    return TRUE;

  if (schedule->sha256 == NULL)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED,
                   _("Version %u is marked approved but carries no checksum: it cannot be trusted"),
                   schedule->version);
      return FALSE;
    }

  actual = digest (schedule);
  if (g_ascii_strcasecmp (actual, schedule->sha256) != 0)
    {
      /* TRANSLATORS: version, centre code, checksum recorded, checksum of the content now */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED,
                   _("Version %u of the staffing schedule of “%s” has been changed since it was approved: "
                     "the SHA-256 recorded at approval is %s, its content now gives %s"),
                   schedule->version, schedule->centre != NULL ? schedule->centre : "",
                   schedule->sha256, actual);
      return FALSE;
    }
  return TRUE;
}
