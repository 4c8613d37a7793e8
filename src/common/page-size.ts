/** The `limit` of every list: 24 unless asked, at most 100 (API.md). Framework-free, for the SQL builders. */
export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;
