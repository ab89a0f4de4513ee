/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-appeals.h"
#include "shtat-appeals-csv.h"
#include "shtat-centres.h"
#include "shtat-demo.h"
#include "shtat-draft-session.h"
#include "shtat-base-enums.h"
#include "shtat-centre-enums.h"
#include "shtat-documents-enums.h"
#include "shtat-norms-enums.h"
#include "shtat-personnel-enums.h"
#include "shtat-schedule-enums.h"
#include "shtat-enum.h"
#include "shtat-experience.h"
#include "shtat-iin.h"
#include "shtat-import.h"
#include "shtat-minimum.h"
#include "shtat-money.h"
#include "shtat-norms.h"
#include "shtat-pay.h"
#include "shtat-pay-csv.h"
#include "shtat-overview.h"
#include "shtat-personnel.h"
#include "shtat-personnel-csv.h"
#include "shtat-personnel-exchange.h"
#include "shtat-personnel-xml.h"
#include "shtat-placement.h"
#include "shtat-planning.h"
#include "shtat-personnel-list.h"
#include "shtat-promotions.h"
#include "shtat-remark.h"
#include "shtat-requirements.h"
#include "shtat-schedule.h"
#include "shtat-schedule-profile.h"
#include "shtat-schedule-pdf.h"
#include "shtat-schedule-xlsx.h"
#include "shtat-schedule-xml.h"
#include "shtat-store.h"
#include "shtat-text.h"
#include "shtat-units.h"
#include "shtat-verdict.h"

G_BEGIN_DECLS

void shtat_core_init_i18n (void);

G_END_DECLS
