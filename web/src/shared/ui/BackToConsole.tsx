import { Link } from 'react-router';
import { t } from '../../i18n';

/** The way back to the incident console's home, at the top of each of its screens. */
export function BackToConsole({ to = '/', label = t.incidentConsole.back }: { to?: string; label?: string }) {
  return (
    <p>
      <Link to={to}>{label}</Link>
    </p>
  );
}
