import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useErrorText } from '../../hooks/useErrorText';
import { managerCommand } from '../../lib/manager-commands';
import { noticeShown } from '../../store/actions';
import { Button } from '../Button';
import { BilingualMessageFields } from './BilingualMessageFields';

/** A message for every kiosk of the office, written in both languages the kiosk speaks. */
export function KioskMessageForm() {
  const { t } = useTranslation();
  const command = useCommand();
  const [text, setText] = useState({ id: '', en: '' });
  const [missing, setMissing] = useState(false);
  const message = useErrorText(missing ? 'messageMissing' : null, command.error);
  const headingId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (command.pending) return;
    const trimmed = { id: text.id.trim(), en: text.en.trim() };
    if (!trimmed.id || !trimmed.en) return setMissing(true);
    setMissing(false);
    if (await command.run(() => managerCommand('kiosks:message', { text: trimmed }))) {
      setText({ id: '', en: '' });
      noticeShown('kiosksMessaged');
    }
  };

  return (
    <section className="card kiosk-message" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('kioskMessage.heading')}</h2>
      <p className="hint">{t('kioskMessage.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <BilingualMessageFields
          text={text}
          onChange={setText}
          missing={missing}
          describedBy={message ? errorId : undefined}
        />
        <div id={errorId} role="alert" className="message message-error">
          {message}
        </div>
        <Button
          type="submit"
          variant="primary"
          disabled={command.pending}
          aria-busy={command.pending || undefined}
        >
          {t('kioskMessage.send')}
        </Button>
      </form>
    </section>
  );
}
