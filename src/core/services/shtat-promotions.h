/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel-list.h"

G_BEGIN_DECLS

/* The Promotions report: who may be promoted now, who becomes eligible soon,
 * whose certificate runs out. */
typedef enum
{
  SHTAT_PROMOTION_NOW,          /* eligible for the next category already */
  SHTAT_PROMOTION_SOON,         /* eligible within the window */
  SHTAT_PROMOTION_CERTIFICATE,  /* a certificate expires within the window, or has expired */
} ShtatPromotionKind;

#define SHTAT_TYPE_PROMOTION (shtat_promotion_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPromotion, shtat_promotion, SHTAT, PROMOTION, GObject)

ShtatPromotionKind shtat_promotion_get_kind      (ShtatPromotion *self);
ShtatEmployee     *shtat_promotion_get_employee  (ShtatPromotion *self);
const char        *shtat_promotion_get_name      (ShtatPromotion *self);
const char        *shtat_promotion_get_position  (ShtatPromotion *self);
int                shtat_promotion_get_category  (ShtatPromotion *self);
const GDate       *shtat_promotion_get_date      (ShtatPromotion *self);
const char        *shtat_promotion_kind_get_label (ShtatPromotionKind kind);

GListStore *shtat_promotions_build     (ShtatPersonnelList *list,
                                        const GDate        *as_of,
                                        guint               days);
gboolean    shtat_promotions_write_csv (GListModel         *rows,
                                        ShtatNormLibrary   *library,
                                        const char         *path,
                                        GError            **error);

G_END_DECLS
