/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"
#include "shtat-store.h"

G_BEGIN_DECLS

ShtatCentre *shtat_centres_add (ShtatStore  *store,
                                const char  *name_kk,
                                const char  *name_ru,
                                const char  *district,
                                const char  *akimat,
                                GError     **error);

G_END_DECLS
