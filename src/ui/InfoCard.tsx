import { useId, type ReactNode } from 'react';

/**
 * The card of one map object (facility, conflict case, populated place): a title, a close button,
 * a list of label/value rows and any notes below. One component so the three read alike.
 */
export function InfoCard({
  title,
  closeLabel,
  onClose,
  rows,
  testId,
  children,
}: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  rows: [label: string, value: ReactNode, testId?: string][];
  testId: string;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="detail facility-card" aria-labelledby={id} data-testid={testId}>
      <header>
        <h2 id={id}>{title}</h2>
        <button type="button" onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(([k, v, rowTestId]) => (
          <div key={k} className="facility-row">
            <dt>{k}</dt>
            <dd data-testid={rowTestId}>{v}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
