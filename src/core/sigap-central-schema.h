/* sigap-central-schema.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-types.h"

G_BEGIN_DECLS

#define SIGAP_CENTRAL_SCHEMA_ERROR (sigap_central_schema_error_quark ())

/**
 * SigapCentralSchemaError:
 * @SIGAP_CENTRAL_SCHEMA_ERROR_INVALID: the document does not have the
 *   shape its kind requires
 *
 * The messages are English sentences for programs (API answers, logs),
 * not for people: they are not translated.
 */
typedef enum
{
  SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
} SigapCentralSchemaError;

GQuark    sigap_central_schema_error_quark   (void);

JsonNode *sigap_central_schema_parse         (const char                *data,
                                              gsize                      length);
gboolean  sigap_central_schema_validate      (SigapCentralDocumentKind   kind,
                                              JsonNode                  *root,
                                              int                        year,
                                              char                     **field,
                                              GError                   **error);
char     *sigap_central_schema_document_name (SigapCentralDocumentKind   kind,
                                              int                        year);
gboolean  sigap_central_schema_year_is_valid (int                        year);

G_END_DECLS
