/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>

G_BEGIN_DECLS

/* A RelaxNG schema compiled into the library, parsed once and shared by every
 * thread (validation contexts are made per use). */
xmlRelaxNGPtr shtat_xml_get_schema (const char *resource_path);

G_END_DECLS
