/* test-complaint-rules.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-core.h"

#define R  SIGAP_COMPLAINT_STATUS_RECEIVED
#define V  SIGAP_COMPLAINT_STATUS_VERIFIED
#define RT SIGAP_COMPLAINT_STATUS_ROUTED
#define IP SIGAP_COMPLAINT_STATUS_IN_PROGRESS
#define RS SIGAP_COMPLAINT_STATUS_RESOLVED
#define N  SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY
#define RJ SIGAP_COMPLAINT_STATUS_REJECTED
#define A  SIGAP_COMPLAINT_STATUS_ARCHIVED

/* Who may: 'v' verifikator, 'o' the admin of the complaint's OPD, '-'
 * no one. Every other pair of statuses is forbidden to everyone. */
typedef struct
{
  SigapComplaintStatus from;
  SigapComplaintStatus to;
  char who;
  SigapComplaintNeeds needs;
} Expected;

static const Expected allowed[] = {
  { R,  V,  'v', SIGAP_COMPLAINT_NEEDS_NOTHING },
  { V,  RT, 'v', SIGAP_COMPLAINT_NEEDS_OPD },
  { RT, IP, 'o', SIGAP_COMPLAINT_NEEDS_NOTHING },
  { IP, RS, 'o', SIGAP_COMPLAINT_NEEDS_NOTE },
  { RT, N,  'o', SIGAP_COMPLAINT_NEEDS_NOTHING },
  { IP, N,  'o', SIGAP_COMPLAINT_NEEDS_NOTHING },
  { N,  RT, 'v', SIGAP_COMPLAINT_NEEDS_OPD },
  { R,  RJ, 'v', SIGAP_COMPLAINT_NEEDS_NOTE },
  { V,  RJ, 'v', SIGAP_COMPLAINT_NEEDS_NOTE },
  { N,  RJ, 'v', SIGAP_COMPLAINT_NEEDS_NOTE },
  { RS, A,  'v', SIGAP_COMPLAINT_NEEDS_NOTHING },
  { RJ, A,  'v', SIGAP_COMPLAINT_NEEDS_NOTHING },
};

static const Expected *
find_expected (SigapComplaintStatus from,
               SigapComplaintStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i].from == from && allowed[i].to == to)
      return &allowed[i];

  return NULL;
}

static void
test_rules_table (void)
{
  guint n_allowed = 0;

  for (int from = 0; from < SIGAP_N_COMPLAINT_STATUSES; from++)
    for (int to = 0; to < SIGAP_N_COMPLAINT_STATUSES; to++)
      {
        const Expected *expected = find_expected (from, to);
        const SigapComplaintTransition *rule = sigap_complaint_find_transition (from, to);
        char who = expected != NULL ? expected->who : '-';

        g_test_message ("%d → %d: %c", from, to, who);

        g_assert_true ((rule != NULL) == (expected != NULL));
        if (rule != NULL)
          {
            g_assert_cmpint (rule->needs, ==, expected->needs);
            n_allowed++;
          }

        g_assert_true (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_VERIFIKATOR,
                                                           FALSE) == (who == 'v'));
        /* The verifikator's rights do not depend on owning. */
        g_assert_true (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_VERIFIKATOR,
                                                           TRUE) == (who == 'v'));
        g_assert_true (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_ADMIN_OPD,
                                                           TRUE) == (who == 'o'));
        /* Another OPD's admin, the TRC and the leadership move nothing. */
        g_assert_false (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_ADMIN_OPD,
                                                            FALSE));
        g_assert_false (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_TRC, TRUE));
        g_assert_false (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_TRC, FALSE));
        g_assert_false (sigap_complaint_transition_allowed (from, to, SIGAP_ROLE_PIMPINAN,
                                                            TRUE));
      }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed));
}

static void
test_rules_next (void)
{
  SigapComplaintStatus next[SIGAP_N_COMPLAINT_STATUSES];
  guint n;

  n = sigap_complaint_next_statuses (R, SIGAP_ROLE_VERIFIKATOR, FALSE, next);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next[0], ==, V);
  g_assert_cmpint (next[1], ==, RJ);

  n = sigap_complaint_next_statuses (N, SIGAP_ROLE_VERIFIKATOR, FALSE, next);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next[0], ==, RT);
  g_assert_cmpint (next[1], ==, RJ);

  n = sigap_complaint_next_statuses (RT, SIGAP_ROLE_ADMIN_OPD, TRUE, next);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next[0], ==, IP);
  g_assert_cmpint (next[1], ==, N);

  n = sigap_complaint_next_statuses (IP, SIGAP_ROLE_ADMIN_OPD, TRUE, next);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next[0], ==, RS);
  g_assert_cmpint (next[1], ==, N);

  g_assert_cmpuint (sigap_complaint_next_statuses (RT, SIGAP_ROLE_ADMIN_OPD, FALSE, next), ==, 0);
  g_assert_cmpuint (sigap_complaint_next_statuses (RT, SIGAP_ROLE_VERIFIKATOR, FALSE, next),
                    ==, 0);
  g_assert_cmpuint (sigap_complaint_next_statuses (A, SIGAP_ROLE_VERIFIKATOR, FALSE, next), ==, 0);
  g_assert_cmpuint (sigap_complaint_next_statuses (R, SIGAP_ROLE_PIMPINAN, FALSE, next), ==, 0);
  g_assert_cmpuint (sigap_complaint_next_statuses (R, SIGAP_ROLE_TRC, FALSE, next), ==, 0);
}

static void
test_rules_actions (void)
{
  /* Notes: anyone who handles the complaint. */
  g_assert_true (sigap_complaint_action_allowed ("note", SIGAP_ROLE_VERIFIKATOR, FALSE, FALSE));
  g_assert_true (sigap_complaint_action_allowed ("note", SIGAP_ROLE_ADMIN_OPD, TRUE, FALSE));
  g_assert_false (sigap_complaint_action_allowed ("note", SIGAP_ROLE_ADMIN_OPD, FALSE, TRUE));
  g_assert_true (sigap_complaint_action_allowed ("note", SIGAP_ROLE_TRC, FALSE, TRUE));
  g_assert_false (sigap_complaint_action_allowed ("note", SIGAP_ROLE_TRC, FALSE, FALSE));
  g_assert_false (sigap_complaint_action_allowed ("note", SIGAP_ROLE_PIMPINAN, FALSE, TRUE));

  /* Escalation: the verifikator or the OPD's admin. */
  g_assert_true (sigap_complaint_action_allowed ("escalated", SIGAP_ROLE_VERIFIKATOR, FALSE,
                                                 FALSE));
  g_assert_true (sigap_complaint_action_allowed ("escalated", SIGAP_ROLE_ADMIN_OPD, TRUE, FALSE));
  g_assert_false (sigap_complaint_action_allowed ("escalated", SIGAP_ROLE_ADMIN_OPD, FALSE,
                                                  FALSE));
  g_assert_false (sigap_complaint_action_allowed ("escalated", SIGAP_ROLE_TRC, FALSE, TRUE));
  g_assert_false (sigap_complaint_action_allowed ("escalated", SIGAP_ROLE_PIMPINAN, FALSE,
                                                  FALSE));

  /* Status changes are not status-keeping actions. */
  g_assert_false (sigap_complaint_action_allowed ("routed", SIGAP_ROLE_VERIFIKATOR, FALSE, FALSE));
  g_assert_false (sigap_complaint_action_allowed ("", SIGAP_ROLE_VERIFIKATOR, FALSE, FALSE));

  g_assert_cmpstr (sigap_complaint_status_action (RT), ==, "routed");
  g_assert_cmpstr (sigap_complaint_status_action (IP), ==, "in-progress");
  g_assert_cmpstr (sigap_complaint_status_action (N), ==, "not-our-authority");
  g_assert_null (sigap_complaint_status_action (99));

  /* The actions are the statuses' nicks, as the store keeps them. */
  for (int s = 0; s < SIGAP_N_COMPLAINT_STATUSES; s++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (SIGAP_TYPE_COMPLAINT_STATUS);

      g_assert_cmpstr (sigap_complaint_status_action (s), ==,
                       g_enum_get_value (klass, s)->value_nick);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/complaint-rules/table", test_rules_table);
  g_test_add_func ("/complaint-rules/next", test_rules_next);
  g_test_add_func ("/complaint-rules/actions", test_rules_actions);

  return g_test_run ();
}
