/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-schedule.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* Editing one version of a centre's staffing schedule: every edit is saved at
 * once, in one transaction, and the state before it goes on the undo stack.
 * An edit the schedule refuses, or whose save fails, leaves the version as it
 * was and returns why. Undo and redo write the restored state to the store; a
 * restore whose save fails keeps its entry. Only a draft can be edited, undone
 * or submitted; a submitted version can be withdrawn.
 *
 * The session owns the version it edits: after an undo, a redo or a failed
 * edit that had to be taken back, shtat_draft_session_get_schedule() returns a
 * new object, and ShtatDraftSession::changed says what changed. */

/**
 * ShtatDraftChange:
 * @SHTAT_DRAFT_CHANGE_VALUES: figures of the lines or the drivers changed
 * @SHTAT_DRAFT_CHANGE_LINES: lines were added, removed or regrouped, or the
 *   schedule was replaced as a whole (undo, redo, a change taken back)
 * @SHTAT_DRAFT_CHANGE_STATUS: the version was submitted or withdrawn
 *
 * What a ShtatDraftSession::changed emission covers.
 */
typedef enum
{
  SHTAT_DRAFT_CHANGE_VALUES,
  SHTAT_DRAFT_CHANGE_LINES,
  SHTAT_DRAFT_CHANGE_STATUS,
} ShtatDraftChange;

#define SHTAT_TYPE_DRAFT_SESSION (shtat_draft_session_get_type ())
G_DECLARE_FINAL_TYPE (ShtatDraftSession, shtat_draft_session, SHTAT, DRAFT_SESSION, GObject)

ShtatDraftSession *shtat_draft_session_new        (ShtatStore        *store,
                                                   ShtatNormLibrary  *library,
                                                   ShtatSchedule     *schedule);
ShtatDraftSession *shtat_draft_session_open       (ShtatStore        *store,
                                                   ShtatNormLibrary  *library,
                                                   const char        *centre_code,
                                                   guint              version,
                                                   GError           **error);

ShtatSchedule     *shtat_draft_session_get_schedule (ShtatDraftSession *self);
void               shtat_draft_session_reload     (ShtatDraftSession *self,
                                                   ShtatSchedule     *schedule);
gboolean           shtat_draft_session_get_editable (ShtatDraftSession *self);

/* Edits of line @index; each is one entry of the history. */
gboolean shtat_draft_session_set_units         (ShtatDraftSession *self,
                                                guint              index,
                                                int                units,
                                                GError           **error);
gboolean shtat_draft_session_set_salary        (ShtatDraftSession *self,
                                                guint              index,
                                                gint64             tiyn,
                                                GError           **error);
gboolean shtat_draft_session_set_allowances    (ShtatDraftSession *self,
                                                guint              index,
                                                gint64             tiyn,
                                                GError           **error);
gboolean shtat_draft_session_set_grade         (ShtatDraftSession *self,
                                                guint              index,
                                                const char        *grade,
                                                GError           **error);
gboolean shtat_draft_session_set_unit          (ShtatDraftSession *self,
                                                guint              index,
                                                const char        *unit,
                                                GError           **error);
gboolean shtat_draft_session_set_justification (ShtatDraftSession *self,
                                                guint              index,
                                                const char        *text,
                                                GError           **error);
gboolean shtat_draft_session_set_reference     (ShtatDraftSession *self,
                                                guint              index,
                                                const char        *text,
                                                GError           **error);
gboolean shtat_draft_session_add_line          (ShtatDraftSession *self,
                                                const char        *position,
                                                GError           **error);
gboolean shtat_draft_session_remove_line       (ShtatDraftSession *self,
                                                guint              index,
                                                GError           **error);
gboolean shtat_draft_session_set_drivers       (ShtatDraftSession  *self,
                                                const ShtatDrivers *drivers,
                                                GError            **error);
gboolean shtat_draft_session_salaries_from_grid (ShtatDraftSession *self,
                                                 guint             *n_set,
                                                 GError           **error);
gboolean shtat_draft_session_take_from_profile (ShtatDraftSession *self,
                                                char             **explanation,
                                                GError           **error);

gboolean    shtat_draft_session_get_can_undo       (ShtatDraftSession *self);
gboolean    shtat_draft_session_get_can_redo       (ShtatDraftSession *self);
const char *shtat_draft_session_get_undo_description (ShtatDraftSession *self);
const char *shtat_draft_session_get_redo_description (ShtatDraftSession *self);
gboolean    shtat_draft_session_undo               (ShtatDraftSession *self,
                                                    GError           **error);
gboolean    shtat_draft_session_redo               (ShtatDraftSession *self,
                                                    GError           **error);

gboolean shtat_draft_session_submit   (ShtatDraftSession *self,
                                       GError           **error);
gboolean shtat_draft_session_withdraw (ShtatDraftSession *self,
                                       GError           **error);

G_END_DECLS
