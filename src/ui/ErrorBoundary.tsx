import { Component, type ReactNode } from 'react';
import { i18next } from '../i18n';

/**
 * Last line of defence: a render error shows a message and a way back instead of a blank page.
 * Saved scenarios live in IndexedDB and are not touched by a reload.
 */
interface Props {
  children: ReactNode;
  /** What to show instead of a part that failed, with a way to draw it again; the whole-app message otherwise. */
  fallback?: (error: Error, reset: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    const t = i18next.t.bind(i18next);
    return (
      <main className="status">
        <div role="alert" className="error">
          <h2>{t('app.crashTitle')}</h2>
          <p>{t('app.crashText', { detail: this.state.error.message })}</p>
          <button
            type="button"
            onClick={() => {
              // without the link's hash: a bad shared scenario is the likeliest cause
              window.location.replace(window.location.pathname);
            }}
          >
            {t('app.crashReload')}
          </button>
        </div>
      </main>
    );
  }
}
