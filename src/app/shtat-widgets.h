/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

/* Small pieces the pages and dialogs share. */

/* A pill-shaped label; @kind is a style of style.css: "interpretation",
 * "warning", "amendment", "note", "error", "success". */
GtkWidget  *shtat_badge_new              (const char       *text,
                                          const char       *kind);
/* The style a verdict is shown in. */
const char *shtat_verdict_style          (ShtatVerdictKind  kind);

/* The line under a form that says what is wrong: hidden until there is
 * something to say; shtat_form_error_show (label, NULL) hides it again. */
GtkLabel   *shtat_form_error_new          (void);
void        shtat_form_error_show         (GtkLabel        *label,
                                           const char      *message);
const char *shtat_form_error_get_text     (GtkLabel        *label);

G_END_DECLS
