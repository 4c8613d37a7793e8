/** What an account token is for, exactly as allowed by `chk_account_tokens_purpose`. */
export const ACCOUNT_TOKEN_PURPOSES = ['email_verification', 'email_change', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** How long a mailed link works (API.md, "Accounts"). */
export const ACCOUNT_TOKEN_TTL_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  email_verification: 24 * 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
  password_reset: 30 * 60 * 1000,
};
