/**
 * What re-activation deletes when the OS key is lost: every row sealed with the old data key, and
 * the key itself. A domain that adds sealed columns adds its statement here.
 */
export const KEY_LOSS_WIPE: readonly string[] = [
  'DELETE FROM inquiry_numbers',
  'DELETE FROM check_records',
  'DELETE FROM jobs',
  "UPDATE device SET credential = NULL, state = 'unactivated', activated_at = NULL",
  'DELETE FROM store_key',
];
