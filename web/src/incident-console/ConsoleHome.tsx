import { Link } from 'react-router';
import { t } from '../i18n';

const LINKS = [
  ['/incidents', t.incidentConsole.links.incidents],
  ['/live-queue', t.incidentConsole.links.liveQueue],
  ['/roster', t.incidentConsole.links.roster],
  ['/agents', t.incidentConsole.links.agents],
  ['/conversations', t.incidentConsole.links.conversations],
  ['/rules', t.incidentConsole.links.rules],
  ['/events', t.incidentConsole.links.events],
  ['/flights', t.incidentConsole.links.flights],
  ['/planning', t.incidentConsole.links.planning],
  ['/unroutable', t.incidentConsole.links.unroutable],
  ['/accounts', t.incidentConsole.links.accounts],
  ['/roster-import', t.incidentConsole.links.rosterImport],
] as const;

/** The incident managers' and admins' home: links to their screens. */
export function ConsoleHome() {
  return (
    <main id="main">
      <h1>{t.incidentConsole.title}</h1>
      <p>{t.incidentConsole.intro}</p>
      <nav aria-label={t.incidentConsole.nav}>
        <ul className="link-grid">
          {LINKS.map(([to, label]) => (
            <li key={to}>
              <Link to={to}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
