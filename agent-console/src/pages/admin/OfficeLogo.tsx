import { LOGO_MAX_BYTES, restRoutes, type AdminOffice } from '@loket/shared';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import type { AdminRecord } from '../../hooks/useAdminRecord';
import { callRoute } from '../../lib/api';
import { errorCodeOf, type ConsoleErrorCode } from '../../lib/errors';

/** A file's bytes as base64, as the logo route takes them. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * The office's logo on the kiosk's attract screen: uploaded as soon as a file is chosen, or
 * removed. Whether it is an image is the server's call (it reads the bytes); a file plainly too
 * large is refused here without sending it.
 */
export function OfficeLogo({
  office,
  record,
}: {
  office: AdminOffice;
  record: AdminRecord<AdminOffice>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ConsoleErrorCode | null>(null);
  const change = async (image: string | null) => {
    setProblem(null);
    try {
      const changed = await callRoute(restRoutes.setOfficeLogo, {
        version: office.version,
        image,
      });
      await record.save(() => Promise.resolve(changed));
    } catch (failure) {
      setProblem(errorCodeOf(failure));
    }
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return setProblem('TOO_LARGE');
    void base64Of(file).then(change, () => setProblem('BAD_REQUEST'));
  };
  return (
    <div className="field">
      <label htmlFor="office-logo">{t('admin.office.logo')}</label>
      <p id="office-logo-hint" className="field-hint">
        {t('admin.office.logoHint')}
      </p>
      {office.logoUrl ? (
        <img className="admin-logo" src={office.logoUrl} alt={t('admin.office.logoCurrent')} />
      ) : (
        <p>{t('admin.office.logoNone')}</p>
      )}
      <input
        id="office-logo"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={problem ? 'office-logo-hint office-logo-problem' : 'office-logo-hint'}
        aria-invalid={problem ? true : undefined}
        onChange={choose}
      />
      {problem && (
        <p id="office-logo-problem" className="field-problem" role="alert">
          {problem === 'TOO_LARGE' ? t('admin.office.logoTooLarge') : t(`errors.${problem}`)}
        </p>
      )}
      {problem === 'CHANGED_ELSEWHERE' && (
        <Button onClick={record.reload}>{t('admin.reload')}</Button>
      )}
      {office.logoUrl && (
        <Button variant="danger" onClick={() => void change(null)}>
          {t('admin.office.removeLogo')}
        </Button>
      )}
    </div>
  );
}
