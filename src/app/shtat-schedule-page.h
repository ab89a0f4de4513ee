/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_SCHEDULE_PAGE (shtat_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatSchedulePage, shtat_schedule_page, SHTAT, SCHEDULE_PAGE, AdwBin)

void        shtat_schedule_page_set_store       (ShtatSchedulePage *self,
                                                 ShtatStore        *store,
                                                 ShtatNormLibrary  *library);
void        shtat_schedule_page_refresh         (ShtatSchedulePage *self);
gboolean    shtat_schedule_page_export          (ShtatSchedulePage *self,
                                                 const char        *format,
                                                 const char        *path,
                                                 GError           **error);
/* What the user reads, for tests. */
const char *shtat_schedule_page_get_status_text (ShtatSchedulePage *self);
const char *shtat_schedule_page_get_totals_text (ShtatSchedulePage *self);

G_END_DECLS
