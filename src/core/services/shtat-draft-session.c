/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-draft-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shtat-draft-session.h"
#include "shtat-planning.h"
#include "shtat-schedule-xml.h"

/* How many changes can be undone: the XML of a draft is a few kilobytes. */
#define MAX_UNDO 200

typedef struct
{
  GBytes *state;        /* the XML of the version before (undo) or after (redo) */
  char   *description;  /* what the change was, in the reader's language */
} Entry;

struct _ShtatDraftSession
{
  GObject           parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  ShtatSchedule    *schedule;
  GPtrArray        *undo;   /* Entry, newest last */
  GPtrArray        *redo;
};

G_DEFINE_FINAL_TYPE (ShtatDraftSession, shtat_draft_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SCHEDULE,
  PROP_EDITABLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_bytes_unref (entry->state);
  g_free (entry->description);
  g_free (entry);
}

static Entry *
entry_new (GBytes     *state,
           const char *description)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->state = g_bytes_ref (state);
  entry->description = g_strdup (description);
  return entry;
}

/* The properties that follow from the stacks and the status, announced together. */
static void
notify_state (ShtatDraftSession *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_EDITABLE]);
  g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (object, properties[PROP_UNDO_DESCRIPTION]);
  g_object_notify_by_pspec (object, properties[PROP_REDO_DESCRIPTION]);
  g_object_thaw_notify (object);
}

static void
replace_schedule (ShtatDraftSession *self,
                  ShtatSchedule     *schedule)
{
  if (schedule == self->schedule)
    return;
  g_clear_pointer (&self->schedule, shtat_schedule_unref);
  self->schedule = shtat_schedule_ref (schedule);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

static void
changed (ShtatDraftSession *self,
         ShtatDraftChange   change)
{
  notify_state (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, change);
}

static gboolean
require_draft (ShtatDraftSession *self,
               GError           **error)
{
  if (shtat_draft_session_get_editable (self))
    return TRUE;
  g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
                       _("Only a draft can be changed: make a new draft from this version"));
  return FALSE;
}

/* The position of line @index as the reader calls it, "" when there is no
 * such line: the schedule itself refuses a change to it. */
static char *
line_name (ShtatDraftSession *self,
           guint              index)
{
  if (index >= shtat_schedule_get_n_lines (self->schedule))
    return g_strdup ("");
  return shtat_schedule_dup_position_label (self->library, shtat_schedule_get_table (self->schedule),
                                            shtat_schedule_get_line (self->schedule, index)->position);
}

static char *
position_label (ShtatDraftSession *self,
                const char        *position)
{
  return shtat_schedule_dup_position_label (self->library, shtat_schedule_get_table (self->schedule), position);
}

/* Puts @before back after a change that failed; the schedule object is new. */
static void
take_back (ShtatDraftSession *self,
           GBytes            *before)
{
  g_autoptr(ShtatSchedule) back = shtat_schedule_from_xml (before, NULL);

  if (back == NULL)
    return;
  replace_schedule (self, back);
  changed (self, SHTAT_DRAFT_CHANGE_LINES);
}

/* Saves the version after a change made to it in memory (@ok, or the reason
 * in @local): on success @before goes on the undo stack under @description;
 * on failure the version is put back as it was and the reason handed on. */
static gboolean
commit (ShtatDraftSession *self,
        GBytes            *before,
        gboolean           ok,
        GError            *local,
        const char        *description,
        ShtatDraftChange   change,
        GError           **error)
{
  if (ok && !shtat_store_save_schedule (self->store, self->schedule, &local))
    ok = FALSE;
  if (!ok)
    {
      take_back (self, before);
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("The change cannot be made"));
      return FALSE;
    }
  g_ptr_array_add (self->undo, entry_new (before, description));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  changed (self, change);
  return TRUE;
}

typedef gboolean (*LineEdit) (ShtatSchedule *s, guint index, gconstpointer value, GError **error);

static gboolean
edit_line (ShtatDraftSession *self,
           guint              index,
           LineEdit           edit,
           gconstpointer      value,
           char              *description,
           ShtatDraftChange   change,
           GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  GError *local = NULL;
  gboolean ok;

  if (!require_draft (self, error))
    return FALSE;
  before = shtat_schedule_to_xml (self->schedule);
  ok = edit (self->schedule, index, value, &local);
  return commit (self, before, ok, local, description, change, error);
}

static gboolean
edit_units (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_units (s, index, *(const int *) value, error);
}

static gboolean
edit_salary (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_salary (s, index, *(const gint64 *) value, error);
}

static gboolean
edit_allowances (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_allowances (s, index, *(const gint64 *) value, error);
}

static gboolean
edit_grade (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_grade (s, index, value, error);
}

static gboolean
edit_unit (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_unit (s, index, value, error);
}

static gboolean
edit_justification (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_justification (s, index, value, error);
}

static gboolean
edit_reference (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_reference (s, index, value, error);
}

/**
 * shtat_draft_session_set_units:
 * @self: a #ShtatDraftSession
 * @index: the line
 * @units: its staff units, in hundredths
 * @error: return location for a #GError
 *
 * Sets the staff units of a line and saves the version.
 *
 * Returns: %TRUE when saved; otherwise the version is as it was
 */
gboolean
shtat_draft_session_set_units (ShtatDraftSession *self,
                               guint              index,
                               int                units,
                               GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Units of “%s”"), name);

  return edit_line (self, index, edit_units, &units, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

gboolean
shtat_draft_session_set_salary (ShtatDraftSession *self,
                                guint              index,
                                gint64             tiyn,
                                GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Salary of “%s”"), name);

  return edit_line (self, index, edit_salary, &tiyn, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

gboolean
shtat_draft_session_set_allowances (ShtatDraftSession *self,
                                    guint              index,
                                    gint64             tiyn,
                                    GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Allowances of “%s”"), name);

  return edit_line (self, index, edit_allowances, &tiyn, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

/**
 * shtat_draft_session_set_grade:
 * @self: a #ShtatDraftSession
 * @index: a line of the version
 * @grade: (nullable): the category or pay grade; %NULL or empty: none
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_set_grade (ShtatDraftSession *self,
                               guint              index,
                               const char        *grade,
                               GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Pay grade of “%s”"), name);

  return edit_line (self, index, edit_grade, grade, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

/* A line moved to another structural unit changes the grouping of the lines. */
gboolean
shtat_draft_session_set_unit (ShtatDraftSession *self,
                              guint              index,
                              const char        *unit,
                              GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Structural unit of “%s”"), name);

  return edit_line (self, index, edit_unit, unit, description, SHTAT_DRAFT_CHANGE_LINES, error);
}

/**
 * shtat_draft_session_set_justification:
 * @self: a #ShtatDraftSession
 * @index: a line of the version
 * @text: (nullable): why the line is below its minimum; %NULL or empty: none
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_set_justification (ShtatDraftSession *self,
                                       guint              index,
                                       const char        *text,
                                       GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Justification of “%s”"), name);

  return edit_line (self, index, edit_justification, text, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

/**
 * shtat_draft_session_set_reference:
 * @self: a #ShtatDraftSession
 * @index: a line of the version
 * @text: (nullable): the typical norm the units come from; %NULL or empty: none
 * @error: return location for a #GError
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_set_reference (ShtatDraftSession *self,
                                   guint              index,
                                   const char        *text,
                                   GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  name = line_name (self, index);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Typical norm of “%s”"), name);

  return edit_line (self, index, edit_reference, text, description, SHTAT_DRAFT_CHANGE_VALUES, error);
}

/**
 * shtat_draft_session_add_line:
 * @self: a #ShtatDraftSession
 * @position: the position's id in the norm table
 * @error: return location for a #GError
 *
 * Adds a line of one staff unit for @position, in the structural unit of
 * another line of the position if there is one (else the administration).
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_add_line (ShtatDraftSession *self,
                              const char        *position,
                              GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  const char *unit = "administration";
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  if (!require_draft (self, error))
    return FALSE;
  for (guint i = 0; i < shtat_schedule_get_n_lines (self->schedule); i++)
    if (g_strcmp0 (shtat_schedule_get_line (self->schedule, i)->position, position) == 0)
      unit = shtat_schedule_get_line (self->schedule, i)->unit;
  name = position_label (self, position);
  /* TRANSLATORS: a change that can be undone; %s is a position */
  description = g_strdup_printf (_("Line “%s” added"), name);
  before = shtat_schedule_to_xml (self->schedule);
  ok = shtat_schedule_add_line (self->schedule, unit, position, NULL, 100, 0, 0, &local);
  /* a line the schedule refuses was never added: nothing to take back */
  if (!ok)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return commit (self, before, TRUE, NULL, description, SHTAT_DRAFT_CHANGE_LINES, error);
}

gboolean
shtat_draft_session_remove_line (ShtatDraftSession *self,
                                 guint              index,
                                 GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *description = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);

  if (!require_draft (self, error))
    return FALSE;
  {
    g_autofree char *name = line_name (self, index);
    /* TRANSLATORS: a change that can be undone; %s is a position */
    description = g_strdup_printf (_("Line “%s” removed"), name);
  }
  before = shtat_schedule_to_xml (self->schedule);
  ok = shtat_schedule_remove_line (self->schedule, index, &local);
  return commit (self, before, ok, local, description, SHTAT_DRAFT_CHANGE_LINES, error);
}

static gboolean
drivers_equal (const ShtatDrivers *a,
               const ShtatDrivers *b)
{
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (a->set[d] != b->set[d] || (a->set[d] && fabs (a->values[d] - b->values[d]) >= 1e-7))
      return FALSE;
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (a->flags[f] != b->flags[f])
      return FALSE;
  return TRUE;
}

/**
 * shtat_draft_session_set_drivers:
 * @self: a #ShtatDraftSession
 * @drivers: the drivers of the norm table (appeals per working day, vehicles…)
 * @error: return location for a #GError
 *
 * Sets the draft's drivers. Drivers equal to the draft's are no change and
 * leave the history alone.
 *
 * Returns: %TRUE when saved or unchanged
 */
gboolean
shtat_draft_session_set_drivers (ShtatDraftSession  *self,
                                 const ShtatDrivers *drivers,
                                 GError            **error)
{
  g_autoptr(GBytes) before = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  g_return_val_if_fail (drivers != NULL, FALSE);

  if (!require_draft (self, error))
    return FALSE;
  if (drivers_equal (drivers, shtat_schedule_get_drivers (self->schedule)))
    return TRUE;
  before = shtat_schedule_to_xml (self->schedule);
  ok = shtat_schedule_set_drivers (self->schedule, drivers, &local);
  return commit (self, before, ok, local, _("Drivers of the Norms"), SHTAT_DRAFT_CHANGE_VALUES, error);
}

/**
 * shtat_draft_session_salaries_from_grid:
 * @self: a #ShtatDraftSession
 * @n_set: (out) (optional): how many lines got a salary
 * @error: return location for a #GError
 *
 * Every line of a position the stored pay grid places gets the grid's salary
 * and grade for today: one change.
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_salaries_from_grid (ShtatDraftSession *self,
                                        guint             *n_set,
                                        GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);

  if (!require_draft (self, error))
    return FALSE;
  before = shtat_schedule_to_xml (self->schedule);
  ok = shtat_planning_apply_pay_grid (self->store, self->schedule, NULL, n_set, &local);
  /* TRANSLATORS: a change that can be undone */
  return commit (self, before, ok, local, _("Salaries from the pay grid"), SHTAT_DRAFT_CHANGE_LINES, error);
}

/**
 * shtat_draft_session_take_from_profile:
 * @self: a #ShtatDraftSession
 * @explanation: (out) (optional) (transfer full): how the average was found
 * @error: return location for a #GError
 *
 * The draft's drivers and appeals period from its centre's stored profile.
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_draft_session_take_from_profile (ShtatDraftSession *self,
                                       char             **explanation,
                                       GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *found = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);

  if (!require_draft (self, error))
    return FALSE;
  before = shtat_schedule_to_xml (self->schedule);
  ok = shtat_planning_apply_profile (self->store, self->library, self->schedule, &found, &local);
  /* TRANSLATORS: a change that can be undone */
  if (!commit (self, before, ok, local, _("Drivers from the centre profile"), SHTAT_DRAFT_CHANGE_VALUES, error))
    return FALSE;
  if (explanation != NULL)
    *explanation = g_steal_pointer (&found);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Undo and redo                                                            */

gboolean
shtat_draft_session_get_can_undo (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  return shtat_draft_session_get_editable (self) && self->undo->len > 0;
}

gboolean
shtat_draft_session_get_can_redo (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  return shtat_draft_session_get_editable (self) && self->redo->len > 0;
}

/**
 * shtat_draft_session_get_undo_description:
 * @self: a #ShtatDraftSession
 *
 * Returns: (transfer none) (nullable): what the next undo takes back, or %NULL
 *   when there is nothing to undo
 */
const char *
shtat_draft_session_get_undo_description (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), NULL);
  if (!shtat_draft_session_get_can_undo (self))
    return NULL;
  return ((Entry *) g_ptr_array_index (self->undo, self->undo->len - 1))->description;
}

/**
 * shtat_draft_session_get_redo_description:
 * @self: a #ShtatDraftSession
 *
 * Returns: (transfer none) (nullable): what the next redo makes again, or %NULL
 */
const char *
shtat_draft_session_get_redo_description (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), NULL);
  if (!shtat_draft_session_get_can_redo (self))
    return NULL;
  return ((Entry *) g_ptr_array_index (self->redo, self->redo->len - 1))->description;
}

/* The newest entry of @from written to the store and shown; the state it
 * replaces goes on @to. The entry leaves @from only once it is saved, so a
 * save that fails can be tried again. */
static gboolean
restore (ShtatDraftSession *self,
         GPtrArray         *from,
         GPtrArray         *to,
         GError           **error)
{
  Entry *entry;
  g_autoptr(ShtatSchedule) back = NULL;
  g_autoptr(GBytes) now = NULL;

  if (!require_draft (self, error))
    return FALSE;
  if (from->len == 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                           from == self->undo ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }
  entry = g_ptr_array_index (from, from->len - 1);
  back = shtat_schedule_from_xml (entry->state, error);
  if (back == NULL || !shtat_store_save_schedule (self->store, back, error))
    return FALSE;
  now = shtat_schedule_to_xml (self->schedule);
  g_ptr_array_add (to, entry_new (now, entry->description));
  g_ptr_array_remove_index (from, from->len - 1);
  replace_schedule (self, back);
  changed (self, SHTAT_DRAFT_CHANGE_LINES);
  return TRUE;
}

/**
 * shtat_draft_session_undo:
 * @self: a #ShtatDraftSession
 * @error: return location for a #GError
 *
 * Takes back the last change and saves the version as it was before it.
 *
 * Returns: %TRUE when undone; on failure the change stays and can be undone
 *   again
 */
gboolean
shtat_draft_session_undo (ShtatDraftSession *self,
                          GError           **error)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  return restore (self, self->undo, self->redo, error);
}

gboolean
shtat_draft_session_redo (ShtatDraftSession *self,
                          GError           **error)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  return restore (self, self->redo, self->undo, error);
}

/* ------------------------------------------------------------------------ */
/* The workflow                                                             */

static const ShtatNormTable *
schedule_table (ShtatDraftSession *self)
{
  const char *id = shtat_schedule_get_table (self->schedule);

  return shtat_norm_library_get_table_or_centre (self->library, id);
}

/**
 * shtat_draft_session_submit:
 * @self: a #ShtatDraftSession
 * @error: return location for a #GError
 *
 * Submits the draft for approval, if the schedule's rules allow it (a salary
 * on every line with units, the typical norms named…), and saves it.
 *
 * Returns: %TRUE when submitted and saved; otherwise the version stays the
 *   draft it was, and @error says why
 */
gboolean
shtat_draft_session_submit (ShtatDraftSession *self,
                            GError           **error)
{
  g_autoptr(GBytes) before = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);

  before = shtat_schedule_to_xml (self->schedule);
  if (!shtat_schedule_submit (self->schedule, self->library, schedule_table (self), error))
    return FALSE;
  if (!shtat_store_save_schedule (self->store, self->schedule, error))
    {
      take_back (self, before);
      return FALSE;
    }
  changed (self, SHTAT_DRAFT_CHANGE_STATUS);
  return TRUE;
}

/**
 * shtat_draft_session_withdraw:
 * @self: a #ShtatDraftSession
 * @error: return location for a #GError
 *
 * Takes a submitted version back to a draft, to change it again, and saves it.
 *
 * Returns: %TRUE when withdrawn and saved
 */
gboolean
shtat_draft_session_withdraw (ShtatDraftSession *self,
                              GError           **error)
{
  g_autoptr(GBytes) before = NULL;

  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);

  before = shtat_schedule_to_xml (self->schedule);
  if (!shtat_schedule_withdraw (self->schedule, error))
    return FALSE;
  if (!shtat_store_save_schedule (self->store, self->schedule, error))
    {
      take_back (self, before);
      return FALSE;
    }
  changed (self, SHTAT_DRAFT_CHANGE_STATUS);
  return TRUE;
}

/* ------------------------------------------------------------------------ */

/**
 * shtat_draft_session_get_schedule:
 * @self: a #ShtatDraftSession
 *
 * Returns: (transfer none): the version as it is now
 */
ShtatSchedule *
shtat_draft_session_get_schedule (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), NULL);
  return self->schedule;
}

/**
 * shtat_draft_session_reload:
 * @self: a #ShtatDraftSession
 * @schedule: the same version as read again from the store
 *
 * Takes the version as stored now (after an approval made elsewhere, or the
 * version list read anew) and keeps the history.
 */
void
shtat_draft_session_reload (ShtatDraftSession *self,
                            ShtatSchedule     *schedule)
{
  g_return_if_fail (SHTAT_IS_DRAFT_SESSION (self));
  g_return_if_fail (schedule != NULL);

  replace_schedule (self, schedule);
  notify_state (self);
}

/* Whether the version is a draft, the only status that can be edited. */
gboolean
shtat_draft_session_get_editable (ShtatDraftSession *self)
{
  g_return_val_if_fail (SHTAT_IS_DRAFT_SESSION (self), FALSE);
  return shtat_schedule_get_status (self->schedule) == SHTAT_SCHEDULE_DRAFT;
}

/**
 * shtat_draft_session_new:
 * @store: the store the version is saved to
 * @library: the norms it is checked against
 * @schedule: the version, as stored
 *
 * The session edits @schedule in place until an undo, a redo or a change
 * taken back replaces it; shtat_draft_session_get_schedule() always returns
 * the version as it is.
 *
 * Returns: (transfer full): a session editing @schedule
 */
ShtatDraftSession *
shtat_draft_session_new (ShtatStore       *store,
                         ShtatNormLibrary *library,
                         ShtatSchedule    *schedule)
{
  ShtatDraftSession *self;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);
  g_return_val_if_fail (schedule != NULL, NULL);

  self = g_object_new (SHTAT_TYPE_DRAFT_SESSION, NULL);
  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->schedule = shtat_schedule_ref (schedule);
  return self;
}

/**
 * shtat_draft_session_open:
 * @store: the store
 * @library: the norms
 * @centre_code: the centre
 * @version: the version of its schedule
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a session editing the stored version,
 *   or %NULL when it cannot be read
 */
ShtatDraftSession *
shtat_draft_session_open (ShtatStore       *store,
                          ShtatNormLibrary *library,
                          const char       *centre_code,
                          guint             version,
                          GError          **error)
{
  g_autoptr(ShtatSchedule) schedule = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);

  schedule = shtat_store_load_schedule (store, centre_code, version, error);
  if (schedule == NULL)
    return NULL;
  return shtat_draft_session_new (store, library, schedule);
}

static void
shtat_draft_session_finalize (GObject *object)
{
  ShtatDraftSession *self = SHTAT_DRAFT_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->schedule, shtat_schedule_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (shtat_draft_session_parent_class)->finalize (object);
}

static void
shtat_draft_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ShtatDraftSession *self = SHTAT_DRAFT_SESSION (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_boxed (value, self->schedule);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, shtat_draft_session_get_editable (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, shtat_draft_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, shtat_draft_session_get_can_redo (self));
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, shtat_draft_session_get_undo_description (self));
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, shtat_draft_session_get_redo_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shtat_draft_session_class_init (ShtatDraftSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shtat_draft_session_finalize;
  object_class->get_property = shtat_draft_session_get_property;

  properties[PROP_SCHEDULE] = g_param_spec_boxed ("schedule", NULL, NULL, SHTAT_TYPE_SCHEDULE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] = g_param_spec_string ("undo-description", NULL, NULL, NULL,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] = g_param_spec_string ("redo-description", NULL, NULL, NULL,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShtatDraftSession::changed:
   * @self: the session
   * @change: a #ShtatDraftChange: what changed
   *
   * The version was changed and saved, or a change that failed was taken
   * back (then shtat_draft_session_get_schedule() returns a new object).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
shtat_draft_session_init (ShtatDraftSession *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}
