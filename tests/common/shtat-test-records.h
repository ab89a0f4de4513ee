/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"

G_BEGIN_DECLS

/* Personnel files for tests that need the core's records. */

/* A person born 01.01.1990, named "Test" @surname, holding @rate hundredths
 * of a unit of @position at @centre_code from 01.01.2020, until 30.06 of
 * @to_year (0: still open). */
ShtatEmployee *shtat_test_person (const char *iin,
                                  const char *surname,
                                  const char *centre_code,
                                  const char *position,
                                  int         rate,
                                  guint       to_year);

G_END_DECLS
