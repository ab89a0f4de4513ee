/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_OVERVIEW_PAGE (shtat_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ShtatOverviewPage, shtat_overview_page, SHTAT, OVERVIEW_PAGE, AdwBin)

/* The District section, for the akimat: the schedules awaiting approval with
 * their compliance, and every centre's schedules side by side (units in force
 * and being prepared, the minimum, staff and vacancies). "open-schedule"
 * (centre code, version, approve) asks the window to show a version, and to
 * open its approval when @approve. */
void        shtat_overview_page_set_store   (ShtatOverviewPage *self,
                                             ShtatStore        *store,
                                             ShtatNormLibrary  *library);
/* Computes again in a worker thread. */
void        shtat_overview_page_refresh     (ShtatOverviewPage *self);
gboolean    shtat_overview_page_is_busy     (ShtatOverviewPage *self);

/* For tests: what the user reads. */
const char *shtat_overview_page_get_summary_text (ShtatOverviewPage *self);
GListModel *shtat_overview_page_get_rows         (ShtatOverviewPage *self);
char       *shtat_overview_page_dup_cell         (ShtatOverviewPage *self,
                                                  guint              row,
                                                  guint              column);
guint       shtat_overview_page_get_n_awaiting   (ShtatOverviewPage *self);
/* Only the centres of @district (NULL: all), as the district list does. */
void        shtat_overview_page_select_district  (ShtatOverviewPage *self,
                                                  const char        *district);
const char *shtat_overview_page_get_subtotal_text (ShtatOverviewPage *self);

G_END_DECLS
