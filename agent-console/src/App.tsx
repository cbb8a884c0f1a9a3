import { lazy, Suspense } from 'react';
import { LoadingScreen } from './components/LoadingScreen';
import { useCanonicalPath } from './hooks/useCanonicalPath';
import { useConsole } from './hooks/useConsole';
import { usePath } from './hooks/usePath';
import { useRestoreSession } from './hooks/useRestoreSession';
import { routeFor } from './lib/route';
import SignInPage from './pages/SignInPage';

const AgentPage = lazy(() => import('./pages/AgentPage'));
const ManagerPage = lazy(() => import('./pages/ManagerPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const WallboardPage = lazy(() => import('./pages/WallboardPage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));

const PAGES = {
  agent: AgentPage,
  manager: ManagerPage,
  reports: ReportsPage,
  audit: AuditPage,
  wallboard: WallboardPage,
  admin: AdminPage,
};

/**
 * Picks the screen: sign-in until someone is signed in, then the one their role has at the
 * address they opened (a manager gets the reports or the wallboard at theirs).
 */
export function App() {
  useRestoreSession();
  const status = useConsole((state) => state.sessionStatus);
  const role = useConsole((state) => state.user?.role);
  const path = usePath();
  const route = role ? routeFor(role, path) : null;
  useCanonicalPath(route);

  if (status === 'unknown') return <LoadingScreen />;
  if (!route) return <SignInPage />;
  const Page = PAGES[route];
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Page />
    </Suspense>
  );
}
