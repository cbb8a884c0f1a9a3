import { lazy, Suspense } from 'react';
import { LoadingScreen } from './components/LoadingScreen';
import { useCanonicalPath } from './hooks/useCanonicalPath';
import { useConsole } from './hooks/useConsole';
import { useRestoreSession } from './hooks/useRestoreSession';
import { routeFor } from './lib/route';
import SignInPage from './pages/SignInPage';

const AgentPage = lazy(() => import('./pages/AgentPage'));
const ManagerPage = lazy(() => import('./pages/ManagerPage'));

/** Picks the screen: sign-in until someone is signed in, then the one their role has. */
export function App() {
  useRestoreSession();
  const status = useConsole((state) => state.sessionStatus);
  const role = useConsole((state) => state.user?.role);
  const route = role ? routeFor(role) : null;
  useCanonicalPath(route);

  if (status === 'unknown') return <LoadingScreen />;
  if (!route) return <SignInPage />;
  return (
    <Suspense fallback={<LoadingScreen />}>
      {route === 'agent' ? <AgentPage /> : <ManagerPage />}
    </Suspense>
  );
}
