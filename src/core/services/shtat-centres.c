/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-centres"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-centres.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * shtat_centres_add:
 * @store: the database
 * @name_kk: (nullable): the centre's name in Kazakh
 * @name_ru: (nullable): the centre's name in Russian
 * @district: (nullable): its district or city
 * @akimat: (nullable): the akimat that approves its schedule
 * @error: where a refusal or a database failure is reported
 *
 * A centre made from the names a person gives, saved at once. One name is
 * enough: the other language shows the same until it is given. Its code, the
 * key imports refer to, is `centre-N`, the first N from the number of centres
 * already there that no centre uses.
 *
 * Returns: (transfer full) (nullable): the saved centre, with its id and code
 */
ShtatCentre *
shtat_centres_add (ShtatStore  *store,
                   const char  *name_kk,
                   const char  *name_ru,
                   const char  *district,
                   const char  *akimat,
                   GError     **error)
{
  g_autoptr(ShtatCentre) centre = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) codes = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);

  if (is_blank (name_kk) && is_blank (name_ru))
    {
      g_set_error_literal (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                           _("Give the centre’s name in Kazakh or in Russian"));
      return NULL;
    }
  existing = shtat_store_list_centres (store, error);
  if (existing == NULL)
    return NULL;

  codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    g_hash_table_add (codes, ((ShtatCentre *) g_ptr_array_index (existing, i))->code);

  centre = shtat_centre_new ();
  for (guint n = existing->len + 1; centre->code == NULL; n++)
    {
      g_autofree char *code = g_strdup_printf ("centre-%u", n);

      if (!g_hash_table_contains (codes, code))
        centre->code = g_steal_pointer (&code);
    }
  centre->name_kk = g_strdup (!is_blank (name_kk) ? name_kk : name_ru);
  centre->name_ru = g_strdup (!is_blank (name_ru) ? name_ru : name_kk);
  centre->district = is_blank (district) ? NULL : g_strdup (district);
  centre->akimat = is_blank (akimat) ? NULL : g_strdup (akimat);

  if (!shtat_store_save_centre (store, centre, error))
    return NULL;
  return g_steal_pointer (&centre);
}
