/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-store.h"
#include "shtat-verdict.h"

G_BEGIN_DECLS

/* One row of the personnel list: an employee, their current post and its
 * verdict. Rows are made when a view asks for them, not kept for all. */
#define SHTAT_TYPE_PERSONNEL_ITEM (shtat_personnel_item_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPersonnelItem, shtat_personnel_item, SHTAT, PERSONNEL_ITEM, GObject)

ShtatEmployee         *shtat_personnel_item_get_employee   (ShtatPersonnelItem *self);
const ShtatAssignment *shtat_personnel_item_get_assignment (ShtatPersonnelItem *self);
const ShtatVerdict    *shtat_personnel_item_get_verdict    (ShtatPersonnelItem *self);
const char            *shtat_personnel_item_get_name       (ShtatPersonnelItem *self);
const char            *shtat_personnel_item_get_position_name (ShtatPersonnelItem *self);

/* All personnel of a database with their verdicts, as a GListModel that views
 * can show at 100 000 rows: loading and filtering run in a worker thread and
 * the model changes in one step when they are done. */
#define SHTAT_TYPE_PERSONNEL_LIST (shtat_personnel_list_get_type ())
G_DECLARE_FINAL_TYPE (ShtatPersonnelList, shtat_personnel_list, SHTAT, PERSONNEL_LIST, GObject)

ShtatPersonnelList *shtat_personnel_list_new          (ShtatNormLibrary    *library);

void      shtat_personnel_list_load_async  (ShtatPersonnelList  *self,
                                            ShtatStore          *store,
                                            const GDate         *as_of,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  shtat_personnel_list_load_finish (ShtatPersonnelList  *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Filter: text matched against names and IIN (case-insensitive), and optional
 * centre (0 = any), position code (NULL = any) and verdict (-1 = any). */
void      shtat_personnel_list_set_filter  (ShtatPersonnelList  *self,
                                            const char          *text,
                                            gint64               centre_id,
                                            const char          *position,
                                            int                  verdict);
gboolean  shtat_personnel_list_is_busy     (ShtatPersonnelList  *self);
guint     shtat_personnel_list_get_n_total (ShtatPersonnelList  *self);

/* After an employee was saved: recompute their verdict and update the row. */
void      shtat_personnel_list_update_employee (ShtatPersonnelList *self,
                                                ShtatEmployee      *employee);
void      shtat_personnel_list_remove_employee (ShtatPersonnelList *self,
                                                gint64              id);

/* Every employee with a current post, whatever the filter: for reports. */
typedef void (*ShtatPersonnelFunc) (ShtatEmployee         *employee,
                                    const ShtatAssignment *assignment,   /* NULL without a post */
                                    const ShtatVerdict    *verdict,      /* NULL without a post */
                                    gpointer               user_data);
void      shtat_personnel_list_foreach     (ShtatPersonnelList *self,
                                            ShtatPersonnelFunc  func,
                                            gpointer            user_data);
const GDate *shtat_personnel_list_get_as_of (ShtatPersonnelList *self);

G_END_DECLS
