import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { useTemplates } from '../desk/ApprovedAnswer';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDuration, secondsBetween } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { useNow } from '../shared/ui/use-now';
import { fallbackVariants, type FlightReplyBody, flightReplyBody, keyForSend, type PendingSend } from './flight-reply';

type Flight = Schemas['FlightSummaryDto'];
const FLIGHTS_KEY = ['flights'] as const;

function useFlights() {
  return useQuery({
    queryKey: FLIGHTS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/flights', { params: { query: { status: 'open' } } })).items,
    refetchInterval: 10_000,
  });
}

/** Flights with open conversations, and one reply (optionally resolving) to every open conversation of one. */
export function FlightsPage() {
  const flights = useFlights();
  const now = useNow();
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const open = flights.data?.find((flight) => flight.flightNumber === replyingTo) ?? null;

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.flights.title}</h1>
      <p>{t.flights.intro}</p>
      <section aria-labelledby="flights-heading" className="panel">
        <h2 id="flights-heading">{t.flights.list}</h2>
        {flights.data?.length ? (
          <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="flights-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.flights.flight}</th>
                  <th scope="col">{t.flights.open}</th>
                  <th scope="col">{t.flights.waiting}</th>
                  <th scope="col">{t.flights.unanswered}</th>
                  <th scope="col">{t.flights.languages}</th>
                  <th scope="col">{t.flights.oldest}</th>
                  <th scope="col">{t.flights.action}</th>
                </tr>
              </thead>
              <tbody>
                {flights.data.map((flight) => (
                  <tr key={flight.flightNumber}>
                    <th scope="row">{flight.flightNumber}</th>
                    <td>{flight.open}</td>
                    <td>{flight.queued}</td>
                    <td>{flight.unanswered}</td>
                    <td>{flight.languages.map((l) => `${l.language} ${l.open}`).join(', ')}</td>
                    <td>{formatDuration(secondsBetween(flight.oldestReceivedAt, now))}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={replyingTo === flight.flightNumber}
                        onClick={() => {
                          setResult(null);
                          setReplyingTo((current) => (current === flight.flightNumber ? null : flight.flightNumber));
                        }}
                      >
                        {t.flights.replyTo(flight.flightNumber)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{flights.isPending ? t.loading : t.flights.none}</p>
        )}
      </section>
      {open && (
        <FlightReplyForm
          key={open.flightNumber}
          flight={open}
          onDone={(message) => {
            setReplyingTo(null);
            setResult(message);
          }}
        />
      )}
      <Feedback error={messageOf(flights.error)} notice={result} />
    </main>
  );
}

function FlightReplyForm({ flight, onDone }: { flight: Flight; onDone: (result: string) => void }) {
  const templates = useTemplates();
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [resolve, setResolve] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const pending = useRef<PendingSend | null>(null);
  const send = useMutation({
    mutationFn: async ({ body, key }: { body: FlightReplyBody; key: string }) =>
      unwrap(
        await api.POST('/api/v1/flights/{flightNumber}/replies', {
          params: { path: { flightNumber: flight.flightNumber }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: async (answer) => {
      pending.current = null;
      await queryClient.invalidateQueries({ queryKey: FLIGHTS_KEY });
      onDone(t.flights.result(answer.flightNumber, answer.replied, answer.resolved));
    },
    onError: (error) => {
      // A refusal is final: the next attempt is a new send. A lost answer keeps the key, so a retry sends nothing twice.
      if (error instanceof ApiError && error.status < 500) pending.current = null;
    },
  });
  const template = templates.data?.find((candidate) => candidate.id === templateId);
  const fallbacks = template
    ? fallbackVariants(
        template.variants.map((v) => v.language),
        flight.languages.map((l) => l.language),
      )
    : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = flightReplyBody({ text, templateId, resolve });
    if (body === 'empty' || body === 'both') return setInvalid(t.flights[body]);
    setInvalid(null);
    pending.current = keyForSend(pending.current, flight.flightNumber, body, () => crypto.randomUUID());
    send.mutate({ body, key: pending.current.key });
  }

  return (
    <form onSubmit={submit} className="stack panel" aria-labelledby="flight-reply-heading">
      <h2 id="flight-reply-heading">{t.flights.replyTitle(flight.flightNumber)}</h2>
      <Field
        label={t.flights.text}
        hint={t.flights.textHint}
        render={(a11y) => <textarea {...a11y} rows={4} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />}
      />
      {templates.data?.length ? (
        <Field
          label={t.flights.answer}
          render={(a11y) => (
            <select {...a11y} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">{t.flights.noAnswer}</option>
              {templates.data.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        />
      ) : null}
      {fallbacks.map((fallback) => (
        <p key={fallback.language} className="hint">
          {t.flights.fallback(languageLabel(fallback.language), languageLabel(fallback.gets))}
        </p>
      ))}
      <label className="check">
        <input type="checkbox" checked={resolve} onChange={(e) => setResolve(e.target.checked)} />
        {t.flights.resolve}
      </label>
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {t.flights.send}
        </button>
      </div>
      <Feedback error={invalid ?? messageOf(send.error ?? templates.error)} />
    </form>
  );
}
