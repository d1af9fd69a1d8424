/* sigap-demo.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sigap-store.h"

G_BEGIN_DECLS

#define SIGAP_DEMO_PASSWORD "sigap-demo"

typedef struct
{
  guint32 seed;        /* same seed, same regency */
  guint   complaints;  /* default 600 */
  guint   posts;       /* default 1200 */
  gint64  now;         /* UTC seconds the data is built around; 0 = now */
} SigapDemoOptions;

/* Fills an empty store with a deterministic demo regency: about 40 OPDs,
 * their accounts, one admin per OPD (username = OPD code), the verifikator,
 * trc and pimpinan users (password SIGAP_DEMO_PASSWORD), months of posts
 * and complaints in every status, and four canned replies per OPD, in one
 * transaction. */
gboolean sigap_demo_seed (SigapStore              *store,
                          const SigapDemoOptions  *options,
                          GError                 **error);

/* Whether the demo regency has a user called @username (an OPD code,
 * "verifikator", "trc" or "pimpinan"), whatever the seed. */
gboolean sigap_demo_has_user (const char              *username);

G_END_DECLS
