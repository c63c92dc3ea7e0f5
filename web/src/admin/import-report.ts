import type { Schemas } from '../api/client';

/** Pure logic of the roster import's report: every data line of the file with what became of it. */

export type ImportResult = Schemas['ImportAgentsResultDto'];

export interface ReportLine {
  line: number;
  /** The line as it was in the file (the first line of a record that spans several). */
  text: string;
  outcome: 'created' | 'updated' | 'error';
  message: string | null;
}

/** The file's physical lines, 1-based as the service counts them (a leading byte-order mark ignored). */
export function fileLines(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/** The errors first (what needs fixing), then what was applied, each in file order. */
export function importReport(csv: string, result: Pick<ImportResult, 'applied' | 'errors'>): ReportLine[] {
  const lines = fileLines(csv);
  const text = (line: number) => lines[line - 1] ?? '';
  const errors = result.errors.map((error): ReportLine => ({ line: error.line, text: text(error.line), outcome: 'error', message: error.message }));
  const applied = result.applied.map((row): ReportLine => ({ line: row.line, text: text(row.line), outcome: row.outcome, message: null }));
  const byLine = (a: ReportLine, b: ReportLine) => a.line - b.line;
  return [...errors.sort(byLine), ...applied.sort(byLine)];
}
