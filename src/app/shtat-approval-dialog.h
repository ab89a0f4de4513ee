/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shtat-core.h"

G_BEGIN_DECLS

#define SHTAT_TYPE_APPROVAL_DIALOG (shtat_approval_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShtatApprovalDialog, shtat_approval_dialog, SHTAT, APPROVAL_DIALOG, AdwWindow)

/* The akimat approves a submitted version with its order: the dialog shows the
 * version's compliance summary and asks for the order's details. On success the
 * version and the one it supersedes are saved together and "approved" is
 * emitted; on failure the reason is shown and nothing is written. */
ShtatApprovalDialog *shtat_approval_dialog_new     (GtkWindow           *parent,
                                                    ShtatStore          *store,
                                                    ShtatNormLibrary    *library,
                                                    ShtatCentre         *centre,
                                                    ShtatSchedule       *schedule);
/* For tests: fill the fields as a user types them, and press Approve. */
void                 shtat_approval_dialog_fill    (ShtatApprovalDialog *self,
                                                    const char          *order_number,
                                                    const char          *order_date,
                                                    const char          *signatory,
                                                    const char          *effective);
gboolean             shtat_approval_dialog_approve (ShtatApprovalDialog *self);
const char          *shtat_approval_dialog_get_error_text (ShtatApprovalDialog *self);

G_END_DECLS
