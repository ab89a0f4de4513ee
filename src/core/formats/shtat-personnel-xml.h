/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-personnel.h"
#include "shtat-personnel-exchange.h"

G_BEGIN_DECLS

/**
 * shtat_personnel_xml_read:
 * @path: the file
 * @out_centres: (out) (optional) (transfer full) (element-type ShtatCentre): the
 *   centres, in file order
 * @out_employees: (out) (optional) (transfer full) (element-type ShtatEmployee):
 *   the employees, in file order
 * @cancellable: (nullable): to stop reading
 * @progress: (nullable) (scope call): told the share of the file read
 * @user_data: for @progress
 * @error: a #SHTAT_EXCHANGE_ERROR naming the file and the line
 *
 * Reads a personnel XML file as a stream, holding it to the schema
 * (data/norms/personnel.rng) as it goes; never builds the whole document.
 * A file that breaks a rule is read again with libxml2's validator, whose
 * complaint the error gives. Refuses DOCTYPEs, never expands an entity,
 * never touches the network.
 *
 * Returns: whether the file was read
 */
gboolean shtat_personnel_xml_read  (const char         *path,
                                    GPtrArray         **out_centres,
                                    GPtrArray         **out_employees,
                                    GCancellable       *cancellable,
                                    ShtatProgressFunc   progress,
                                    gpointer            user_data,
                                    GError            **error);

/**
 * shtat_personnel_xml_write:
 * @path: the file to write
 * @centres: (nullable) (element-type ShtatCentre): the centres
 * @employees: (nullable) (element-type ShtatEmployee): the employees
 * @error: a #SHTAT_EXCHANGE_ERROR
 *
 * Writes PATH.tmp, then renames it over @path, so a failure never leaves half
 * a file. The file is readable by its owner only: it holds personal data.
 *
 * Returns: whether the file was written
 */
gboolean shtat_personnel_xml_write (const char         *path,
                                    GPtrArray          *centres,
                                    GPtrArray          *employees,
                                    GError            **error);

G_END_DECLS
