/* sigap-labels.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-labels.h"

/* The words for the core's enums that both the interface and the
 * report's exports print. */

const char *
sigap_platform_to_label (SigapPlatform platform)
{
  /* Brand names are the same in every language. */
  switch (platform)
    {
    case SIGAP_PLATFORM_FACEBOOK:
      return "Facebook";
    case SIGAP_PLATFORM_INSTAGRAM:
      return "Instagram";
    case SIGAP_PLATFORM_X:
      return "X";
    case SIGAP_PLATFORM_YOUTUBE:
      return "YouTube";
    case SIGAP_PLATFORM_TIKTOK:
      return "TikTok";
    default:
      return "";
    }
}

const char *
sigap_content_category_to_label (SigapContentCategory category)
{
  switch (category)
    {
    case SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE:
      return _("Public service information");
    case SIGAP_CONTENT_CATEGORY_PROGRAMME:
      return _("Programmes and activities");
    case SIGAP_CONTENT_CATEGORY_ACHIEVEMENT:
      return _("Regional achievements");
    case SIGAP_CONTENT_CATEGORY_EDUCATION:
      return _("Public education");
    case SIGAP_CONTENT_CATEGORY_CLARIFICATION:
      return _("Clarification of issues and hoaxes");
    case SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT:
      return _("Announcement");
    default:
      return "";
    }
}

const char *
sigap_report_status_to_label (SigapReportStatus status)
{
  switch (status)
    {
    case SIGAP_REPORT_STATUS_DRAFT:
      /* Translators: the status of a monthly report */
      return C_("report", "Draft");
    case SIGAP_REPORT_STATUS_SUBMITTED:
      return _("Submitted");
    case SIGAP_REPORT_STATUS_RETURNED:
      return _("Returned");
    case SIGAP_REPORT_STATUS_ACCEPTED:
      return _("Accepted");
    default:
      return "";
    }
}
