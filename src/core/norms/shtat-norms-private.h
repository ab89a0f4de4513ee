/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "shtat-norms.h"

G_BEGIN_DECLS

/* What the norm model (shtat-norms.c) and its XML reader
 * (shtat-norms-reader.c) share, and nobody else sees. */

#define RESOURCE_NORMS "/io/github/shtat/Shtat/norms/"

struct _ShtatNormLibrary
{
  GObject     parent_instance;

  GPtrArray  *acts;             /* ShtatAct */
  GPtrArray  *tables;           /* ShtatNormTable */
  GPtrArray  *positions;        /* ShtatPosition */
  GPtrArray  *external;         /* ShtatExternalPosition */
  GPtrArray  *interpretations;  /* ShtatInterpretation */
  GPtrArray  *families;         /* ShtatFamily */
  GHashTable *ids;              /* "table:ID", "position:CODE"… → origin file, to catch duplicates */
  GPtrArray  *warnings;         /* messages about local files that were left out */
};

/* Each part of the model frees its own; the reader uses them on what it
 * leaves unfinished. */
void shtat_norms_amendment_free (ShtatAmendment *a);
void shtat_norms_act_free (ShtatAct *act);
void shtat_norms_interpretation_free (ShtatInterpretation *i);
void shtat_norms_bracket_free (ShtatBracket *b);
void shtat_norms_row_free (ShtatNormRow *row);
void shtat_norms_section_free (ShtatSection *s);
void shtat_norms_table_note_free (ShtatTableNote *n);
void shtat_norms_table_free (ShtatNormTable *t);
void shtat_norms_alternative_free (ShtatAlternative *a);
void shtat_norms_category_free (ShtatCategoryRequirement *c);
void shtat_norms_level_free (ShtatLevelRequirement *l);
void shtat_norms_summary_item_free (ShtatSummaryItem *item);
void shtat_norms_position_free (ShtatPosition *p);
void shtat_norms_external_free (ShtatExternalPosition *e);
void shtat_norms_family_free (ShtatFamily *f);

/* The value of the enumeration @type whose word (nick) is @str, or -1. */
int       shtat_norms_lookup_name        (GType        type,
                                          const char  *str);

/* Parses @data without touching the network or expanding entities, and
 * validates it against the norm schema; NULL and an error naming @name and
 * the line otherwise. */
xmlDocPtr shtat_norms_parse_and_validate (const char  *name,
                                          const char  *data,
                                          gsize        len,
                                          GError     **error);
/* Reads a parsed norm file into @self. On error the caller rolls back what
 * was added. */
gboolean  shtat_norms_read_doc           (ShtatNormLibrary *self,
                                          const char       *name,
                                          xmlDocPtr         doc,
                                          GError          **error);

G_END_DECLS
