import { BrandColor, Channel, restRoutes, UpdateOfficeBody, type AdminOffice } from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminField } from '../../components/admin/AdminField';
import { AdminOutcome } from '../../components/admin/AdminOutcome';
import { Button } from '../../components/Button';
import { useAdminRecord, type AdminRecord } from '../../hooks/useAdminRecord';
import { problemsOf, type Problems } from '../../lib/admin-form';
import { callRoute } from '../../lib/api';
import { OfficeLogo } from './OfficeLogo';

const KINDS = Channel.shape.kind.options;
const readOffice = () => callRoute(restRoutes.adminOffice);

interface Draft {
  nameId: string;
  nameEn: string;
  timeZone: string;
  callbackDays: string;
  commentDays: string;
  summaryDays: string;
  channels: Channel[];
  brandColor: string;
  consentId: string;
  consentEn: string;
}

function draftOf(office: AdminOffice): Draft {
  return {
    nameId: office.name.id,
    nameEn: office.name.en,
    timeZone: office.timeZone,
    callbackDays: String(office.retention.callbackDays),
    commentDays: String(office.retention.commentDays),
    summaryDays: String(office.retention.summaryDays),
    channels: office.channels,
    brandColor: office.brandColor ?? '',
    consentId: office.consentText.id,
    consentEn: office.consentText.en,
  };
}

function bodyOf(draft: Draft, version: number) {
  return {
    version,
    name: { id: draft.nameId, en: draft.nameEn },
    timeZone: draft.timeZone.trim(),
    retention: {
      callbackDays: Number(draft.callbackDays),
      commentDays: Number(draft.commentDays),
      summaryDays: Number(draft.summaryDays),
    },
    channels: draft.channels,
    brandColor: draft.brandColor.trim() || null,
    consentText: { id: draft.consentId, en: draft.consentEn },
  };
}

const BLANK_CHANNEL: Channel = { kind: 'web', label: { id: '', en: '' }, value: '', url: '' };

/**
 * The office: its name, time zone, its logo and colour on the kiosk's attract screen, how long it
 * keeps personal data and its own words on the consent screen, and the other channels kiosks show
 * as QR codes when nobody can serve.
 */
export function OfficeSection() {
  const record = useAdminRecord(readOffice);
  if (!record.data) {
    return <AdminOutcome saved={false} error={record.error} onReload={record.reload} />;
  }
  // A new version (saved, or read again) starts the form from what the server holds.
  return <OfficeForm key={record.data.version} office={record.data} record={record} />;
}

function OfficeForm({ office, record }: { office: AdminOffice; record: AdminRecord<AdminOffice> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(office));
  const [problems, setProblems] = useState<Problems>({});
  const { version } = office;
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const setChannel = (index: number, change: Partial<Channel>) =>
    set({
      channels: draft.channels.map((channel, at) =>
        at === index ? { ...channel, ...change } : channel,
      ),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UpdateOfficeBody.safeParse(bodyOf(draft, version));
    if (!parsed.success) return setProblems(problemsOf(parsed.error.issues, 4));
    setProblems({});
    void record.save(() => callRoute(restRoutes.updateOffice, parsed.data));
  };
  const problem = (field: string) => problems[field];
  const previewable = BrandColor.safeParse(draft.brandColor.trim()).success;
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-busy={record.busy}>
      <fieldset className="choices">
        <legend>{t('admin.office.identity')}</legend>
        <AdminField
          id="office-name-id"
          label={t('admin.office.nameId')}
          value={draft.nameId}
          onChange={(nameId) => set({ nameId })}
          problem={problem('name.id')}
        />
        <AdminField
          id="office-name-en"
          label={t('admin.office.nameEn')}
          value={draft.nameEn}
          onChange={(nameEn) => set({ nameEn })}
          problem={problem('name.en')}
        />
        <AdminField
          id="office-time-zone"
          label={t('admin.office.timeZone')}
          hint={t('admin.office.timeZoneHint')}
          value={draft.timeZone}
          onChange={(timeZone) => set({ timeZone })}
          problem={problem('timeZone')}
        />
      </fieldset>
      <fieldset className="choices">
        <legend>{t('admin.office.look')}</legend>
        <OfficeLogo office={office} record={record} />
        <AdminField
          id="office-brand-color"
          label={t('admin.office.brandColor')}
          hint={t('admin.office.brandColorHint')}
          value={draft.brandColor}
          onChange={(brandColor) => set({ brandColor })}
          problem={problem('brandColor')}
        />
        {previewable && (
          <p className="admin-brand-preview" style={{ background: draft.brandColor.trim() }}>
            {t('admin.office.brandPreview')}
          </p>
        )}
      </fieldset>
      <fieldset className="choices">
        <legend>{t('admin.office.retention')}</legend>
        {(['callbackDays', 'commentDays', 'summaryDays'] as const).map((field) => (
          <AdminField
            key={field}
            id={`office-${field}`}
            type="number"
            label={t(`admin.office.${field}`)}
            value={draft[field]}
            onChange={(value) => set({ [field]: value })}
            problem={problem(`retention.${field}`) && 'days'}
          />
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>{t('admin.office.consent')}</legend>
        <p className="field-hint">
          {t('admin.office.consentHint', {
            callbackDays: office.retention.callbackDays,
            commentDays: office.retention.commentDays,
            summaryDays: office.retention.summaryDays,
          })}
        </p>
        <AdminField
          id="office-consent-id"
          label={t('admin.office.consentId')}
          multiline
          value={draft.consentId}
          onChange={(consentId) => set({ consentId })}
          problem={problem('consentText.id') && 'invalid'}
        />
        <AdminField
          id="office-consent-en"
          label={t('admin.office.consentEn')}
          multiline
          value={draft.consentEn}
          onChange={(consentEn) => set({ consentEn })}
          problem={problem('consentText.en') && 'invalid'}
        />
      </fieldset>
      <fieldset className="choices">
        <legend>{t('admin.office.channels')}</legend>
        {draft.channels.map((channel, index) => (
          <fieldset key={index} className="admin-channel">
            <legend>{t('admin.office.channel', { number: index + 1 })}</legend>
            <div className="field">
              <label htmlFor={`channel-${index}-kind`}>{t('admin.office.kind')}</label>
              <select
                id={`channel-${index}-kind`}
                value={channel.kind}
                onChange={(event) =>
                  setChannel(index, { kind: event.target.value as Channel['kind'] })
                }
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`admin.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <AdminField
              id={`channel-${index}-label-id`}
              label={t('admin.office.labelId')}
              value={channel.label.id}
              onChange={(id) => setChannel(index, { label: { ...channel.label, id } })}
              problem={problem(`channels.${index}.label.id`)}
            />
            <AdminField
              id={`channel-${index}-label-en`}
              label={t('admin.office.labelEn')}
              value={channel.label.en}
              onChange={(en) => setChannel(index, { label: { ...channel.label, en } })}
              problem={problem(`channels.${index}.label.en`)}
            />
            <AdminField
              id={`channel-${index}-value`}
              label={t('admin.office.value')}
              value={channel.value}
              onChange={(value) => setChannel(index, { value })}
              problem={problem(`channels.${index}.value`) && 'required'}
            />
            <AdminField
              id={`channel-${index}-url`}
              label={t('admin.office.url')}
              hint={t('admin.office.urlHint')}
              value={channel.url}
              onChange={(url) => setChannel(index, { url })}
              problem={problem(`channels.${index}.url`) && 'required'}
            />
            <Button
              variant="danger"
              onClick={() => set({ channels: draft.channels.filter((_, at) => at !== index) })}
            >
              {t('admin.office.removeChannel', { number: index + 1 })}
            </Button>
          </fieldset>
        ))}
        <Button onClick={() => set({ channels: [...draft.channels, BLANK_CHANNEL] })}>
          {t('admin.office.addChannel')}
        </Button>
      </fieldset>
      <Button type="submit" variant="primary" disabled={record.busy}>
        {t('admin.save')}
      </Button>
      <AdminOutcome saved={record.saved} error={record.error} onReload={record.reload} />
    </form>
  );
}
