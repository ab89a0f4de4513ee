/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_APPLICATION (shtat_application_get_type ())
G_DECLARE_FINAL_TYPE (ShtatApplication, shtat_application, SHTAT, APPLICATION, AdwApplication)

ShtatApplication *shtat_application_new         (void);
ShtatNormLibrary *shtat_application_get_library (ShtatApplication *self);

G_END_DECLS
