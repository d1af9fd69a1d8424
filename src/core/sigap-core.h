/* sigap-core.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"
#include "sigap-enums.h"
#include "sigap-account.h"
#include "sigap-calendar.h"
#include "sigap-central-documents.h"
#include "sigap-central-schema.h"
#include "sigap-complaint.h"
#include "sigap-complaint-event.h"
#include "sigap-complaint-list.h"
#include "sigap-complaint-rules.h"
#include "sigap-complaint-workflow.h"
#include "sigap-ical.h"
#include "sigap-opd.h"
#include "sigap-post.h"
#include "sigap-post-filter.h"
#include "sigap-post-templates.h"
#include "sigap-post-variant.h"
#include "sigap-report.h"
#include "sigap-report-figures.h"
#include "sigap-labels.h"
#include "sigap-store.h"
#include "sigap-sync-client.h"
#include "sigap-user.h"
#include "sigap-demo.h"
#include "sigap-json.h"
#include "sigap-password.h"
#include "sigap-working-days.h"
#include "sigap-sla.h"
#include "sigap-reply-template.h"
#include "sigap-mask.h"
#include "sigap-csv.h"
#include "sigap-complaint-import.h"
