/* sigap-types.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SigapStore           SigapStore;
typedef struct _SigapOpd             SigapOpd;
typedef struct _SigapAccount         SigapAccount;
typedef struct _SigapUser            SigapUser;
typedef struct _SigapPost            SigapPost;
typedef struct _SigapPostVariant     SigapPostVariant;
typedef struct _SigapComplaint       SigapComplaint;
typedef struct _SigapComplaintEvent  SigapComplaintEvent;
typedef struct _SigapReport          SigapReport;
typedef struct _SigapComplaintList   SigapComplaintList;
typedef struct _SigapSyncClient      SigapSyncClient;

/* Every enum is stored in SQLite by its GEnumValue nick ("facebook",
 * "in-progress"), so the generated enum types double as the codecs.
 */

typedef enum
{
  SIGAP_PLATFORM_FACEBOOK,
  SIGAP_PLATFORM_INSTAGRAM,
  SIGAP_PLATFORM_X,
  SIGAP_PLATFORM_YOUTUBE,
  SIGAP_PLATFORM_TIKTOK,
} SigapPlatform;

#define SIGAP_N_PLATFORMS (SIGAP_PLATFORM_TIKTOK + 1)

typedef enum
{
  SIGAP_ROLE_ADMIN_OPD,
  SIGAP_ROLE_VERIFIKATOR,
  SIGAP_ROLE_TRC,
  SIGAP_ROLE_PIMPINAN,
} SigapRole;

typedef enum
{
  SIGAP_OPD_KIND_DINAS,
  SIGAP_OPD_KIND_BADAN,
  SIGAP_OPD_KIND_BAGIAN,
  SIGAP_OPD_KIND_KECAMATAN,
  SIGAP_OPD_KIND_KELURAHAN,
  SIGAP_OPD_KIND_LAINNYA,
} SigapOpdKind;

typedef enum
{
  SIGAP_POST_STATUS_DRAFT,
  SIGAP_POST_STATUS_REVIEW,
  SIGAP_POST_STATUS_SCHEDULED,
  SIGAP_POST_STATUS_PUBLISHED,
  SIGAP_POST_STATUS_CANCELLED,
} SigapPostStatus;

typedef enum
{
  SIGAP_CONTENT_CATEGORY_PUBLIC_SERVICE,
  SIGAP_CONTENT_CATEGORY_PROGRAMME,
  SIGAP_CONTENT_CATEGORY_ACHIEVEMENT,
  SIGAP_CONTENT_CATEGORY_EDUCATION,
  SIGAP_CONTENT_CATEGORY_CLARIFICATION,
  SIGAP_CONTENT_CATEGORY_ANNOUNCEMENT,
} SigapContentCategory;

typedef enum
{
  SIGAP_CHANNEL_FACEBOOK,
  SIGAP_CHANNEL_INSTAGRAM,
  SIGAP_CHANNEL_X,
  SIGAP_CHANNEL_YOUTUBE,
  SIGAP_CHANNEL_TIKTOK,
  SIGAP_CHANNEL_WEB_FORM,
  SIGAP_CHANNEL_LAPOR,
  SIGAP_CHANNEL_WALK_IN,
} SigapChannel;

typedef enum
{
  SIGAP_COMPLAINT_KIND_ASPIRATION,
  SIGAP_COMPLAINT_KIND_COMPLAINT,
  SIGAP_COMPLAINT_KIND_INFORMATION,
} SigapComplaintKind;

typedef enum
{
  SIGAP_COMPLAINT_STATUS_RECEIVED,
  SIGAP_COMPLAINT_STATUS_VERIFIED,
  SIGAP_COMPLAINT_STATUS_ROUTED,
  SIGAP_COMPLAINT_STATUS_IN_PROGRESS,
  SIGAP_COMPLAINT_STATUS_RESOLVED,
  SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY,
  SIGAP_COMPLAINT_STATUS_REJECTED,
  SIGAP_COMPLAINT_STATUS_ARCHIVED,
} SigapComplaintStatus;

typedef enum
{
  SIGAP_REPORT_STATUS_DRAFT,
  SIGAP_REPORT_STATUS_SUBMITTED,
  SIGAP_REPORT_STATUS_RETURNED,
  SIGAP_REPORT_STATUS_ACCEPTED,
} SigapReportStatus;

/* What the sync client is doing, for the status indicator. */
typedef enum
{
  SIGAP_SYNC_STATE_IDLE,
  SIGAP_SYNC_STATE_SYNCING,
  SIGAP_SYNC_STATE_OFFLINE,
  SIGAP_SYNC_STATE_FAILED,
} SigapSyncState;

/* The documents Diskominfo keeps for every desktop (docs/api.md,
 * "Platform rules and holidays"): the platform rules, a year's holiday
 * calendar, the complaints' service levels, the monthly report's
 * template and the post templates with their hashtag sets. */
typedef enum
{
  SIGAP_CENTRAL_DOCUMENT_PLATFORMS,
  SIGAP_CENTRAL_DOCUMENT_HOLIDAYS,
  SIGAP_CENTRAL_DOCUMENT_SLA,
  SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE,
  SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES,
} SigapCentralDocumentKind;

/* Where the copy of a central document in use comes from. */
typedef enum
{
  SIGAP_CENTRAL_SOURCE_NONE,
  SIGAP_CENTRAL_SOURCE_SHIPPED,
  SIGAP_CENTRAL_SOURCE_SERVER,
} SigapCentralSource;

G_END_DECLS
