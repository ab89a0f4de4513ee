/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"

G_BEGIN_DECLS

/* Deterministic personnel data for benchmarks and demonstrations: the same
 * seed gives the same files on every machine. Every file passes
 * shtat_employee_validate() against the bundled norm data as of any date from
 * the reference date on. Names are plausible Kazakh and Russian ones, IINs are
 * valid and unique and agree with the birth date and sex. Each employee has
 * 1–3 education records, 3–7 work periods (the last one open, on the post of
 * the assignment), sometimes a certificate, and one assignment to one of the
 * centres (named by centre_code), which are "fsc-001", "fsc-002", … */

/* 01.01.2025: no date in the generated data is later. */
void       shtat_generator_get_reference_date (GDate      *date);

GPtrArray *shtat_generate_employees           (guint       n_centres,
                                               guint       n_employees,
                                               guint32     seed,
                                               GPtrArray **out_centres);

G_END_DECLS
