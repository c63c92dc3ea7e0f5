import { TestApp } from '../support/test-app';

/** Reads one sample from Prometheus text: `name{labels} value`; 0 when the series is absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

export async function scrape(t: TestApp, token?: string): Promise<string> {
  const request = t.http().get('/metrics');
  if (token) request.set('Authorization', `Bearer ${token}`);
  const response = await request.expect(200);
  return response.text;
}
