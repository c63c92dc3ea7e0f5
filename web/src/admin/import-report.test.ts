import { describe, expect, it } from 'vitest';
import { fileLines, importReport } from './import-report';

const CSV = '\uFEFFname,email,kind,languages,skills,maxConcurrent\r\nSam,sam@x.test,staff,nl:5,,3\r\nBad,bad@x.test,staff,xx:5,,3\r\n"Two\nlines",two@x.test,staff,en:4,,2\r\nOld,old@x.test,staff,en:4,,2\r\n';

describe('importReport', () => {
  it('counts lines as the service does, from the header as 1', () => {
    expect(fileLines(CSV).slice(0, 3)).toEqual(['name,email,kind,languages,skills,maxConcurrent', 'Sam,sam@x.test,staff,nl:5,,3', 'Bad,bad@x.test,staff,xx:5,,3']);
  });

  it('lists the errors first with their line text, then the applied rows, each in file order', () => {
    const report = importReport(CSV, {
      applied: [
        { line: 6, agentId: 'b', outcome: 'updated' },
        { line: 2, agentId: 'a', outcome: 'created' },
        { line: 4, agentId: 'c', outcome: 'created' },
      ],
      errors: [{ line: 3, message: 'languages: "xx" is not an ISO 639-1 language code' }],
    });
    expect(report).toEqual([
      { line: 3, text: 'Bad,bad@x.test,staff,xx:5,,3', outcome: 'error', message: 'languages: "xx" is not an ISO 639-1 language code' },
      { line: 2, text: 'Sam,sam@x.test,staff,nl:5,,3', outcome: 'created', message: null },
      { line: 4, text: '"Two', outcome: 'created', message: null },
      { line: 6, text: 'Old,old@x.test,staff,en:4,,2', outcome: 'updated', message: null },
    ]);
  });

  it('shows an empty text for a line past the end of the file', () => {
    expect(importReport('a', { applied: [], errors: [{ line: 9, message: 'm' }] })[0].text).toBe('');
  });
});
