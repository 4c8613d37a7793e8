/**
 * The storefront pages an email links to (docs/mail.md). The token rides in the query string as
 * `token=<token>` (API.md, Accounts): the page posts it to the matching API route.
 */
export const ACCOUNT_LINK_PATHS = {
  /** POST /api/auth/verify-email {token}: verification and email change alike. */
  verifyEmail: '/verify-email',
  /** POST /api/auth/password/reset {token, password}. */
  resetPassword: '/reset-password',
  /** POST /api/auth/invitations/accept {token, …}. */
  acceptInvitation: '/accept-invitation',
} as const;

export type AccountLinkPath = (typeof ACCOUNT_LINK_PATHS)[keyof typeof ACCOUNT_LINK_PATHS];

export function tokenLink(storefrontUrl: string, path: AccountLinkPath, token: string): string {
  return `${storefrontUrl}${path}?token=${encodeURIComponent(token)}`;
}

/** A customer's order page on the storefront. */
export function orderLink(storefrontUrl: string, orderId: string): string {
  return `${storefrontUrl}/orders/${encodeURIComponent(orderId)}`;
}
