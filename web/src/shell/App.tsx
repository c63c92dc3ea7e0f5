import { useEffect, useRef, useState } from 'react';
import { Navigate, Outlet, Route, Routes, useOutletContext } from 'react-router';
import { DeskPage } from '../desk/DeskPage';
import { ConversationPage } from '../desk/ConversationPage';
import { WorkStream } from '../desk/WorkStream';
import { ConsoleHome } from '../incident-console/ConsoleHome';
import { IncidentPage } from '../incidents/IncidentPage';
import { IncidentsPage } from '../incidents/IncidentsPage';
import { t } from '../i18n';
import { JoinPage } from '../join/JoinPage';
import { LiveQueuePage } from '../live-queue/LiveQueuePage';
import { RulesPage } from '../rules/RulesPage';
import { EventFeedPage } from '../events/EventFeedPage';
import { AgentsPage } from '../agents/AgentsPage';
import { FlightsPage } from '../flights/FlightsPage';
import { PlanningPage } from '../planning/PlanningPage';
import { UnroutablePage } from '../unroutable/UnroutablePage';
import { AccountsPage } from '../admin/AccountsPage';
import { RosterImportPage } from '../admin/RosterImportPage';
import { ConversationDetailPage } from '../conversations/ConversationDetailPage';
import { ConversationsPage } from '../conversations/ConversationsPage';
import { RosterPage } from '../roster/RosterPage';
import type { ReactNode } from 'react';
import { Layout } from './Layout';
import { LoginForm } from './LoginForm';
import { NotFound } from './NotFound';
import { isManager, type SessionUser, useSession } from './session';

/** The screens behind a session: the log-in form in their place while there is none. */
function RequireSession({ user, ended }: { user: SessionUser | null; ended: boolean }) {
  if (!user) return <LoginForm notice={ended ? t.login.sessionEnded : null} />;
  return <Outlet context={user} />;
}

export const useUser = () => useOutletContext<SessionUser>();

/**
 * Agents' screens share one live work stream; managers get a pointer to their own console, or their
 * own screen for the same address (a conversation's page).
 */
function AgentOnly({ forManagers }: { forManagers?: ReactNode }) {
  const user = useUser();
  if (user.role !== 'agent') return forManagers && isManager(user) ? forManagers : <Message text={t.incidentConsole.notForManagers} />;
  return (
    <WorkStream agentId={user.id}>
      <Outlet context={user} />
    </WorkStream>
  );
}

function ManagerOnly() {
  const user = useUser();
  if (!isManager(user)) return <Message text={t.incidentConsole.notForAgents} />;
  return <Outlet context={user} />;
}

/** Rules, their simulation and agents are the admin's (the API refuses anyone else). */
function AdminOnly({ message }: { message: string }) {
  const user = useUser();
  if (user.role !== 'admin') return <Message text={message} />;
  return <Outlet context={user} />;
}

function Message({ text }: { text: string }) {
  return (
    <main id="main" className="narrow">
      <p>{text}</p>
    </main>
  );
}

function Home() {
  const user = useUser();
  return isManager(user) ? <ConsoleHome /> : <Navigate to="/desk" replace />;
}

/**
 * The console's routes. The service answers every one of these paths with index.html (and any other
 * path with the same page and status 404): keep src/console/console-paths.ts in step.
 */
export function App() {
  const session = useSession();
  const user = session.data?.user ?? null;
  const hadUser = useRef(false);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    if (user) hadUser.current = true;
    else if (hadUser.current && session.isFetched) setEnded(true);
    if (user) setEnded(false);
  }, [user, session.isFetched]);

  if (session.isPending) {
    return (
      <main id="main" className="narrow" aria-busy="true">
        <p>{t.loading}</p>
      </main>
    );
  }
  return (
    <Layout user={user}>
      {session.isError && <p role="status">{t.connectionLost}</p>}
      <Routes>
        <Route path="/join/:code" element={<JoinPage user={user} />} />
        <Route element={<RequireSession user={user} ended={ended} />}>
          <Route index element={<Home />} />
          <Route element={<AgentOnly />}>
            <Route path="desk" element={<DeskPage />} />
          </Route>
          <Route element={<AgentOnly forManagers={<ConversationDetailPage />} />}>
            <Route path="conversations/:id" element={<ConversationPage />} />
          </Route>
          <Route element={<ManagerOnly />}>
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="incidents/:id" element={<IncidentPage />} />
            <Route path="live-queue" element={<LiveQueuePage />} />
            <Route path="events" element={<EventFeedPage />} />
            <Route path="flights" element={<FlightsPage />} />
            <Route path="planning" element={<PlanningPage />} />
            <Route path="unroutable" element={<UnroutablePage />} />
            <Route element={<AdminOnly message={t.incidentConsole.adminOnly} />}>
              <Route path="rules" element={<RulesPage />} />
            </Route>
            <Route element={<AdminOnly message={t.incidentConsole.agentsAdminOnly} />}>
              <Route path="agents" element={<AgentsPage />} />
            </Route>
            <Route element={<AdminOnly message={t.incidentConsole.accountsAdminOnly} />}>
              <Route path="accounts" element={<AccountsPage />} />
              <Route path="roster-import" element={<RosterImportPage />} />
            </Route>
            <Route path="roster" element={<RosterPage />} />
            <Route path="conversations" element={<ConversationsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
