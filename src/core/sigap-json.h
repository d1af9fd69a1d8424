/* sigap-json.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-post.h"

G_BEGIN_DECLS

#define SIGAP_JSON_ERROR (sigap_json_error_quark ())

/**
 * SigapJsonError:
 * @SIGAP_JSON_ERROR_UNKNOWN_FIELD: the object has a member that is not allowed
 * @SIGAP_JSON_ERROR_WRONG_TYPE: a member has the wrong JSON type
 * @SIGAP_JSON_ERROR_INVALID_VALUE: a member has the right type but a value
 *   the record cannot take (an unknown enum nick, an int out of range)
 *
 * The messages are English sentences for programs (API clients, logs),
 * not for people: they are not translated.
 */
typedef enum
{
  SIGAP_JSON_ERROR_UNKNOWN_FIELD,
  SIGAP_JSON_ERROR_WRONG_TYPE,
  SIGAP_JSON_ERROR_INVALID_VALUE,
} SigapJsonError;

GQuark      sigap_json_error_quark        (void);

char       *sigap_json_member_name        (const char          *property_name);

JsonObject *sigap_json_object_from_record (GObject             *record,
                                           const char * const  *exclude);
JsonObject *sigap_json_object_from_post   (SigapPost           *post);

gboolean    sigap_json_check_members      (JsonObject          *object,
                                           const char * const  *allowed,
                                           char               **field,
                                           GError             **error);
gboolean    sigap_json_apply_to_record    (JsonObject          *object,
                                           GObject             *record,
                                           const char * const  *members,
                                           char               **field,
                                           GError             **error);

G_END_DECLS
