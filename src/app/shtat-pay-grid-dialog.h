/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_PAY_GRID_DIALOG (shtat_pay_grid_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPayGridDialog, shtat_pay_grid_dialog, SHTAT, PAY_GRID_DIALOG, AdwWindow)

/* The installation's pay grid (Decree 1193; decisions.md item 21): the base
 * official salary from its dates, the coefficients by block, category and years
 * of service, and where each position of the centres' table sits, with the
 * salary that gives today. Changes are kept in the dialog until "Save", which
 * stores the whole grid in one transaction; "Cancel" drops them. */
ShtatPayGridDialog *shtat_pay_grid_dialog_new (GtkWindow        *parent,
                                               ShtatStore       *store,
                                               ShtatNormLibrary *library);

/* For tests: what the add rows and the position rows do when typed into. */
gboolean    shtat_pay_grid_dialog_add_base        (ShtatPayGridDialog *self,
                                                   const char         *from,
                                                   const char         *amount);
gboolean    shtat_pay_grid_dialog_add_coefficient (ShtatPayGridDialog *self,
                                                   const char         *block,
                                                   const char         *category,
                                                   const char         *years,
                                                   const char         *from,
                                                   const char         *coefficient);
gboolean    shtat_pay_grid_dialog_place_position  (ShtatPayGridDialog *self,
                                                   const char         *position,
                                                   const char         *cell);
const char *shtat_pay_grid_dialog_get_salary_text (ShtatPayGridDialog *self,
                                                   const char         *position);
const char *shtat_pay_grid_dialog_get_error_text  (ShtatPayGridDialog *self);
gboolean    shtat_pay_grid_dialog_save            (ShtatPayGridDialog *self);

G_END_DECLS
