/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-application.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_WINDOW (shtat_window_get_type ())
G_DECLARE_FINAL_TYPE (ShtatWindow, shtat_window, SHTAT, WINDOW, AdwApplicationWindow)

ShtatWindow *shtat_window_new           (ShtatApplication *app,
                                         ShtatNormLibrary *library,
                                         ShtatStore       *store);
GtkWidget   *shtat_window_get_personnel_page (ShtatWindow *self);
GtkWidget   *shtat_window_get_promotions_page (ShtatWindow *self);
GtkWidget   *shtat_window_get_overview_page (ShtatWindow *self);
GtkWidget   *shtat_window_get_schedule_page (ShtatWindow *self);
GtkWidget   *shtat_window_get_norms_page     (ShtatWindow *self);
GtkWidget   *shtat_window_get_positions_page (ShtatWindow *self);
void         shtat_window_show_section  (ShtatWindow *self,
                                         const char  *name);
const char  *shtat_window_get_section   (ShtatWindow *self);
gboolean     shtat_window_has_section_page (ShtatWindow *self);
void         shtat_window_set_store     (ShtatWindow *self,
                                         ShtatStore  *store,
                                         const char  *store_error);

G_END_DECLS
