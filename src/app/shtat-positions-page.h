/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_POSITIONS_PAGE (shtat_positions_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPositionsPage, shtat_positions_page, SHTAT, POSITIONS_PAGE, AdwBin)

void        shtat_positions_page_set_library     (ShtatPositionsPage *self,
                                                  ShtatNormLibrary   *library);
gboolean    shtat_positions_page_select_position (ShtatPositionsPage *self,
                                                  const char         *code);
void        shtat_positions_page_focus_search    (ShtatPositionsPage *self);

G_END_DECLS
