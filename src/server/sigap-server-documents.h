/* sigap-server-documents.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sigap-server-store.h"
#include "sigap-sla.h"

G_BEGIN_DECLS

#define SIGAP_SERVER_DOCUMENTS_ERROR (sigap_server_documents_error_quark ())

/**
 * SigapServerDocumentsError:
 * @SIGAP_SERVER_DOCUMENTS_ERROR_INVALID: the document does not have the
 *   shape its kind requires
 *
 * Messages are English sentences for programs.
 */
typedef enum
{
  SIGAP_SERVER_DOCUMENTS_ERROR_INVALID,
} SigapServerDocumentsError;

/**
 * SigapServerDocument:
 * @SIGAP_SERVER_DOCUMENT_PLATFORMS: the platform rules, `platforms.json`
 * @SIGAP_SERVER_DOCUMENT_HOLIDAYS: one year's holidays, `holidays/YYYY.json`
 * @SIGAP_SERVER_DOCUMENT_SLA: the complaints' service levels, `sla.json`
 * @SIGAP_SERVER_DOCUMENT_REPORT_TEMPLATE: the monthly report's template,
 *   `report-template.json`
 * @SIGAP_SERVER_DOCUMENT_POST_TEMPLATES: the post templates and hashtag
 *   sets, `post-templates.json`
 *
 * The documents the server hands to every desktop.
 */
typedef enum
{
  SIGAP_SERVER_DOCUMENT_PLATFORMS,
  SIGAP_SERVER_DOCUMENT_HOLIDAYS,
  SIGAP_SERVER_DOCUMENT_SLA,
  SIGAP_SERVER_DOCUMENT_REPORT_TEMPLATE,
  SIGAP_SERVER_DOCUMENT_POST_TEMPLATES,
} SigapServerDocument;

GQuark    sigap_server_documents_error_quark (void);

gboolean  sigap_server_documents_validate    (SigapServerDocument   kind,
                                              JsonNode             *root,
                                              int                   year,
                                              char                **field,
                                              GError              **error);
void      sigap_server_documents_handle      (SigapServerStore     *store,
                                              SoupServerMessage    *msg,
                                              SigapUser            *user,
                                              SigapServerDocument   kind,
                                              GHashTable           *query);

void      sigap_server_documents_load_sla    (SigapServerStore     *store,
                                              SigapSlaSettings     *settings);
SigapWorkingDays *
          sigap_server_documents_load_working_days (SigapServerStore *store,
                                                    gint64            now);

G_END_DECLS
