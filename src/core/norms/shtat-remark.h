/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-norms.h"

G_BEGIN_DECLS

typedef enum
{
  /* a reading of a gap in the law (decisions.md) applied here */
  SHTAT_REMARK_INTERPRETATION, /*< nick=interpretation >*/
  /* the act was or will be amended here */
  SHTAT_REMARK_AMENDMENT,      /*< nick=amendment >*/
  /* a limit, an unusual value, a doubt about the text */
  SHTAT_REMARK_WARNING,        /*< nick=warning >*/
  /* the act's own note */
  SHTAT_REMARK_NOTE,           /*< nick=note >*/
} ShtatRemarkKind;

/**
 * ShtatRemark:
 * @title: (nullable): short heading
 *
 * Something the user must see next to a figure, with where it comes from.
 */
typedef struct
{
  ShtatRemarkKind kind;
  guint           interpretation; /* its number, for INTERPRETATION; 0 otherwise */
  char           *cite;
  char           *title;
  char           *text;           /* in the user's language */
} ShtatRemark;

ShtatRemark *shtat_remark_new                (ShtatRemarkKind            kind,
                                              guint                      interpretation,
                                              const char                *cite,
                                              const char                *text);
ShtatRemark *shtat_remark_new_interpretation (const ShtatInterpretation *in);
void         shtat_remark_free               (ShtatRemark               *remark);
const char  *shtat_remark_kind_get_label     (ShtatRemarkKind            kind);
const char  *shtat_remark_kind_to_string     (ShtatRemarkKind            kind);
char        *shtat_remark_format             (const ShtatRemark         *remark);

G_END_DECLS
