import { faultyDevices, kioskCondition, type KioskStatus } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatClock } from '../../lib/format-clock';
import { DataTable, type RowAction } from '../DataTable';

/** What a manager can ask of one kiosk from its row. */
export type KioskAction = 'reload' | 'selfTest' | 'message' | 'close' | 'open';

interface KiosksTableProps {
  kiosks: readonly KioskStatus[];
  now: number;
  onAction: (action: KioskAction, kiosk: KioskStatus) => void;
}

/** How the kiosk is, in words: its condition, and for a faulty one which device and why. */
function ConditionCell({ kiosk, now }: { kiosk: KioskStatus; now: number }) {
  const { t } = useTranslation();
  const condition = kioskCondition(kiosk, now);
  const faults = condition === 'faulty' && kiosk.health ? faultyDevices(kiosk.health.devices) : [];
  return (
    <>
      <span className={`state-badge kiosk-${condition}`}>{t(`kioskCondition.${condition}`)}</span>
      {faults.length > 0 && kiosk.health && (
        <ul className="kiosk-faults">
          {faults.map((device) => (
            <li key={device}>
              {t(`kioskDevice.${device}`)}: {t(`deviceCheck.${kiosk.health!.devices[device]}`)}
            </li>
          ))}
        </ul>
      )}
      {kiosk.outOfService && condition !== 'closed' && (
        <span className="hint"> · {t('kioskCondition.closed')}</span>
      )}
    </>
  );
}

/**
 * Every kiosk of the office: how it is (online, in use, idle, faulty…), what it runs, its network
 * and when it was last used and seen, with what a manager can ask of it.
 */
export function KiosksTable({ kiosks, now, onAction }: KiosksTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const clock = (ms: number | null) =>
    ms === null ? (
      t('kiosks.never')
    ) : (
      <time dateTime={new Date(ms).toISOString()}>{formatClock(ms, language)}</time>
    );
  const actions = (kiosk: KioskStatus): RowAction[] => [
    { label: t('kioskAction.reload'), onClick: () => onAction('reload', kiosk) },
    { label: t('kioskAction.selfTest'), onClick: () => onAction('selfTest', kiosk) },
    { label: t('kioskAction.message'), onClick: () => onAction('message', kiosk) },
    kiosk.outOfService
      ? { label: t('kioskAction.open'), onClick: () => onAction('open', kiosk) }
      : {
          label: t('kioskAction.close'),
          variant: 'danger',
          onClick: () => onAction('close', kiosk),
        },
  ];
  return (
    <DataTable
      caption={t('kiosks.caption')}
      empty={t('kiosks.none')}
      rows={kiosks}
      rowKey={(kiosk) => kiosk.id}
      columns={[
        { header: t('kiosks.name'), cell: (kiosk) => kiosk.name, rowHeader: true },
        {
          header: t('kiosks.condition'),
          cell: (kiosk) => <ConditionCell kiosk={kiosk} now={now} />,
        },
        { header: t('kiosks.version'), cell: (kiosk) => kiosk.health?.version ?? '—' },
        {
          header: t('kiosks.roundTrip'),
          cell: (kiosk) =>
            kiosk.health?.roundTripMs == null
              ? '—'
              : t('kiosks.milliseconds', { count: kiosk.health.roundTripMs }),
          numeric: true,
        },
        {
          header: t('kiosks.lastVisit'),
          cell: (kiosk) => clock(kiosk.health?.lastVisitAt ?? null),
          numeric: true,
        },
        { header: t('kiosks.lastSeen'), cell: (kiosk) => clock(kiosk.lastSeenAt), numeric: true },
      ]}
      actions={actions}
    />
  );
}
