import type { HeldCallback } from '@loket/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateTime } from '../../lib/format-figures';
import { managerCommand } from '../../lib/manager-commands';
import { noticeShown } from '../../store/actions';
import { Button } from '../Button';
import { FormDialog } from '../FormDialog';

/**
 * For administrators: a person asks what the office holds about them, or to be forgotten (UU
 * 27/2022). Looks up their call-back requests by phone number and erases the number from all of
 * them, after asking.
 */
export function PersonalDataForm() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const find = useCommand();
  const erase = useCommand();
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<{ phone: string; callbacks: HeldCallback[] } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const message = useErrorText(null, find.error);
  const ids = { heading: useId(), phone: useId(), error: useId(), results: useId() };
  // Nothing to fill in: the dialog puts focus on its first button.
  const noField = useRef<HTMLElement>(null);

  const search = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (find.pending) return;
    let answer: HeldCallback[] = [];
    const looked = phone.trim();
    const ok = await find.run(async () => {
      answer = (await managerCommand('privacy:find', { phone: looked })).callbacks;
    });
    setFound(ok ? { phone: looked, callbacks: answer } : null);
  };

  const confirmErase = async () => {
    if (!found) return;
    if (!(await erase.run(() => managerCommand('privacy:erase', { phone: found.phone })))) return;
    setConfirming(false);
    setFound({ phone: found.phone, callbacks: [] });
    noticeShown('personalDataErased');
  };

  const held = found?.callbacks.filter((callback) => callback.erasedAt === null) ?? [];
  return (
    <section className="card personal-data" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('personalData.heading')}</h2>
      <p className="hint">{t('personalData.intro')}</p>
      <form noValidate onSubmit={(event) => void search(event)}>
        <label htmlFor={ids.phone}>{t('personalData.phone')}</label>
        <input
          id={ids.phone}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          aria-invalid={find.error === 'BAD_REQUEST' || undefined}
          aria-describedby={message ? ids.error : undefined}
        />
        <div id={ids.error} role="alert" className="message message-error">
          {message}
        </div>
        <Button
          type="submit"
          variant="primary"
          disabled={find.pending}
          aria-busy={find.pending || undefined}
        >
          {t('personalData.find')}
        </Button>
      </form>
      {found && (
        <div id={ids.results} role="status">
          {held.length === 0 ? (
            <p>{t('personalData.none', { phone: found.phone })}</p>
          ) : (
            <>
              <p>{t('personalData.held', { count: held.length, phone: found.phone })}</p>
              <ul>
                {held.map((callback) => (
                  <li key={callback.id}>
                    {t(`personalData.status.${callback.status}`, {
                      at: formatDateTime(callback.createdAt, language),
                    })}
                  </li>
                ))}
              </ul>
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {t('personalData.erase')}
              </Button>
            </>
          )}
        </div>
      )}
      {confirming && found && (
        <FormDialog
          title={t('personalData.confirmTitle')}
          description={t('personalData.confirmText', { count: held.length, phone: found.phone })}
          confirmLabel={t('personalData.confirm')}
          danger
          pending={erase.pending}
          message={erase.error ? t(`errors.${erase.error}`) : null}
          initialFocus={noField}
          onConfirm={() => void confirmErase()}
          onCancel={() => setConfirming(false)}
        >
          {null}
        </FormDialog>
      )}
    </section>
  );
}
