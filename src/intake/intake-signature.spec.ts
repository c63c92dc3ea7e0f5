import { signIntakeBody, verifyIntakeSignature } from './intake-signature';

const SECRET = 'intake-secret-for-unit-tests';
const BODY = Buffer.from('{"channel":"sms","externalId":"m-1"}');
const VALID = signIntakeBody(BODY, SECRET);

describe('verifyIntakeSignature', () => {
  it('accepts the signature of the raw body', () => {
    expect(verifyIntakeSignature(BODY, VALID, SECRET)).toBe(true);
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(verifyIntakeSignature(BODY, ` sha256=${VALID.slice(7).toUpperCase()} `, SECRET)).toBe(true);
  });

  it.each([
    ['no header', BODY, undefined],
    ['no raw body', undefined, VALID],
    ['an empty header', BODY, ''],
    ['no sha256= prefix', BODY, VALID.slice(7)],
    ['another algorithm', BODY, VALID.replace('sha256=', 'sha1=')],
    ['a truncated digest', BODY, VALID.slice(0, -2)],
    ['a digest that is not hex', BODY, `sha256=${'z'.repeat(64)}`],
    ['one flipped digit', BODY, `${VALID.slice(0, -1)}${VALID.endsWith('0') ? '1' : '0'}`],
    ['the signature of a different body', Buffer.from('{"channel":"sms","externalId":"m-2"}'), VALID],
    ['a signature made with another secret', BODY, signIntakeBody(BODY, 'another-secret-value')],
  ])('rejects %s', (_, body, header) => {
    expect(verifyIntakeSignature(body, header, SECRET)).toBe(false);
  });
});
