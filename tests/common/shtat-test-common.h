/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers every test and benchmark shares; GLib only. */

/* A valid GDate. */
GDate    shtat_test_date            (guint       year,
                                     guint       month,
                                     guint       day);
/* "2024-01-31" → that date, which must exist; NULL or "" → an unset date (an
 * open end). */
GDate    shtat_test_date_iso        (const char *iso);
/* Asserts a call succeeded: no error and TRUE. */
void     shtat_test_ok              (gboolean    result,
                                     GError     *error);
/* Removes a test database (with its -wal and -shm files) and its folder. */
void     shtat_test_remove_database (const char *path,
                                     const char *dir);
/* A new empty folder for the running test (g_dir_make_tmp), removed with all it
 * holds when the test ends. Owned by the test: do not free it. */
const char *shtat_test_make_tmp_dir (void);

G_END_DECLS
