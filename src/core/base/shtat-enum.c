/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-enum"

#include "config.h"

#include "shtat-enum.h"

/* The class of a static enumeration is made once and never freed: keep the first
 * reference for the life of the process instead of taking one on every call. */
static GEnumClass *
enum_class (GType type)
{
  gpointer klass = g_type_class_peek_static (type);

  if (klass == NULL)
    klass = g_type_class_ref (type);
  return klass;
}

/**
 * shtat_enum_to_nick:
 * @type: an enumeration type, e.g. `SHTAT_TYPE_FIELD`
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the nick of @value, or %NULL (with a
 *   critical) when @type has no such value
 */
const char *
shtat_enum_to_nick (GType type,
                    int   value)
{
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  v = g_enum_get_value (enum_class (type), value);
  g_return_val_if_fail (v != NULL, NULL);
  return v->value_nick;
}

/**
 * shtat_enum_from_nick:
 * @type: an enumeration type
 * @nick: (nullable): a nick of one of its values
 * @out_value: (out) (optional): the value
 *
 * Returns: whether @nick names a value of @type; @out_value is left alone if not
 */
gboolean
shtat_enum_from_nick (GType       type,
                      const char *nick,
                      int        *out_value)
{
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);

  if (nick == NULL)
    return FALSE;
  v = g_enum_get_value_by_nick (enum_class (type), nick);
  if (v == NULL)
    return FALSE;
  if (out_value != NULL)
    *out_value = v->value;
  return TRUE;
}
