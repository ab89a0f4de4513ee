/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-xml"

#include "config.h"

#include <gio/gio.h>

#include <libxml/tree.h>

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

void
shtat_xml_errors_cb (void             *user_data,
                     ShtatXmlErrorPtr  err)
{
  ShtatXmlErrors *errors = user_data;
  int line;

  if (err == NULL || err->level == XML_ERR_WARNING)
    return;

  line = err->line;
  if (err->node != NULL && line <= 0)
    line = (int) xmlGetLineNo ((xmlNodePtr) err->node);

  /* The first error: later ones are usually its consequences. RelaxNG reports
   * bad attributes without their element; the next error names it. */
  if (errors->message == NULL)
    errors->message = g_strstrip (g_strdup (err->message != NULL ? err->message : "unknown error"));
  if (errors->line <= 0)
    errors->line = line;
}

/* Keeps libxml2 from printing on stderr: errors are reported through GError. */
void
shtat_xml_silent_cb (void       *ctx,
                     const char *msg,
                     ...)
{
}
