import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ReceiveMessageDto } from './receive-message.dto';

const NOW = new Date('2024-04-15T10:00:00.000Z');

const errorsFor = (overrides: Record<string, unknown>) => {
  const body = { channel: 'sms', externalId: 'sms-1', from: { handle: '+31600000000' }, text: 'Help', ...overrides };
  return validateSync(plainToInstance(ReceiveMessageDto, body), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );
};

describe('ReceiveMessageDto receivedAt', () => {
  beforeAll(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
  afterAll(() => jest.useRealTimers());

  it.each([
    ['a moment in the past', '2024-04-15T09:59:00.000Z'],
    ['exactly now', '2024-04-15T10:00:00.000Z'],
    ['4 s ahead (clock skew)', '2024-04-15T10:00:04.000Z'],
    ['5 s ahead with an offset', '2024-04-15T12:00:05+02:00'],
  ])('accepts %s', (_, receivedAt) => {
    expect(errorsFor({ receivedAt })).toEqual([]);
  });

  it.each([
    ['6 s ahead', '2024-04-15T10:00:06.000Z'],
    ['tomorrow', '2024-04-16T10:00:00.000Z'],
    ['not a timestamp', 'yesterday'],
    ['an impossible date', '2024-02-30T10:00:00Z'],
  ])('rejects %s', (_, receivedAt) => {
    expect(errorsFor({ receivedAt })).toEqual(['receivedAt']);
  });
});

describe('ReceiveMessageDto flightNumber', () => {
  it.each(['KL1234', 'KL1', 'U21234', 'U2123A', '9W456', 'kl1234', 'KL 1234', 'kl-641'])('accepts %s', (flightNumber) => {
    expect(errorsFor({ flightNumber })).toEqual([]);
  });

  it.each(['KLM1234', 'KL12345', 'KL', 'KL1234AB', '12 345'])('rejects %s', (flightNumber) => {
    expect(errorsFor({ flightNumber })).toEqual(['flightNumber']);
  });
});
