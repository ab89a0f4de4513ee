/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small streaming JSON writer. Numbers of staff units are written exactly
 * from hundredths ("25.5", not "25.499999…"), which is why the CLI does not
 * go through a double-based generator. */
typedef struct _ShtatJson ShtatJson;

ShtatJson  *shtat_json_new             (void);
void        shtat_json_free            (ShtatJson  *j);
const char *shtat_json_get             (ShtatJson  *j);

void shtat_json_begin_object  (ShtatJson *j);
void shtat_json_end_object    (ShtatJson *j);
void shtat_json_begin_array   (ShtatJson *j);
void shtat_json_end_array     (ShtatJson *j);
void shtat_json_member        (ShtatJson *j, const char *name);
void shtat_json_string        (ShtatJson *j, const char *value);
void shtat_json_null          (ShtatJson *j);
void shtat_json_units         (ShtatJson *j, int hundredths);
void shtat_json_member_string (ShtatJson *j, const char *name, const char *value);
void shtat_json_member_int    (ShtatJson *j, const char *name, gint64 value);
void shtat_json_member_double (ShtatJson *j, const char *name, double value);
void shtat_json_member_bool   (ShtatJson *j, const char *name, gboolean value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatJson, shtat_json_free)

G_END_DECLS
