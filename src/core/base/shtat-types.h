/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The core's named types, declared once for every layer: a header that only passes
 * a pointer to a type of its own layer or of another includes this instead of the
 * type's header, or of a typedef of its own. The structures are defined (and the
 * GObjects declared) in the header of the layer that owns them. */

/* norms/ */
typedef struct _ShtatNormLibrary      ShtatNormLibrary;
typedef struct _ShtatNormTable        ShtatNormTable;
typedef struct _ShtatSection          ShtatSection;

/* centre/ */
typedef struct _ShtatCalendar         ShtatCalendar;
typedef struct _ShtatCentreProfile    ShtatCentreProfile;
typedef struct _ShtatPayGrid          ShtatPayGrid;

/* schedule/ */
typedef struct _ShtatSchedule         ShtatSchedule;

/* documents/ */
typedef struct _ShtatScheduleDocument ShtatScheduleDocument;

/* storage/ */
typedef struct _ShtatStore            ShtatStore;
typedef struct _ShtatStoreImport      ShtatStoreImport;

/* services/ */
typedef struct _ShtatPersonnelItem    ShtatPersonnelItem;
typedef struct _ShtatPersonnelList    ShtatPersonnelList;
typedef struct _ShtatPromotion        ShtatPromotion;

G_END_DECLS
