import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { Heading } from '../components/Heading';
import { SkmSurvey } from '../components/SkmSurvey';
import { useCountdown } from '../hooks/useCountdown';
import { finishVisit, sendSurvey, unanswered } from '../store/journey';
import { useKiosk } from '../store/kiosk-store';

const SummaryLink = lazy(() => import('../components/SummaryLink'));

/** Seconds before the kiosk is ready for the next visitor; each answer or key starts them again. */
export const THANKS_SECONDS = 30;

/**
 * A thank-you, a QR code to the visit's summary to take home, the satisfaction survey about the
 * visit (optional), then back to the start; the visitor may go at once. An unanswered survey never holds up the next visitor.
 */
export function ThanksScreen() {
  const { t } = useTranslation();
  const [activity, setActivity] = useState(0);
  const [sent, setSent] = useState(false);
  const left = useCountdown(THANKS_SECONDS, finishVisit, activity);
  const surveyTicketId = useKiosk((state) => state.surveyTicketId);
  const shortForm = useKiosk((state) => state.office?.surveyElements ?? []);
  const busy = useKiosk((state) => state.busy);
  const summaryToken = useKiosk((state) => state.summaryToken);
  const send = async (answers: Parameters<typeof sendSurvey>[0]) => {
    if (await sendSurvey(answers)) setSent(true);
    else if (unanswered(answers)) finishVisit();
  };
  const head = (
    <>
      <Heading>{t('thanks.title')}</Heading>
      <p className="lead">{t('thanks.body')}</p>
    </>
  );
  const countdown = <p className="countdown">{t('thanks.countdown', { count: left })}</p>;
  // Under the survey's actions: on a tall screen in large text, the survey's actions come first.
  const foot = (
    <>
      {summaryToken && (
        <Suspense fallback={null}>
          <SummaryLink token={summaryToken} />
        </Suspense>
      )}
      <ErrorMessage />
      {countdown}
    </>
  );
  if (surveyTicketId && !sent)
    return (
      <section className="screen screen--split">
        <SkmSurvey
          shortForm={shortForm}
          busy={busy}
          onSend={(answers) => void send(answers)}
          onSkip={finishVisit}
          onActivity={() => setActivity((n) => n + 1)}
          head={head}
          foot={foot}
          countdown={countdown}
        />
      </section>
    );
  return (
    <section className="screen">
      {head}
      {sent && (
        <p role="status" className="lead notice">
          {t('survey.thanks')}
        </p>
      )}
      {foot}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={finishVisit}>
          {t('thanks.finish')}
        </button>
      </div>
    </section>
  );
}
