/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-norms.h"
#include "shtat-personnel-exchange.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/**
 * shtat_import_personnel:
 * @store: where to import
 * @library: the norms each employee is checked against
 * @path: a personnel XML or CSV file
 * @today: (nullable): the date of the checks; NULL: the current date
 * @n_changed: (out) (optional): how many employees changed
 * @cancellable: (nullable): to stop the import, which then changes nothing
 * @progress: (nullable) (scope call): told the share of the work done
 * @user_data: for @progress
 * @error: a #SHTAT_EXCHANGE_ERROR, a validation or a store error, naming the
 *   file and the line
 *
 * Reads @path (XML or CSV, told by its extension, else by its content),
 * validates every employee against @library as of @today and checks every
 * centre an assignment names, and imports it all in one transaction
 * (shtat_store_import_begin()): committed only when the whole file has been
 * read and found valid, rolled back on any error, so that a refused file
 * leaves the database as it was. An XML file is streamed: each employee is
 * written (in a thread of its own) as soon as it is read and checked, then
 * dropped, so that memory does not grow with the file. Importing the same file
 * again changes nothing (@n_changed 0).
 *
 * Returns: whether the file was imported
 */
gboolean shtat_import_personnel (ShtatStore         *store,
                                 ShtatNormLibrary   *library,
                                 const char         *path,
                                 const GDate        *today,
                                 guint              *n_changed,
                                 GCancellable       *cancellable,
                                 ShtatProgressFunc   progress,
                                 gpointer            user_data,
                                 GError            **error);

G_END_DECLS
