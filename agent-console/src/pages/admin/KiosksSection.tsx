import {
  EnrolKioskBody,
  managerContract,
  restRoutes,
  type AdminKiosk,
  type KioskPairingAnswer,
  type KioskStatus,
} from '@loket/shared';
import QRCode from 'qrcode';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useConsole } from '../../hooks/useConsole';
import { useManagerConnection } from '../../hooks/useManagerConnection';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { callRoute } from '../../lib/api';
import { listenTo } from '../../lib/commands';
import { managerSocket } from '../../lib/manager-socket';
import { errorCodeOf, type ConsoleErrorCode } from '../../lib/errors';
import { ChangeError } from './ChangedElsewhere';
import { fieldErrors, type FieldErrors } from './field-errors';
import { TextField } from './TextField';
import { useAdminList } from './useAdminList';

/** The kiosk's address with its one-time code, as the kiosk reads it from its address bar. */
export function pairingUrl(code: string): string {
  return `${window.location.origin}/kiosk/#pair=${code}`;
}

/** The code as staff read it off the screen: `ABCD-EFGH`. */
function shown(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A pairing code, its QR and until when it works. */
function PairingCard({ pairing }: { pairing: KioskPairingAnswer }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [qr, setQr] = useState<string | null>(null);
  const url = pairingUrl(pairing.code);
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 200 }).then(setQr);
  }, [url]);
  const until = new Date(pairing.expiresAt).toLocaleTimeString(
    language === 'id' ? 'id-ID' : 'en-GB',
    {
      hour: '2-digit',
      minute: '2-digit',
    },
  );
  return (
    <div className="pairing-card" role="status">
      <p>{t('admin.kiosks.pairingFor', { name: pairing.kiosk.name, until })}</p>
      <p className="pairing-code" aria-label={t('admin.kiosks.code')}>
        {shown(pairing.code)}
      </p>
      {qr && (
        <img
          src={qr}
          alt={t('admin.kiosks.qrAlt', { name: pairing.kiosk.name })}
          width={200}
          height={200}
        />
      )}
      <p>
        <code>{url}</code>
      </p>
    </div>
  );
}

function KioskRow({
  kiosk,
  onPairing,
  onChanged,
}: {
  kiosk: AdminKiosk;
  onPairing: (pairing: KioskPairingAnswer) => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [name, setName] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldErrors>({});
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setName(null);
      await onChanged();
    } catch (caught) {
      const code = errorCodeOf(caught);
      if (code === 'DUPLICATE') setProblems({ name: 'admin.problems.kiosk_name_taken' });
      else setError(code);
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name === null) return;
    const found = fieldErrors(EnrolKioskBody, { name });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void act(() =>
      callRoute(restRoutes.adminRenameKiosk, { id: kiosk.id, version: kiosk.version, name }),
    );
  };
  const revoke = () => {
    if (!window.confirm(t('admin.kiosks.confirmRevoke', { name: kiosk.name }))) return;
    void act(() =>
      callRoute(restRoutes.adminRevokeKiosk, { id: kiosk.id, version: kiosk.version }),
    );
  };
  const seen = kiosk.lastSeenAt
    ? new Date(kiosk.lastSeenAt).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB')
    : t('admin.kiosks.never');
  const state = kiosk.revokedAt
    ? t('admin.kiosks.revoked')
    : kiosk.inUse
      ? t('admin.kiosks.inUse')
      : kiosk.online
        ? t('admin.kiosks.online')
        : t('admin.kiosks.offline');
  return (
    <li className="admin-row">
      <h3>{kiosk.name}</h3>
      <p>
        {state} · {t('admin.kiosks.lastSeen', { at: seen })}
      </p>
      <ChangeError error={error} onReload={() => void onChanged()} />
      {name !== null ? (
        <form className="admin-form" noValidate onSubmit={rename}>
          <TextField
            label={t('admin.kiosks.newName', { name: kiosk.name })}
            value={name}
            onChange={setName}
            problem={problems.name}
          />
          <Button type="submit" variant="primary">
            {t('admin.save')}
          </Button>
          <Button onClick={() => setName(null)}>{t('admin.cancel')}</Button>
        </form>
      ) : (
        <div className="admin-actions">
          <Button
            aria-label={t('admin.kiosks.renameOf', { name: kiosk.name })}
            onClick={() => setName(kiosk.name)}
          >
            {t('admin.kiosks.rename')}
          </Button>
          <Button
            aria-label={t('admin.kiosks.pairOf', { name: kiosk.name })}
            onClick={() =>
              void act(async () =>
                onPairing(
                  await callRoute(restRoutes.adminKioskPairing, {
                    id: kiosk.id,
                    version: kiosk.version,
                  }),
                ),
              )
            }
          >
            {t('admin.kiosks.newCode')}
          </Button>
          {!kiosk.revokedAt && (
            <Button
              variant="danger"
              aria-label={t('admin.kiosks.revokeOf', { name: kiosk.name })}
              onClick={revoke}
            >
              {t('admin.kiosks.revoke')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** The kiosk as the live dashboard connection last heard of it, over what the list said. */
function withLiveState(kiosk: AdminKiosk, live: KioskStatus[] | null): AdminKiosk {
  const now = live?.find((one) => one.id === kiosk.id);
  if (!now) return kiosk;
  return { ...kiosk, online: now.online, inUse: now.inUse, lastSeenAt: now.lastSeenAt };
}

/** The office's kiosks: enrol one with a one-time code and QR, rename, revoke, see their state. */
export function KiosksSection() {
  const { t } = useTranslation();
  const load = useCallback(() => callRoute(restRoutes.adminKiosks, {}), []);
  const { data, error, reload } = useAdminList(load);
  // The dashboard's connection tells each kiosk's coming, going and use as it happens, and
  // another administrator's enrolling, renaming or revoking, after which the list is read again.
  useManagerConnection();
  useEffect(
    () =>
      listenTo(managerSocket(), managerContract.events, { 'kiosks:changed': () => void reload() }),
    [reload],
  );
  const live = useConsole((state) => state.kiosks);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<FieldErrors>({});
  const [enrolError, setEnrolError] = useState<ConsoleErrorCode | null>(null);
  const [pairing, setPairing] = useState<KioskPairingAnswer | null>(null);
  const enrol = async (event: FormEvent) => {
    event.preventDefault();
    const found = fieldErrors(EnrolKioskBody, { name });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      setPairing(await callRoute(restRoutes.adminEnrolKiosk, { name }));
      setName('');
      setEnrolError(null);
      await reload();
    } catch (caught) {
      const code = errorCodeOf(caught);
      if (code === 'DUPLICATE') setProblems({ name: 'admin.problems.kiosk_name_taken' });
      else setEnrolError(code);
    }
  };
  return (
    <>
      {error && <p role="alert">{t(`errors.${error}`)}</p>}
      <form className="admin-form" noValidate onSubmit={(event) => void enrol(event)}>
        <TextField
          label={t('admin.kiosks.name')}
          value={name}
          onChange={setName}
          problem={problems.name}
        />
        <Button type="submit" variant="primary">
          {t('admin.kiosks.enrol')}
        </Button>
      </form>
      <ChangeError error={enrolError} onReload={() => void reload()} />
      {pairing && <PairingCard pairing={pairing} />}
      <ul className="admin-list">
        {data?.kiosks.map((kiosk) => (
          <KioskRow
            key={`${kiosk.id}-${kiosk.version}`}
            kiosk={withLiveState(kiosk, live)}
            onPairing={setPairing}
            onChanged={reload}
          />
        ))}
      </ul>
    </>
  );
}
