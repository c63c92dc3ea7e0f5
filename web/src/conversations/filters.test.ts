import { describe, expect, it } from 'vitest';
import { filtersFrom, withFilter } from './filters';

const AGENT = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('conversation filters', () => {
  it('reads what the API accepts from the address', () => {
    expect(filtersFrom(new URLSearchParams(`status=queued&language=nl&channel=sms&agentId=${AGENT}&flightNumber=kl 1234`))).toEqual({
      status: 'queued',
      language: 'nl',
      channel: 'sms',
      agentId: AGENT,
      flightNumber: 'kl 1234',
    });
  });

  it('leaves out what it would refuse', () => {
    expect(filtersFrom(new URLSearchParams('status=open&language=dutch&channel=fax&agentId=7&flightNumber=%20'))).toEqual({});
  });

  it('changes one filter and removes an emptied one, in a stable order', () => {
    expect(withFilter({ language: 'nl', status: 'queued' }, 'channel', 'web').toString()).toBe('status=queued&language=nl&channel=web');
    expect(withFilter({ language: 'nl', status: 'queued' }, 'language', '').toString()).toBe('status=queued');
  });
});
