/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-records"

#include "config.h"

#include "shtat-test-common.h"
#include "shtat-test-records.h"

ShtatEmployee *
shtat_test_person (const char *iin,
                   const char *surname,
                   const char *centre_code,
                   const char *position,
                   int         rate,
                   guint       to_year)
{
  ShtatEmployee *e = shtat_employee_new ();
  ShtatAssignment a = { 0 };

  g_strlcpy (e->iin, iin, sizeof e->iin);
  e->surname = g_strdup (surname);
  e->name = g_strdup ("Test");
  e->birth_date = shtat_test_date (1990, 1, 1);
  a.centre_code = (char *) centre_code;
  a.position = (char *) position;
  a.level = -1;
  a.category = -1;
  a.rate = rate;
  a.from = shtat_test_date (2020, 1, 1);
  g_date_clear (&a.to, 1);
  if (to_year != 0)
    a.to = shtat_test_date (to_year, 6, 30);
  shtat_employee_add_assignment (e, &a);
  return e;
}
