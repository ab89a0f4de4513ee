/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_NORMS_PAGE (shtat_norms_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatNormsPage, shtat_norms_page, SHTAT, NORMS_PAGE, AdwBin)

void        shtat_norms_page_set_library        (ShtatNormsPage   *self,
                                                 ShtatNormLibrary *library);
gboolean    shtat_norms_page_select_table       (ShtatNormsPage   *self,
                                                 const char       *id);
const char *shtat_norms_page_get_table_id       (ShtatNormsPage   *self);
void        shtat_norms_page_focus_table        (ShtatNormsPage   *self);

G_END_DECLS
