/* sigap-labels.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-types.h"

G_BEGIN_DECLS

const char *sigap_platform_to_label         (SigapPlatform         platform);
const char *sigap_content_category_to_label (SigapContentCategory  category);
const char *sigap_report_status_to_label    (SigapReportStatus     status);

G_END_DECLS
