import { newMessage, postIntake, signatureFor, signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';

describe('POST /intake/messages: signature and validation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const storedMessages = async (externalId: unknown) =>
    (await t.db.query('SELECT 1 FROM messages WHERE external_id = $1', [externalId])).rowCount;

  describe('signature', () => {
    it('accepts a correctly signed body with 202', async () => {
      await signedIntake(t, newMessage()).expect(202);
    });

    it.each([
      ['a missing signature', () => undefined],
      ['a signature that is not sha256=<hex>', () => 'not-a-signature'],
      ['a wrong digest', () => `sha256=${'ab'.repeat(32)}`],
      ['the signature of a different body', () => signatureFor(JSON.stringify(newMessage()))],
      ['a signature made with another secret', (raw: string) => signatureFor(raw, 'some-other-intake-secret')],
    ])('rejects %s with 401 and stores nothing', async (_, sign: (raw: string) => string | undefined) => {
      const body = newMessage();
      const raw = JSON.stringify(body);
      const response = await postIntake(t, raw, sign(raw)).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(await storedMessages(body.externalId)).toBe(0);
    });

    it('checks the raw bytes: the same JSON re-serialized differently does not match', async () => {
      const body = newMessage();
      const signature = signatureFor(JSON.stringify(body));
      await postIntake(t, JSON.stringify(body, null, 2), signature).expect(401);
    });

    it('answers 401 before validating the body', async () => {
      await postIntake(t, JSON.stringify({ channel: 'fax' })).expect(401);
    });
  });

  describe('body', () => {
    const future = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

    it.each([
      ['channel', { channel: 'fax' }, /^channel /],
      ['channel (missing)', { channel: undefined }, /^channel /],
      ['externalId (empty)', { externalId: '' }, /^externalId /],
      ['externalId (over 200 characters)', { externalId: 'x'.repeat(201) }, /^externalId /],
      ['from (missing)', { from: undefined }, /^from /],
      ['from.handle (empty)', { from: { handle: '' } }, /^from\.handle /],
      ['from.handle (over 200 characters)', { from: { handle: 'h'.repeat(201) } }, /^from\.handle /],
      ['from.name (over 200 characters)', { from: { handle: '@someone', name: 'n'.repeat(201) } }, /^from\.name /],
      ['text (missing)', { text: undefined }, /^text /],
      ['text (blank)', { text: '   ' }, /^text /],
      ['text (over 5000 characters)', { text: 'a'.repeat(5001) }, /^text /],
      ['language', { language: 'xx' }, /^language /],
      ['language (not lower-case ISO 639-1)', { language: 'NL' }, /^language /],
      ['flightNumber', { flightNumber: 'KLM-12' }, /^flightNumber /],
      ['flightNumber (number too long)', { flightNumber: 'KL12345' }, /^flightNumber /],
      ['receivedAt (in the future)', { receivedAt: future() }, /^receivedAt must not be in the future/],
      ['receivedAt (not ISO-8601)', { receivedAt: 'yesterday' }, /^receivedAt /],
      ['an unknown field', { priority: 10 }, /priority should not exist/],
      ['an unknown field in from', { from: { handle: '@someone', email: 'a@b.test' } }, /^from\.email/],
    ])('names %s with 400 and stores nothing', async (_, overrides, message) => {
      const body = newMessage(overrides);
      const response = await signedIntake(t, body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toMatch(message);
      expect(await storedMessages(body.externalId)).toBe(0);
    });

    // Built when the test runs, so the skew case is still ahead of the server's clock.
    it.each([
      ['the longest text', () => ({ text: 'a'.repeat(5000) })],
      ['a one-character text', () => ({ text: '?' })],
      ['a flight number with a digit in the designator and a suffix', () => ({ flightNumber: 'U21234A' })],
      ['a receivedAt within the clock-skew allowance', () => ({ receivedAt: new Date(Date.now() + 2000).toISOString() })],
      ['the web channel', () => ({ channel: 'web' })],
      ['the email channel', () => ({ channel: 'email', from: { handle: 'stranded@example.test' } })],
    ])('accepts %s', async (_, overrides) => {
      await signedIntake(t, newMessage(overrides())).expect(202);
    });
  });
});
