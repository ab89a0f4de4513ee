/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_PROFILE_DIALOG (shtat_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShtatProfileDialog, shtat_profile_dialog, SHTAT, PROFILE_DIALOG, AdwWindow)

/* A centre's profile: the monthly appeals per channel of 256-НҚ §12 over the
 * averaging period, the working-day calendar, vehicles; the average per working
 * day and its bracket, worked out as the user types, with how it was found.
 * "Save" stores the profile in one transaction and emits "saved"; calendar
 * exceptions are stored as they are added or removed. */
ShtatProfileDialog *shtat_profile_dialog_new (GtkWindow        *parent,
                                              ShtatStore       *store,
                                              ShtatNormLibrary *library,
                                              ShtatCentre      *centre);

/* For tests: type a count into a cell, as a user does, and read the result. */
gboolean    shtat_profile_dialog_set_period  (ShtatProfileDialog *self,
                                              const char         *from,
                                              const char         *to);
gboolean    shtat_profile_dialog_type_count  (ShtatProfileDialog *self,
                                              const char         *month,
                                              guint               channel,
                                              const char         *text);
void        shtat_profile_dialog_set_vehicles (ShtatProfileDialog *self,
                                               double              vehicles);
const char *shtat_profile_dialog_get_explanation (ShtatProfileDialog *self);
const char *shtat_profile_dialog_get_error_text  (ShtatProfileDialog *self);
gboolean    shtat_profile_dialog_save            (ShtatProfileDialog *self);

G_END_DECLS
