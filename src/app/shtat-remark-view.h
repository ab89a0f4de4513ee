/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shtat-core.h"

G_BEGIN_DECLS

GtkWidget *shtat_remark_view_new (const ShtatRemark *remark);

G_END_DECLS
