import { ServiceFields, ServiceIconName, type AdminService } from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsOf, type Problems } from '../../lib/admin-form';
import { Button } from '../Button';
import { AdminField } from './AdminField';

interface Draft {
  letter: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  icon: ServiceIconName;
  requirementsId: string;
  requirementsEn: string;
  skills: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function draftOf(service: AdminService | null): Draft {
  return {
    letter: service?.letter ?? '',
    nameId: service?.name.id ?? '',
    nameEn: service?.name.en ?? '',
    descriptionId: service?.description.id ?? '',
    descriptionEn: service?.description.en ?? '',
    icon: service?.icon ?? 'info',
    requirementsId: service?.requirements.map((r) => r.id).join('\n') ?? '',
    requirementsEn: service?.requirements.map((r) => r.en).join('\n') ?? '',
    skills: service?.skills.join(', ') ?? '',
  };
}

/** The fields as the schema takes them; requirements pair the two languages line by line. */
function fieldsOf(draft: Draft) {
  const [ids, ens] = [lines(draft.requirementsId), lines(draft.requirementsEn)];
  return {
    letter: draft.letter.trim().toUpperCase(),
    name: { id: draft.nameId, en: draft.nameEn },
    description: { id: draft.descriptionId, en: draft.descriptionEn },
    icon: draft.icon,
    requirements: Array.from({ length: Math.max(ids.length, ens.length) }, (_, index) => ({
      id: ids[index] ?? '',
      en: ens[index] ?? '',
    })),
    skills: draft.skills
      .split(',')
      .map((skill) => skill.trim())
      .filter(Boolean),
  };
}

interface ServiceFormProps {
  /** The service edited, or null for a new one. */
  service: AdminService | null;
  busy: boolean;
  onSave: (fields: ServiceFields) => Promise<boolean>;
  onCancel: () => void;
}

/** A service's names, description, icon, requirements, ticket letter and required skills. */
export function ServiceForm({ service, busy, onSave, onCancel }: ServiceFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(service));
  const [problems, setProblems] = useState<Problems>({});
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ServiceFields.safeParse(fieldsOf(draft));
    if (!parsed.success) return setProblems(problemsOf(parsed.error.issues, 1));
    setProblems({});
    void onSave(parsed.data).then((saved) => saved && !service && setDraft(draftOf(null)));
  };
  const field = (id: keyof Draft, problem?: string, multiline = false, hint?: string) => (
    <AdminField
      id={`service-${id}`}
      label={t(`admin.services.${id}`)}
      value={String(draft[id])}
      onChange={(value) => set({ [id]: value })}
      problem={problem}
      multiline={multiline}
      {...(hint ? { hint } : {})}
    />
  );
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h3>{service ? t('admin.services.editHeading') : t('admin.services.newHeading')}</h3>
      {field('letter', problems.letter, false, t('admin.services.letterHint'))}
      {field('nameId', problems.name)}
      {field('nameEn', problems.name)}
      {field('descriptionId', problems.description)}
      {field('descriptionEn', problems.description)}
      <div className="field">
        <label htmlFor="service-icon">{t('admin.services.icon')}</label>
        <select
          id="service-icon"
          value={draft.icon}
          onChange={(event) => set({ icon: event.target.value as ServiceIconName })}
        >
          {ServiceIconName.options.map((icon) => (
            <option key={icon} value={icon}>
              {t(`admin.icon.${icon}`)}
            </option>
          ))}
        </select>
      </div>
      {field('requirementsId', problems.requirements, true, t('admin.services.linesHint'))}
      {field('requirementsEn', problems.requirements, true, t('admin.services.linesHint'))}
      {field('skills', problems.skills, false, t('admin.services.skillsHint'))}
      <div className="dialog-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {service ? t('admin.save') : t('admin.services.add')}
        </Button>
        {service && <Button onClick={onCancel}>{t('admin.services.cancelEdit')}</Button>}
      </div>
    </form>
  );
}
