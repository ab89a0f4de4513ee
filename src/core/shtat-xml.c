/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-xml"

#include "config.h"

#include <gio/gio.h>

#include "shtat-xml-private.h"

xmlRelaxNGPtr
shtat_xml_get_schema (const char *resource_path)
{
  static GMutex lock;
  static GHashTable *schemas = NULL;   /* resource path → xmlRelaxNGPtr, kept for the process */
  xmlRelaxNGPtr schema;

  g_mutex_lock (&lock);

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  schema = g_hash_table_lookup (schemas, resource_path);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource_path, 0, NULL);
      xmlRelaxNGParserCtxtPtr pctxt;
      gsize len = 0;
      const char *data;

      g_assert (bytes != NULL); /* compiled into the library */
      data = g_bytes_get_data (bytes, &len);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert (schema != NULL);
      g_hash_table_insert (schemas, g_strdup (resource_path), schema);
    }

  g_mutex_unlock (&lock);
  return schema;
}
