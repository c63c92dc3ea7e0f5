import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROUTING_CONNECTION } from '../../src/database/routing-data-source';
import { startTestApp, TestApp } from '../support/test-app';

/** The sessions the service opens on Postgres, whichever pool they come from. */
describe('database sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['request', getDataSourceToken()],
    ['routing', getDataSourceToken(ROUTING_CONNECTION)],
  ])('run without JIT compilation on the %s pool', async (_pool, token) => {
    const [{ jit }] = await t.app.get<DataSource>(token).query<{ jit: string }[]>('SHOW jit');
    expect(jit).toBe('off');
  });
});
