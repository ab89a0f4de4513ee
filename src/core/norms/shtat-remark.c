/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-remark"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-enum.h"
#include "shtat-norms-enums.h"
#include "shtat-remark.h"

/**
 * shtat_remark_new:
 * @kind: what the remark is
 * @interpretation: its number for an interpretation, else 0
 * @cite: (nullable): where it comes from
 * @text: in the user's language
 *
 * Returns: (transfer full): a new remark, freed with shtat_remark_free()
 */
ShtatRemark *
shtat_remark_new (ShtatRemarkKind  kind,
                  guint            interpretation,
                  const char      *cite,
                  const char      *text)
{
  ShtatRemark *remark = g_new0 (ShtatRemark, 1);

  remark->kind = kind;
  remark->interpretation = interpretation;
  remark->cite = g_strdup (cite);
  remark->text = g_strdup (text);
  return remark;
}

/**
 * shtat_remark_new_interpretation:
 * @in: an interpretation of the norm data
 *
 * Returns: (transfer full): a new remark, freed with shtat_remark_free()
 */
ShtatRemark *
shtat_remark_new_interpretation (const ShtatInterpretation *in)
{
  ShtatRemark *remark = shtat_remark_new (SHTAT_REMARK_INTERPRETATION, in->id, in->cite,
                                          shtat_text_get (&in->text));

  remark->title = g_strdup (shtat_text_get (&in->title));
  return remark;
}

void
shtat_remark_free (ShtatRemark *remark)
{
  g_free (remark->cite);
  g_free (remark->title);
  g_free (remark->text);
  g_free (remark);
}

const char *
shtat_remark_kind_to_string (ShtatRemarkKind kind)
{
  /* an unknown kind reads as a plain note, as its label does */
  if (kind < SHTAT_REMARK_INTERPRETATION || kind > SHTAT_REMARK_NOTE)
    kind = SHTAT_REMARK_NOTE;
  return shtat_enum_to_nick (SHTAT_TYPE_REMARK_KIND, kind);
}

/* The word that introduces a remark; "Interpretation" tells the user that this
 * is Shtat's reading of the law, not the law's own words. */
const char *
shtat_remark_kind_get_label (ShtatRemarkKind kind)
{
  switch (kind)
    {
    case SHTAT_REMARK_INTERPRETATION:
      return _("Interpretation");
    case SHTAT_REMARK_AMENDMENT:
      return _("Amendment");
    case SHTAT_REMARK_WARNING:
      return _("Warning");
    case SHTAT_REMARK_NOTE:
    default:
      return _("Note");
    }
}

/**
 * shtat_remark_format:
 * @remark: a remark
 *
 * "Interpretation (000 App): An average of exactly 50…"
 *
 * Returns: (transfer full): the remark as one sentence
 */
char *
shtat_remark_format (const ShtatRemark *remark)
{
  if (remark->cite != NULL)
    return g_strdup_printf ("%s (%s): %s", shtat_remark_kind_get_label (remark->kind),
                            remark->cite, remark->text);
  return g_strdup_printf ("%s: %s", shtat_remark_kind_get_label (remark->kind), remark->text);
}
