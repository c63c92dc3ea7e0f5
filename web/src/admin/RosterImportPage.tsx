import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { importReport, type ImportResult, type ReportLine } from './import-report';

/** The CSV roster import (admins): a file chosen or pasted, then every line's outcome, the errors first. */
export function RosterImportPage() {
  const [csv, setCsv] = useState('');
  const [empty, setEmpty] = useState(false);
  const [report, setReport] = useState<{ result: ImportResult; lines: ReportLine[] } | null>(null);
  const upload = useMutation({
    mutationFn: async (text: string) =>
      unwrap(await api.POST('/api/v1/agents/import', { body: text, bodySerializer: (body: string) => body, headers: { 'Content-Type': 'text/csv' } })),
    onMutate: () => setReport(null),
    onSuccess: async (result, text) => {
      setReport({ result, lines: importReport(text, result) });
      await queryClient.invalidateQueries({ queryKey: ['agents'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setEmpty(!csv.trim());
    if (csv.trim()) upload.mutate(csv);
  }

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.rosterImport.title}</h1>
      <p className="hint">{t.rosterImport.intro}</p>
      <p className="hint">{t.rosterImport.format}</p>
      <form onSubmit={submit} className="stack" noValidate aria-label={t.rosterImport.title}>
        <Field
          label={t.rosterImport.file}
          className="narrow-field"
          render={(a11y) => <input {...a11y} type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />}
        />
        <Field
          label={t.rosterImport.csv}
          hint={t.rosterImport.csvHint}
          render={(a11y) => <textarea {...a11y} rows={8} className="code" value={csv} onChange={(e) => setCsv(e.target.value)} />}
        />
        <div className="actions">
          <button type="submit" disabled={upload.isPending}>
            {t.rosterImport.submit}
          </button>
        </div>
      </form>
      <Feedback
        error={empty ? t.rosterImport.empty : messageOf(upload.error)}
        notice={report ? t.rosterImport.done(report.result.created, report.result.updated, report.result.errors.length) : null}
      />
      {report && report.lines.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t.rosterImport.report}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rosterImport.line}</th>
                <th scope="col">{t.rosterImport.outcome}</th>
                <th scope="col">{t.rosterImport.message}</th>
                <th scope="col">{t.rosterImport.text}</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((line) => (
                <tr key={line.line} className={line.outcome === 'error' ? 'gap' : undefined}>
                  <th scope="row">{line.line}</th>
                  <td>{t.rosterImport.outcomes[line.outcome]}</td>
                  <td>{line.message ?? ''}</td>
                  <td className="code">{line.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
