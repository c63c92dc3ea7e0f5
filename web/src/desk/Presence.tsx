import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { formatDuration, shiftTimer } from '../shared/time';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { useNow } from '../shared/ui/use-now';
import { ME_KEY, type Me, MY_CONVERSATIONS_KEY } from './queries';

type Change = 'sign-in' | 'sign-out' | 'away' | 'available';

async function change(kind: Change) {
  switch (kind) {
    case 'sign-in':
      return unwrap(await api.POST('/api/v1/me/sign-in'));
    case 'sign-out':
      return unwrap(await api.POST('/api/v1/me/sign-out'));
    case 'away':
    case 'available':
      return unwrap(await api.PUT('/api/v1/me/presence', { body: { status: kind } }));
  }
}

const DONE: Record<Change, string> = {
  'sign-in': t.desk.signedIn,
  'sign-out': t.desk.signedOut,
  away: t.desk.nowAway,
  available: t.desk.nowAvailable,
};

/** Sign in, away, available, sign out: each button only where it applies; a refusal (409) said in words. */
export function Presence({ me }: { me: Me }) {
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: change,
    onMutate: () => setNotice(null),
    onSuccess: (_presence, kind) => setNotice(DONE[kind]),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
      void queryClient.invalidateQueries({ queryKey: MY_CONVERSATIONS_KEY });
    },
  });
  const presence = me.presence ?? 'offline';
  const button = (kind: Change, label: string) => (
    <button type="button" onClick={() => mutation.mutate(kind)} disabled={mutation.isPending}>
      {label}
    </button>
  );

  return (
    <section aria-labelledby="presence-heading" className="panel">
      <h2 id="presence-heading">{t.desk.presence}</h2>
      <p>{t.desk.presenceNow[presence]}</p>
      {me.kind === 'volunteer' && <ShiftTime me={me} />}
      <div className="actions">
        {presence === 'offline' && button('sign-in', t.desk.signIn)}
        {presence === 'available' && button('away', t.desk.away)}
        {presence === 'away' && button('available', t.desk.available)}
        {presence !== 'offline' && button('sign-out', t.desk.signOut)}
      </div>
      <Feedback error={messageOf(mutation.error)} notice={notice} />
    </section>
  );
}

function ShiftTime({ me }: { me: Me }) {
  const now = useNow();
  const timer = shiftTimer(me.claimedShifts, now);
  if (timer.kind === 'running') return <p className="timer">{t.desk.shiftLeft(formatDuration(timer.secondsLeft))}</p>;
  if (timer.kind === 'upcoming') return <p className="timer">{t.desk.shiftStartsIn(formatDuration(timer.secondsToStart))}</p>;
  return <p>{t.desk.noCurrentShift}</p>;
}
