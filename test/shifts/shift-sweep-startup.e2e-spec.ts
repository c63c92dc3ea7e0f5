import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { configureApp } from '../../src/configure-app';
import { TestApp, provisionTestEnvironment, TestEnvironment } from '../support/test-app';
import { createAccount, loginAdmin } from '../factories/accounts';
import { startSurgeWithVolunteer } from '../factories/incidents';
import { claimShift, createShift, minutesFromNow, shiftWindowBy, signIn } from '../factories/shifts';
import { pollUntil } from '../support/routing-invariants';

/** The real AppModule in this process on `environment`; several may be started one after another. */
async function bootApp(): Promise<INestApplication> {
  const { AppModule } = await import('../../src/app.module');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ rawBody: true, bufferLogs: true });
  configureApp(app);
  await app.init();
  return app;
}

describe('automatic sign-out when the service was down as the shift ended', () => {
  let environment: TestEnvironment;
  let db: Pool;
  let app: INestApplication | undefined;

  /** Enough of TestApp for the factories, on whichever app instance runs now. */
  const testApp = (): TestApp =>
    ({ app: app!, http: () => request(app!.getHttpServer()), db, env: environment.env }) as unknown as TestApp;

  beforeAll(async () => {
    // A day between repeated sweeps: only the sweep at start can sign the volunteer out here.
    environment = await provisionTestEnvironment({ SHIFT_SWEEP_INTERVAL_MS: '86400000' });
    Object.assign(process.env, environment.env);
    db = new Pool({ connectionString: environment.env.DATABASE_URL, max: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await db.end();
    await environment.dispose();
  });

  it('signs the volunteer out in the sweep at start', async () => {
    app = await bootApp();
    const t = testApp();
    const adminToken = await loginAdmin(t);
    const manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    const { incidentId, volunteer } = await startSurgeWithVolunteer(t, manager.token);
    const shift = await createShift(t, manager.token, { startsAt: minutesFromNow(-30), endsAt: minutesFromNow(60), incidentId });
    await claimShift(t, volunteer.token, shift.id);
    await signIn(t, volunteer.token);
    await app.close();
    app = undefined;

    // Time travel while no process runs: the shift ended 20 minutes ago.
    await shiftWindowBy(t, shift.id, -80);
    const before = await db.query(`SELECT presence FROM agents WHERE user_id = $1`, [volunteer.id]);
    expect(before.rows[0].presence).toBe('available');

    app = await bootApp();
    const presence = await pollUntil(
      async () => (await db.query(`SELECT presence FROM agents WHERE user_id = $1`, [volunteer.id])).rows[0].presence as string,
      (value) => value === 'offline',
      { timeoutMs: 15_000 },
    );
    expect(presence).toBe('offline');
    const events = await db.query(`SELECT payload FROM events WHERE type = 'agent.signed_out' AND subject_id = $1`, [volunteer.id]);
    expect(events.rows).toEqual([{ payload: { reason: 'shift_ended' } }]);
  });
});
