import { lazy, Suspense } from 'react';
import { LoadingScreen } from './components/LoadingScreen';
import { useCanonicalPath } from './hooks/useCanonicalPath';
import { useConsole } from './hooks/useConsole';
import { useRestoreSession } from './hooks/useRestoreSession';
import { requestedRoute, routeFor } from './lib/route';
import SignInPage from './pages/SignInPage';

const AgentPage = lazy(() => import('./pages/AgentPage'));
const ManagerPage = lazy(() => import('./pages/ManagerPage'));
const WallboardPage = lazy(() => import('./pages/WallboardPage'));

const PAGES = { agent: AgentPage, manager: ManagerPage, wallboard: WallboardPage };

/**
 * Picks the screen: sign-in until someone is signed in, then the one their role has (a manager
 * who opened the wallboard's address gets the wallboard).
 */
export function App() {
  useRestoreSession();
  const status = useConsole((state) => state.sessionStatus);
  const role = useConsole((state) => state.user?.role);
  const route = role
    ? routeFor(role, requestedRoute(window.location.pathname, import.meta.env.BASE_URL))
    : null;
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
