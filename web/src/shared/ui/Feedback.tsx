/**
 * Errors and confirmations, announced to screen readers: role="alert" for what went wrong,
 * role="status" for what went right. Always rendered (empty when quiet), so announcements are heard.
 */
export function Feedback({ error, notice }: { error?: string | null; notice?: string | null }) {
  return (
    <>
      <p role="alert" className={error ? 'feedback feedback-error' : 'feedback'}>
        {error ?? ''}
      </p>
      <p role="status" className={notice ? 'feedback feedback-notice' : 'feedback'}>
        {notice ?? ''}
      </p>
    </>
  );
}

export function messageOf(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}
