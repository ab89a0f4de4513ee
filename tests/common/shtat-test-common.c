/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-common"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

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

GDate
shtat_test_date_iso (const char *iso)
{
  GDate out;
  guint y, m, d;

  g_date_clear (&out, 1);
  if (iso == NULL || *iso == '\0')
    return out;
  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_assert_true (g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y));
  g_date_set_dmy (&out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
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

/* Files and folders under @path, then @path itself: the test made them all. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_remove (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
tmp_dir_done_cb (gpointer data)
{
  char *path = data;

  remove_tree (path);
  g_free (path);
}

const char *
shtat_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("shtat-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (tmp_dir_done_cb, path);
  return path;
}
