import { extractFlightNumber, normaliseFlightNumber } from './flight-number';

describe('flight numbers', () => {
  it.each([
    ['kl 1234', 'KL1234'],
    ['KL1234', 'KL1234'],
    ['KL 1234', 'KL1234'],
    [' kl-641 ', 'KL641'],
    ['U2 1234a', 'U21234A'],
    ['4U9525', '4U9525'],
    ['KL12345', null],
    ['1234', null],
    ['12 345', null],
    ['KLM 1234', null],
    ['KL', null],
  ])('normaliseFlightNumber(%j) → %j', (raw, expected) => {
    expect(normaliseFlightNumber(raw)).toBe(expected);
  });

  it.each([
    ['My flight kl1234 was cancelled', 'KL1234'],
    ['Flight KL 1234 to Oslo, is KL1234 rebooked?', 'KL1234'],
    ['Mijn vlucht (KL641) is geannuleerd', 'KL641'],
    ['I have my 2 bags at 1234 gate', null],
    ['KL1234 or KL1235?', null],
    ['No flight mentioned, booking ABC123', null],
    ['Covid19 test needed', null],
  ])('extractFlightNumber(%j) → %j', (text, expected) => {
    expect(extractFlightNumber(text)).toBe(expected);
  });
});
