/**
 * A line of text for the user, as an i18n key and its parameters: domain and data code return
 * these, never sentences; the UI translates them. A parameter given as `{ key }` is translated too.
 */
export interface TextCode {
  key: string;
  params?: Record<string, string | number | { key: string }>;
}
