/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "shtat-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ShtatApplication) app = NULL;

  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);

  app = shtat_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
