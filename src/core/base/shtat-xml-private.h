/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

G_BEGIN_DECLS

/* A RelaxNG schema compiled into the library, parsed once and shared by every
 * thread (validation contexts are made per use). */
xmlRelaxNGPtr shtat_xml_get_schema (const char *resource_path);

/* libxml2 2.12 made the error passed to handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *ShtatXmlErrorPtr;
#else
typedef xmlErrorPtr ShtatXmlErrorPtr;
#endif

/* The first error of a parse or a validation, with its line. */
typedef struct
{
  int   line;
  char *message;
} ShtatXmlErrors;

void shtat_xml_errors_cb (void             *user_data,
                          ShtatXmlErrorPtr  err);
void shtat_xml_silent_cb (void             *ctx,
                          const char       *msg,
                          ...);

G_END_DECLS
