import { createHmac } from 'crypto';
import { PhaseConfig, RatePhaseConfig } from '../profiles';
import { summarize } from '../stats';
import { DriverPhaseResult } from './driver-protocol';
import { KeepAliveClient } from './keep-alive-client';

export const INTAKE_PATH = '/api/v1/intake/messages';

/** The part of a 202 intake answer the bench reads. */
interface IntakeAnswer {
  conversationId: string;
  estimatedWaitSeconds: number | null;
}
const CHANNELS = ['twitter', 'facebook', 'whatsapp', 'email', 'sms', 'web'] as const;

/** Every tenth message asks for special assistance, which the bench's rule routes by skill. */
const TEXTS = {
  plain: 'My flight was cancelled and I am stuck at the airport. When can I fly home, and where do I sleep tonight?',
  assistance: 'I travel with a wheelchair and my connection was cancelled. I need help getting to a hotel.',
};

/** The connector's signature: HMAC-SHA256 of the raw body with the intake secret. */
export function signatureFor(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * The sequence number and the phase tag make the sender and externalId unique, so every message
 * opens a conversation; the tag in the handle lets the bench find a phase's conversations in Postgres.
 */
export function intakeMessage(tag: string, seq: number, languages: string[]): Record<string, unknown> {
  return {
    channel: CHANNELS[seq % CHANNELS.length],
    externalId: `${tag}-${seq}`,
    from: { handle: `@${tag}_${seq}`, name: 'Bench Passenger' },
    text: seq % 10 === 0 ? TEXTS.assistance : TEXTS.plain,
    language: languages[seq % languages.length],
  };
}

/** The handle pattern (SQL LIKE) of a phase's conversations. */
export const handlePattern = (tag: string): string => `@${tag.replace(/[_%\\]/g, (c) => `\\${c}`)}\\_%`;

export class IntakeLoad {
  private readonly latencies: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private readonly estimatedWaits: Record<string, number> = {};
  private sent = 0;
  private accepted = 0;
  private seq = 0;
  private maxLagMs = 0;
  private inFlight = 0;

  constructor(
    private readonly clients: KeepAliveClient[],
    private readonly secret: string,
    private readonly languages: string[],
    private readonly tag: string,
  ) {}

  counts(): { sent: number; accepted: number; failed: number } {
    return { sent: this.sent, accepted: this.accepted, failed: this.sent - this.accepted - this.inFlight };
  }

  private async sendOne(): Promise<void> {
    const seq = this.seq++;
    const raw = JSON.stringify(intakeMessage(this.tag, seq, this.languages));
    const client = this.clients[seq % this.clients.length];
    this.sent++;
    this.inFlight++;
    const started = performance.now();
    try {
      const response = await client.send<IntakeAnswer>('POST', INTAKE_PATH, { body: raw, headers: { 'X-Signature': signatureFor(raw, this.secret) } });
      this.latencies.push(performance.now() - started);
      this.statuses[response.status] = (this.statuses[response.status] ?? 0) + 1;
      if (response.status === 202) {
        this.accepted++;
        const { conversationId, estimatedWaitSeconds } = response.body;
        if (typeof estimatedWaitSeconds === 'number') this.estimatedWaits[conversationId] = estimatedWaitSeconds;
      }
    } catch {
      this.statuses.error = (this.statuses.error ?? 0) + 1;
    } finally {
      this.inFlight--;
    }
  }

  /** Open loop: message i goes out at start + i/rate whether or not earlier ones have returned. */
  private async offerAtRate(phase: RatePhaseConfig): Promise<void> {
    const total = Math.round(phase.perSecond * phase.seconds);
    const intervalMs = 1000 / phase.perSecond;
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; ) {
      const now = performance.now();
      while (i < total && start + i * intervalMs <= now) {
        this.maxLagMs = Math.max(this.maxLagMs, now - (start + i * intervalMs));
        pending.push(this.sendOne());
        i++;
      }
      if (i < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + i * intervalMs - performance.now())));
    }
    await Promise.all(pending);
  }

  /** Closed loop: `inFlight` senders, each sending its next message as soon as the last one returned, until `more` says stop. */
  private async offerWhile(inFlight: number, more: () => boolean): Promise<void> {
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (more()) await this.sendOne();
      }),
    );
  }

  async offer(phase: PhaseConfig): Promise<void> {
    switch (phase.kind) {
      case 'rate':
        return this.offerAtRate(phase);
      case 'max': {
        const deadline = performance.now() + phase.seconds * 1000;
        return this.offerWhile(phase.inFlight, () => performance.now() < deadline);
      }
      case 'burst':
        // sendOne takes its sequence number before it awaits, so exactly `conversations` go out.
        return this.offerWhile(phase.inFlight, () => this.seq < phase.conversations);
    }
  }

  result(startedAtMs: number, endedAtMs: number): DriverPhaseResult {
    return {
      tag: this.tag,
      startedAtMs,
      endedAtMs,
      seconds: (endedAtMs - startedAtMs) / 1000,
      sent: this.sent,
      accepted: this.accepted,
      failed: this.sent - this.accepted,
      statuses: this.statuses,
      intakeLatencyMs: summarize(this.latencies),
      maxScheduleLagMs: Math.round(this.maxLagMs),
      estimatedWaits: this.estimatedWaits,
    };
  }
}
