/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_PERSONNEL_PAGE (shtat_personnel_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPersonnelPage, shtat_personnel_page, SHTAT, PERSONNEL_PAGE, AdwBin)

void                shtat_personnel_page_set_store     (ShtatPersonnelPage *self,
                                                        ShtatStore         *store,
                                                        ShtatNormLibrary   *library);
void                shtat_personnel_page_focus_search  (ShtatPersonnelPage *self);
void                shtat_personnel_page_set_unavailable (ShtatPersonnelPage *self,
                                                          const char         *message);
void                shtat_personnel_page_new_employee  (ShtatPersonnelPage *self);
void                shtat_personnel_page_undo          (ShtatPersonnelPage *self);
void                shtat_personnel_page_load_demo     (ShtatPersonnelPage *self);
void                shtat_personnel_page_start_empty   (ShtatPersonnelPage *self);
void                shtat_personnel_page_add_centre    (ShtatPersonnelPage *self);
gboolean            shtat_personnel_page_create_centre (ShtatPersonnelPage *self,
                                                        const char         *name_kk,
                                                        const char         *name_ru,
                                                        const char         *district,
                                                        const char         *akimat,
                                                        GError            **error);

/* For tests: the state shown, the list, the selected file. */
const char         *shtat_personnel_page_get_state     (ShtatPersonnelPage *self);
/* What the page says when it cannot show the files ("error" state). */
const char         *shtat_personnel_page_get_error_text (ShtatPersonnelPage *self);
ShtatPersonnelList *shtat_personnel_page_get_list      (ShtatPersonnelPage *self);
GtkWidget          *shtat_personnel_page_get_employee_page (ShtatPersonnelPage *self);
GtkWidget          *shtat_personnel_page_get_search_entry  (ShtatPersonnelPage *self);
gboolean            shtat_personnel_page_select_iin    (ShtatPersonnelPage *self,
                                                        const char         *iin);
/* Whether the list is still loading or filtering: a file asked for now is
 * selected once it is done. */
gboolean            shtat_personnel_page_is_busy       (ShtatPersonnelPage *self);

G_END_DECLS
