/** Collections of the party module. */
export const PT = {
  registrations: 'party_registrations',
  scenes: 'scene_tokens',
  posts: 'party_posts',
  pairs: 'party_pairs',
  visits: 'party_visits',
  pairSettings: 'party_pair_settings',
  activities: 'activities',
  signups: 'activity_signups',
  /** Short check-in code tries per person and activity (`<activityId>_<userId>`): rules.ts takeTry. */
  checkinTries: 'checkin_tries',
  /** Messages to everyone signed up, sent in batches (cancelNotice.ts). */
  noticeJobs: 'notify_jobs',
} as const
