import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { signOut } from '../lib/session';
import { Button } from './Button';
import { LanguageSwitch } from './LanguageSwitch';
import { ManagerNav } from './ManagerNav';

interface AppHeaderProps {
  /** Signing out is not possible now (the agent is in a call). */
  signOutDisabled?: boolean;
}

/**
 * The bar on top of every page: product, a manager's pages, who is signed in, language, sign out.
 */
export function AppHeader({ signOutDisabled = false }: AppHeaderProps) {
  const { t } = useTranslation();
  const user = useConsole((state) => state.user);
  return (
    <header className="app-header">
      <span className="brand">{t('app.name')}</span>
      {user && user.role !== 'agent' && <ManagerNav />}
      {user && (
        <span className="signed-in-as">{t('header.signedInAs', { name: user.displayName })}</span>
      )}
      <LanguageSwitch />
      {user && (
        <Button disabled={signOutDisabled} onClick={() => void signOut()}>
          {t('header.signOut')}
        </Button>
      )}
    </header>
  );
}
