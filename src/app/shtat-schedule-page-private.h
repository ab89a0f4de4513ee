/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-draft-session.h"
#include "shtat-schedule-page.h"

G_BEGIN_DECLS

/* What the three files of the Schedule section share: the page
 * (shtat-schedule-page.c: showing a version), its actions
 * (shtat-schedule-actions.c: editing and the workflow, through a
 * ShtatDraftSession) and its documents (shtat-schedule-print.c). */

typedef struct
{
  AdwExpanderRow *row;
  GtkWidget      *badge_box;
  GtkSpinButton  *units;        /* drafts only */
  GtkLabel       *units_label;  /* other versions */
  AdwActionRow   *placement;
  GtkListBox     *holders;
} ShtatScheduleLineWidgets;

struct _ShtatSchedulePage
{
  AdwBin              parent_instance;

  ShtatStore         *store;
  ShtatNormLibrary   *library;
  gboolean            loaded;      /* the centres were read since the store was set */
  GPtrArray          *centres;     /* ShtatCentre */
  GPtrArray          *versions;    /* ShtatSchedule of the centre chosen */
  ShtatDraftSession  *session;     /* the version shown, and its history */
  ShtatSchedule      *shown;       /* the session's version, one of versions */
  ShtatScheduleCheck *check;
  ShtatPlacement     *placement;
  GPtrArray          *staff;       /* ShtatEmployee working at the centre today */
  char               *staff_centre;
  GCancellable       *staff_cancellable;
  GArray             *lines;       /* ShtatScheduleLineWidgets */
  gboolean            updating;    /* widgets are being filled from the model */

  /* the template */
  AdwToastOverlay    *toasts;
  GtkStack           *stack;
  AdwStatusPage      *none_page;
  GtkDropDown        *centre_dropdown;
  GtkDropDown        *version_dropdown;
  GtkWidget          *new_button;
  GtkWidget          *submit_button;
  GtkWidget          *withdraw_button;
  GtkWidget          *approve_button;
  GtkLabel           *status_label;
  GtkLabel           *totals_label;
  GtkLabel           *compliance_label;
  GtkLabel           *placement_label;
  GtkLabel           *problems_label;
  GtkSpinButton      *appeals_spin;
  GtkSpinButton      *vehicles_spin;
  GtkLabel           *drivers_label;
  GtkBox             *lines_box;
  GtkBox             *remarks_box;
  GtkWidget          *changes_group;
  GtkDropDown        *compare_dropdown;
  GtkListBox         *changes;
  GtkWidget          *add_line_box;
  GtkWidget          *from_profile_button;

  /* documents */
  GtkFileChooserNative *chooser;
  char                 *export_format;
};

/* shtat-schedule-page.c */
void                  shtat_schedule_page_toast          (ShtatSchedulePage *self,
                                                          const char        *text);
gboolean              shtat_schedule_page_is_draft       (ShtatSchedulePage *self);
const ShtatNormTable *shtat_schedule_page_get_table      (ShtatSchedulePage *self);
ShtatCentre          *shtat_schedule_page_get_centre     (ShtatSchedulePage *self);
const char           *shtat_schedule_page_get_centre_name (ShtatSchedulePage *self,
                                                           ShtatLang          lang);
void                  shtat_schedule_page_ensure_loaded  (ShtatSchedulePage *self);
void                  shtat_schedule_page_load_versions  (ShtatSchedulePage *self,
                                                          guint              select_version);
void                  shtat_schedule_page_emit_open_employee (ShtatSchedulePage *self,
                                                              const char        *iin);

/* shtat-schedule-actions.c */

/* Which field of a line an entry row edits. */
typedef enum
{
  SHTAT_SCHEDULE_FIELD_SALARY,
  SHTAT_SCHEDULE_FIELD_ALLOWANCES,
  SHTAT_SCHEDULE_FIELD_GRADE,
  SHTAT_SCHEDULE_FIELD_UNIT,
  SHTAT_SCHEDULE_FIELD_JUSTIFICATION,
  SHTAT_SCHEDULE_FIELD_REFERENCE,
} ShtatScheduleField;

void                  shtat_schedule_actions_class_init  (GtkWidgetClass    *widget_class);
void                  shtat_schedule_actions_update      (ShtatSchedulePage *self);
void                  shtat_schedule_units_changed_cb    (GtkSpinButton     *spin,
                                                          ShtatSchedulePage *self);
void                  shtat_schedule_entry_apply_cb      (AdwEntryRow       *entry,
                                                          ShtatSchedulePage *self);

/* shtat-schedule-print.c */
void                  shtat_schedule_print_class_init    (GtkWidgetClass    *widget_class);

G_END_DECLS
