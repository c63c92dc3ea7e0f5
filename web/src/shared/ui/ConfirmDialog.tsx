import { type ReactNode, useEffect, useId, useRef } from 'react';
import { t } from '../../i18n';

/**
 * A modal question before an action that matters: nothing happens until "Confirm". The native
 * <dialog> opened with showModal() traps focus, closes on Escape and is announced as a dialog.
 */
export function ConfirmDialog(props: { title: string; children: ReactNode; busy?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="confirm"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <div className="actions">
        <button type="button" onClick={props.onConfirm} disabled={props.busy}>
          {t.confirm}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
