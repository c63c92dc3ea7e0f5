import type { ReactNode } from 'react';

/** Short labelled figures in one line that wraps: "Status: Open · Surge: on · …". */
export function Facts({ items, label }: { items: readonly (readonly [string, ReactNode])[]; label?: string }) {
  return (
    <dl className="facts" aria-label={label}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
