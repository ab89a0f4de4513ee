/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "shtat-core.h"

/* Called once by every program before it uses the core. */
void
shtat_core_init_i18n (void)
{
  const char *localedir = g_getenv ("SHTAT_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  xmlInitParser ();
}
