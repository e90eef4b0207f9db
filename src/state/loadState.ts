import type { DataError } from '../data/errors';

/**
 * Where one dataset stands (one per dataset, kept in the store's `data` slice). `loading` may
 * name its step, so the loading screen can say which one is slow or failing.
 */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading'; step?: string }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: DataError };

export const IDLE = { status: 'idle' } as const;
export const loading = (step?: string): LoadState<never> => (step ? { status: 'loading', step } : { status: 'loading' });
export const ready = <T>(value: T): LoadState<T> => ({ status: 'ready', value });
export const failed = (error: DataError): LoadState<never> => ({ status: 'error', error });

/** The value when ready, null otherwise. */
export const valueOf = <T>(s: LoadState<T>): T | null => (s.status === 'ready' ? s.value : null);
/** The typed error when the load failed, null otherwise. */
export const errorOf = (s: LoadState<unknown>): DataError | null => (s.status === 'error' ? s.error : null);
