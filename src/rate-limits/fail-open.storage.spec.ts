import { ThrottlerStorage } from '@nestjs/throttler';
import { FailOpenStorage } from './fail-open.storage';

const counted = { totalHits: 4, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 };

function storage(increment: ThrottlerStorage['increment']): FailOpenStorage {
  return new FailOpenStorage({ increment }, () => undefined);
}

describe('FailOpenStorage', () => {
  it("passes the counters' answer through", async () => {
    await expect(storage(async () => counted).increment('k', 60_000, 3, 60_000, 'login-email')).resolves.toEqual(counted);
  });

  it('lets the request through when the counters fail', async () => {
    const failing = storage(() => Promise.reject(new Error('Connection is closed.')));
    await expect(failing.increment('k', 60_000, 3, 60_000, 'intake')).resolves.toMatchObject({ isBlocked: false });
  });

  it('lets the request through when the counters do not answer in time', async () => {
    const hanging = storage(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(hanging.increment('k', 60_000, 3, 60_000, 'intake')).resolves.toMatchObject({ isBlocked: false });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('releases the connection on shutdown', () => {
    const close = jest.fn();
    new FailOpenStorage({ increment: async () => counted }, close).onModuleDestroy();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
