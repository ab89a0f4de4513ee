/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-norms.h"

G_BEGIN_DECLS

/* Readable sentences for the structured requirements of 580-НҚ, in the user's
 * language, for the Positions page and the command line. */
char       *shtat_alternative_describe_education  (const ShtatAlternative *alt);
char       *shtat_alternative_describe_experience (const ShtatAlternative *alt,
                                                   const ShtatPosition    *position);
char       *shtat_alternative_describe            (const ShtatAlternative *alt,
                                                   const ShtatPosition    *position);
const char *shtat_category_requirement_get_label  (const ShtatCategoryRequirement *cat);
const char *shtat_level_requirement_get_label     (const ShtatLevelRequirement    *level);

G_END_DECLS
