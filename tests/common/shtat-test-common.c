/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-shtat-test-common"

#include "config.h"

#include <glib/gstdio.h>

#include "shtat-test-common.h"

GDate
shtat_test_date (guint year,
                 guint month,
                 guint day)
{
  GDate out;

  g_date_clear (&out, 1);
  g_date_set_dmy (&out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return out;
}

void
shtat_test_ok (gboolean  result,
               GError   *error)
{
  g_assert_no_error (error);
  g_assert_true (result);
}

void
shtat_test_remove_database (const char *path,
                            const char *dir)
{
  for (const char * const *suffix = (const char *[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *p = g_strconcat (path, *suffix, NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}
