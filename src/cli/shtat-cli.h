/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-core.h"
#include "shtat-json.h"

G_BEGIN_DECLS

enum
{
  EXIT_OK = 0,
  EXIT_FAILURE_RUNTIME = 1,  /* the data or the database refused the work */
  EXIT_USAGE = 2,            /* bad arguments */
};

int               usage_error       (const char *format, ...) G_GNUC_PRINTF (1, 2);
gboolean          set_language      (const char *lang);
ShtatNormLibrary *load_library      (void);
gboolean          parse_date_option (const char *text, GDate *out);
void              json_remarks      (ShtatJson *j, GPtrArray *remarks);

int cmd_import (int argc, char **argv);
int cmd_export (int argc, char **argv);
int cmd_check  (int argc, char **argv);
int cmd_schedule (int argc, char **argv);
int cmd_centre   (int argc, char **argv);
int cmd_calendar (int argc, char **argv);
int cmd_paygrid  (int argc, char **argv);

G_END_DECLS
