import { type ReactNode, useId } from 'react';

export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
}

/**
 * A labelled control. The <label> points at the control instead of wrapping it: a wrapped select or
 * filled textbox would add its value to the accessible name ("Language English" instead of "Language").
 */
export function Field({ label, hint, className, render }: { label: string; hint?: string; className?: string; render: (a11y: FieldA11y) => ReactNode }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {render(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
