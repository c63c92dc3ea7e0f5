import { Channel } from '../routing/engine/engine.types';

/** One reply on its way to the passenger, as a channel connector receives it. */
export interface OutboundDelivery {
  replyId: string;
  conversationId: string;
  channel: Channel;
  handle: string;
  text: string;
}

/** Delivers replies for a channel; throwing makes the outbound queue retry with backoff. */
export interface OutboundSender {
  send(delivery: OutboundDelivery): Promise<void>;
}

/** Provider token: `Record<Channel, OutboundSender>`; override it to plug in a real connector per channel. */
export const OUTBOUND_SENDERS = Symbol('OUTBOUND_SENDERS');

export type OutboundSenders = Record<Channel, OutboundSender>;
