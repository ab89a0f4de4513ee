/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <locale.h>

#include "shtat-core.h"

/* Called once by every program, after setlocale (LC_ALL, ""), before it uses
 * the core. */
void
shtat_core_init_i18n (void)
{
  const char *localedir = g_getenv ("SHTAT_LOCALEDIR");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *wanted = g_getenv ("LC_ALL");

  if (wanted == NULL || *wanted == '\0')
    wanted = g_getenv ("LC_MESSAGES");
  if (wanted == NULL || *wanted == '\0')
    wanted = g_getenv ("LANG");

  /* A user whose kk_KZ or ru_RU locale is not generated on this machine still
   * gets the interface in that language: gettext follows LANGUAGE under C.UTF-8. */
  if (g_strcmp0 (messages, "C") == 0 && wanted != NULL && !g_str_has_prefix (wanted, "C")
      && !g_str_equal (wanted, "POSIX") && setlocale (LC_ALL, "C.UTF-8") != NULL)
    {
      if (g_getenv ("LANGUAGE") == NULL || *g_getenv ("LANGUAGE") == '\0')
        {
          g_auto(GStrv) parts = g_strsplit_set (wanted, "._@", 2);
          g_setenv ("LANGUAGE", parts[0], TRUE);
        }
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  xmlInitParser ();
}
