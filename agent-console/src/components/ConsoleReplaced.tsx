import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { takeConsoleBack } from '../lib/agent-connection';
import { Button } from './Button';

/**
 * Said in place of the console when the officer opened it elsewhere: offers and calls go to that
 * one now, and this screen can take them back.
 */
export function ConsoleReplaced() {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The console the officer was working in just went away: say why where focus lands.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card console-replaced" aria-labelledby="console-replaced-title">
      <h2 id="console-replaced-title" ref={heading} tabIndex={-1}>
        {t('agent.replaced.title')}
      </h2>
      <p>{t('agent.replaced.body')}</p>
      <Button variant="primary" onClick={takeConsoleBack}>
        {t('agent.replaced.takeBack')}
      </Button>
    </section>
  );
}
