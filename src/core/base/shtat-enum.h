/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The words that name the values of Shtat's enumerations in files, the database and
 * the command line are the nicks of their generated GEnumClass (`nick=…` annotations in
 * the headers, glib-mkenums in each layer's meson.build), so that no table of names
 * is written by hand. */

const char *shtat_enum_to_nick   (GType       type,
                                  int         value);
gboolean    shtat_enum_from_nick (GType       type,
                                  const char *nick,
                                  int        *out_value);

G_END_DECLS
