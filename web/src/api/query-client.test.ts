import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient, readAgain } from './query-client';

const KEY = ['read-again'];

describe('readAgain', () => {
  afterEach(() => queryClient.clear());

  it('shows a change made while the first read was still in flight', async () => {
    const server = { version: 1 };
    const answers: (() => void)[] = [];
    const observer = new QueryObserver(queryClient, {
      queryKey: KEY,
      queryFn: () => {
        const seen = server.version;
        return new Promise<number>((resolve) => answers.push(() => resolve(seen)));
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(answers).toHaveLength(1));

    server.version = 2;
    const reading = readAgain({ queryKey: KEY });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    for (const answer of answers) answer();
    await reading;

    expect(queryClient.getQueryData(KEY)).toBe(2);
    unsubscribe();
  });
});
