/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"
#include "shtat-profile-dialog.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_SCHEDULE_PAGE (shtat_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatSchedulePage, shtat_schedule_page, SHTAT, SCHEDULE_PAGE, AdwBin)

void        shtat_schedule_page_set_store       (ShtatSchedulePage *self,
                                                 ShtatStore        *store,
                                                 ShtatNormLibrary  *library);
void        shtat_schedule_page_refresh         (ShtatSchedulePage *self);
/* Whether the staff of the centre shown is still being read (in a worker
 * thread): until then no line says who fills it. */
gboolean    shtat_schedule_page_is_loading      (ShtatSchedulePage *self);
/* Shows @version (0: the newest) of the centre with @centre_code. */
void        shtat_schedule_page_show            (ShtatSchedulePage *self,
                                                 const char        *centre_code,
                                                 guint              version);

/* What the buttons and menus do. */
gboolean    shtat_schedule_page_new_draft       (ShtatSchedulePage *self,
                                                 gboolean           from_approved,
                                                 GError           **error);
gboolean    shtat_schedule_page_set_drivers     (ShtatSchedulePage *self,
                                                 double             appeals,
                                                 double             vehicles);
gboolean    shtat_schedule_page_drivers_from_profile (ShtatSchedulePage *self,
                                                      GError           **error);
/* The centre profile dialog, presented. */
ShtatProfileDialog *shtat_schedule_page_open_profile (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_set_line_units  (ShtatSchedulePage *self,
                                                 guint              index,
                                                 int                units);
gboolean    shtat_schedule_page_add_line        (ShtatSchedulePage *self,
                                                 const char        *position,
                                                 GError           **error);
gboolean    shtat_schedule_page_salaries_from_grid (ShtatSchedulePage *self,
                                                    guint             *n_set,
                                                    GError           **error);
gboolean    shtat_schedule_page_undo            (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_redo            (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_submit          (ShtatSchedulePage *self,
                                                 GError           **error);
void        shtat_schedule_page_open_approval   (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_export          (ShtatSchedulePage *self,
                                                 const char        *format,
                                                 const char        *path,
                                                 GError           **error);
void        shtat_schedule_page_print           (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_print_to_file   (ShtatSchedulePage *self,
                                                 const char        *path,
                                                 GError           **error);

/* What the user reads and touches, for tests. */
const char *shtat_schedule_page_get_status_text     (ShtatSchedulePage *self);
const char *shtat_schedule_page_get_totals_text     (ShtatSchedulePage *self);
const char *shtat_schedule_page_get_compliance_text (ShtatSchedulePage *self);
const char *shtat_schedule_page_get_problems_text   (ShtatSchedulePage *self);
const char *shtat_schedule_page_get_placement_text  (ShtatSchedulePage *self);
GtkWidget  *shtat_schedule_page_get_line_row        (ShtatSchedulePage *self,
                                                     guint              index);
GtkWidget  *shtat_schedule_page_get_units_spin      (ShtatSchedulePage *self,
                                                     guint              index);
char       *shtat_schedule_page_dup_changes_text    (ShtatSchedulePage *self);
ShtatSchedule *shtat_schedule_page_get_schedule     (ShtatSchedulePage *self);

G_END_DECLS
