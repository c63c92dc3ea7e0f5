import { t } from '../../i18n';

/** A form's submit button and "Cancel". */
export function FormActions({ submit, busy, disabled, onCancel }: { submit: string; busy: boolean; disabled?: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy || disabled}>
        {submit}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
