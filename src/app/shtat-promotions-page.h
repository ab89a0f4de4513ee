/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_PROMOTIONS_PAGE (shtat_promotions_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPromotionsPage, shtat_promotions_page, SHTAT, PROMOTIONS_PAGE, AdwBin)

void        shtat_promotions_page_set_list (ShtatPromotionsPage *self,
                                            ShtatPersonnelList  *list,
                                            ShtatNormLibrary    *library);
void        shtat_promotions_page_refresh  (ShtatPromotionsPage *self);
GListModel *shtat_promotions_page_get_rows (ShtatPromotionsPage *self);   /* as shown, sorted */
gboolean    shtat_promotions_page_export   (ShtatPromotionsPage *self,
                                            const char          *path,
                                            GError             **error);

G_END_DECLS
