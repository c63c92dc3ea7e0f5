import { maskCardNumbers, passesLuhn } from './card-masking';

describe('card masking', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['378282246310005', true],
    ['6011111111111117', true],
  ])('passesLuhn(%s) → %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });

  it.each([
    ['my card 4111 1111 1111 1111 was charged', 'my card **** **** **** 1111 was charged'],
    ['card 4111-1111-1111-1111.', 'card **** **** **** 1111.'],
    ['amex 378282246310005', 'amex **** **** **** 0005'],
    ['13 digits 4222222222222 here', '13 digits **** **** **** 2222 here'],
    ['not Luhn 4111 1111 1111 1112', 'not Luhn 4111 1111 1111 1112'],
    ['booking 123456, phone +31 20 123 4567', 'booking 123456, phone +31 20 123 4567'],
    ['twelve digits 123456789012', 'twelve digits 123456789012'],
    ['two cards 4111111111111111 and 5555 5555 5555 4444', 'two cards **** **** **** 1111 and **** **** **** 4444'],
  ])('maskCardNumbers(%j)', (text, expected) => {
    expect(maskCardNumbers(text)).toBe(expected);
  });
});
