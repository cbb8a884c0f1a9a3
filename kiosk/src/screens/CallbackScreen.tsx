import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Heading } from '../components/Heading';
import { PhoneKeypad } from '../components/PhoneKeypad';
import { checkCallback, normalisePhone, type CallbackProblems } from '../lib/callback-form';
import { backToUnavailable, requestCallback } from '../store/callback';
import { useKiosk } from '../store/kiosk-store';

/** Longest number the field takes, spaces and dashes included. */
const MAX_PHONE_LENGTH = 20;

/**
 * The call-back form: a phone number (typed or tapped on the keypad) and the visitor's consent
 * to keep it. Problems are named beside their field once the visitor tries to send.
 */
export function CallbackScreen() {
  const { t } = useTranslation();
  const busy = useKiosk((state) => state.busy);
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const phoneRef = useRef<HTMLInputElement>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const keptDays = useKiosk((state) => state.office?.retention.callbackDays);
  const ids = {
    phone: useId(),
    hint: useId(),
    phoneError: useId(),
    consentError: useId(),
    kept: useId(),
  };
  const problems: CallbackProblems = tried ? checkCallback(phone, consent) : {};

  const type = (next: string) => setPhone(next.slice(0, MAX_PHONE_LENGTH));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const found = checkCallback(phone, consent);
    const normalised = normalisePhone(phone);
    if (found.phone || !normalised) phoneRef.current?.focus();
    else if (found.consent) consentRef.current?.focus();
    else void requestCallback(normalised);
  };

  return (
    <section className="screen screen--split" aria-busy={busy}>
      <form className="split" noValidate onSubmit={submit}>
        <div className="split__head">
          <Heading>{t('callback.title')}</Heading>
          <p className="lead">{t('callback.intro')}</p>
        </div>
        <div className="split__side">
          <div className="field">
            <label htmlFor={ids.phone} className="field__label">
              {t('callback.phone')}
            </label>
            <p id={ids.hint} className="subtle">
              {t('callback.phoneHint')}
            </p>
            <input
              ref={phoneRef}
              id={ids.phone}
              className="field__input"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              onChange={(event) => type(event.target.value)}
              aria-invalid={problems.phone !== undefined}
              aria-describedby={problems.phone ? `${ids.hint} ${ids.phoneError}` : ids.hint}
            />
            {problems.phone && (
              <p id={ids.phoneError} className="error">
                {problems.phone === 'missing'
                  ? t('callback.phoneMissing')
                  : t('callback.phoneInvalid')}
              </p>
            )}
          </div>
          <PhoneKeypad
            onKey={(key) => type(phone + key)}
            onDelete={() => type(phone.slice(0, -1))}
          />
        </div>
        <div className="split__actions">
          <div className="field">
            <label className="check">
              <input
                ref={consentRef}
                type="checkbox"
                className="check__box"
                checked={consent}
                onChange={(event) => setConsent(event.target.checked)}
                aria-invalid={problems.consent !== undefined}
                aria-describedby={
                  [problems.consent && ids.consentError, keptDays !== undefined && ids.kept]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              />
              <span>{t('callback.consent')}</span>
            </label>
            {keptDays !== undefined && (
              <p id={ids.kept} className="subtle">
                {t('callback.kept', { count: keptDays })}
              </p>
            )}
            {problems.consent && (
              <p id={ids.consentError} className="error">
                {t('callback.consentMissing')}
              </p>
            )}
          </div>
          <p role="status" className="subtle">
            {busy && t('callback.sending')}
          </p>
          <ErrorMessage />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={backToUnavailable}>
              {t('callback.back')}
            </button>
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('callback.send')}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
