/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     shtat_test_iterate          (void);
void     shtat_test_wait_mapped      (GtkWidget  *widget);
gboolean shtat_test_save_screenshot  (GtkWidget  *widget,
                                      const char *path,
                                      GError    **error);

G_END_DECLS
