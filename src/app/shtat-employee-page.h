/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_EMPLOYEE_PAGE (shtat_employee_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatEmployeePage, shtat_employee_page, SHTAT, EMPLOYEE_PAGE, AdwBin)

GtkWidget     *shtat_employee_page_new            (ShtatNormLibrary  *library);
void           shtat_employee_page_set_library    (ShtatEmployeePage *self,
                                                   ShtatNormLibrary  *library);
void           shtat_employee_page_set_centres    (ShtatEmployeePage *self,
                                                   GPtrArray         *centres);
void           shtat_employee_page_set_employee   (ShtatEmployeePage *self,
                                                   ShtatEmployee     *employee);
ShtatEmployee *shtat_employee_page_get_employee   (ShtatEmployeePage *self);
void           shtat_employee_page_set_as_of      (ShtatEmployeePage *self,
                                                   const GDate       *as_of);
void           shtat_employee_page_show_error     (ShtatEmployeePage *self,
                                                   const char        *message);

/* For tests: what the user reads. */
const char    *shtat_employee_page_get_verdict_text   (ShtatEmployeePage *self);
const char    *shtat_employee_page_get_eligible_text  (ShtatEmployeePage *self);
const char    *shtat_employee_page_get_error_text     (ShtatEmployeePage *self);

G_END_DECLS
