/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-schedule.h"

G_BEGIN_DECLS

/* The inside of a schedule, shared by the files of the schedule layer (model,
 * compliance, workflow, diff) and by the reader of its canonical XML in
 * formats/, which restores a version exactly as stored (status, approval,
 * checksum) where the public setters would refuse anything but a draft.
 * Nothing outside src/core includes this header. */

#define SHTAT_SCHEDULE_MAX_VERSION 999999999u

/**
 * ShtatSchedule:
 * @lines: (element-type ShtatScheduleLine)
 */
struct _ShtatSchedule
{
  char                *centre;
  guint                version;
  ShtatScheduleStatus  status;
  char                *table;
  ShtatDrivers         drivers;
  GDate                appeals_from;
  GDate                appeals_to;
  char                *appeals_source;
  gboolean             has_approval;
  ShtatApproval        approval;       /* its strings are owned here */
  char                *sha256;
  guint                superseded_by;
  GPtrArray           *lines;
};

void        shtat_approval_clear       (ShtatApproval       *approval);
void        shtat_approval_copy        (ShtatApproval       *dest,
                                        const ShtatApproval *src);
/* Every field given, the texts valid (SHTAT_SCHEDULE_ERROR_INVALID). */
gboolean    shtat_approval_check       (const ShtatApproval *approval,
                                        GError             **error);

/* One sentence saying what a version of @status may still be changed by. */
const char *shtat_schedule_status_sentence (ShtatScheduleStatus status);
gboolean    shtat_schedule_ensure_draft    (const ShtatSchedule  *self,
                                            GError              **error);
/* Text that XML 1.0 can carry and the user could have typed; @what names the
 * field in the message. NULL is valid. */
gboolean    shtat_schedule_check_text      (const char  *text,
                                            const char  *what,
                                            GError     **error);
/* Replaces *@field by a copy of @value; empty strings are kept as NULL. */
void        shtat_schedule_set_string      (char       **field,
                                            const char  *value);
gboolean    shtat_schedule_is_blank        (const char  *text);
void        shtat_schedule_set_overflow    (GError     **error);

/* Driver values: the range a value may take, the value as kept (six
 * decimals), and the shortest text that reads back as the value kept (written
 * to @buf, which holds G_ASCII_DTOSTR_BUF_SIZE bytes). */
gboolean    shtat_schedule_check_driver_value     (ShtatDriver   driver,
                                                   double        value,
                                                   GError      **error);
double      shtat_schedule_normalise_driver_value (double        value);
double      shtat_schedule_format_driver_value    (double        value,
                                                   char         *buf,
                                                   gsize         size);

/* "Psychologist" or "Psychologist (B2-3)". */
char       *shtat_schedule_dup_line_label  (ShtatNormLibrary        *library,
                                            const char              *table_id,
                                            const ShtatScheduleLine *line);

/* @table, else the schedule's own table from @library; NULL with an error
 * when it names none or one the library does not hold. */
const ShtatNormTable *shtat_schedule_resolve_table (const ShtatSchedule   *self,
                                                    ShtatNormLibrary      *library,
                                                    const ShtatNormTable  *table,
                                                    GError               **error);

G_END_DECLS
