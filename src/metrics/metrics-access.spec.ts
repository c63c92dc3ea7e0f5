import { AppConfigService } from '../config/app-config.service';
import { DomainError } from '../common/errors/domain-error';
import { MetricsAccess } from './metrics-access';

const accessWith = (token: string | undefined) =>
  new MetricsAccess({ get: (key: string) => (key === 'METRICS_TOKEN' ? token : undefined) } as unknown as AppConfigService);

describe('MetricsAccess', () => {
  it.each([undefined, 'Bearer anything', 'garbage'])('lets everyone in without METRICS_TOKEN (authorization %p)', (authorization) => {
    expect(() => accessWith(undefined).assertAllowed(authorization)).not.toThrow();
  });

  it('accepts the exact bearer token', () => {
    expect(() => accessWith('scrape-secret').assertAllowed('Bearer scrape-secret')).not.toThrow();
  });

  it.each([
    [undefined, 'Missing bearer token (METRICS_TOKEN)'],
    ['', 'Missing bearer token (METRICS_TOKEN)'],
    ['scrape-secret', 'Missing bearer token (METRICS_TOKEN)'],
    ['Basic scrape-secret', 'Missing bearer token (METRICS_TOKEN)'],
    ['Bearer scrape-secre', 'Invalid metrics token'],
    ['Bearer scrape-secret-and-more', 'Invalid metrics token'],
    ['Bearer SCRAPE-SECRET', 'Invalid metrics token'],
  ])('refuses %p', (authorization, message) => {
    let error: unknown;
    try {
      accessWith('scrape-secret').assertAllowed(authorization);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unauthenticated', message });
  });
});
