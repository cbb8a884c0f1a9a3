import {
  CreatePersonBody,
  Role,
  UpdatePersonBody,
  restRoutes,
  type Person,
  type SkillChoice,
} from '@loket/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useConsole } from '../../hooks/useConsole';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { callRoute } from '../../lib/api';
import { errorCodeOf, type ConsoleErrorCode } from '../../lib/errors';
import { ChangeError } from './ChangedElsewhere';
import { fieldErrors, type FieldErrors } from './field-errors';
import { TextField } from './TextField';
import { useAdminList } from './useAdminList';

interface Draft {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  skills: string[];
}

const EMPTY: Draft = { username: '', displayName: '', role: 'agent', password: '', skills: [] };

/** Skills as checkboxes, grouped as the list gives them. */
function SkillBoxes({
  choices,
  chosen,
  onChange,
}: {
  choices: SkillChoice[];
  chosen: string[];
  onChange: (skills: string[]) => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <fieldset className="admin-skills">
      <legend>{t('admin.people.skills')}</legend>
      {choices.map((choice) => (
        <label key={choice.skill} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(choice.skill)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, choice.skill]
                  : chosen.filter((skill) => skill !== choice.skill),
              )
            }
          />
          {choice.name[language]}
        </label>
      ))}
    </fieldset>
  );
}

/** Name, role and skills of a person, for creating one or changing one. */
function PersonForm({
  draft,
  creating,
  choices,
  problems,
  pending,
  onChange,
  onSubmit,
  onCancel,
}: {
  draft: Draft;
  creating: boolean;
  choices: SkillChoice[];
  problems: FieldErrors;
  pending: boolean;
  onChange: (draft: Draft) => void;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="admin-form">
      {creating && (
        <TextField
          label={t('admin.people.username')}
          value={draft.username}
          autoComplete="off"
          onChange={(username) => onChange({ ...draft, username })}
          problem={problems.username}
        />
      )}
      <TextField
        label={t('admin.people.displayName')}
        value={draft.displayName}
        onChange={(displayName) => onChange({ ...draft, displayName })}
        problem={problems.displayName}
      />
      <div className="field">
        <label>
          {t('admin.people.role')}
          <select
            value={draft.role}
            onChange={(event) => onChange({ ...draft, role: event.target.value as Role })}
          >
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {t(`admin.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {creating && (
        <TextField
          label={t('admin.people.firstPassword')}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(password) => onChange({ ...draft, password })}
          problem={problems.password}
        />
      )}
      <SkillBoxes
        choices={choices}
        chosen={draft.skills}
        onChange={(skills) => onChange({ ...draft, skills })}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {creating ? t('admin.people.create') : t('admin.save')}
      </Button>
      {onCancel && <Button onClick={onCancel}>{t('admin.cancel')}</Button>}
    </form>
  );
}

/** One person's row: who, what they can serve now, and what can be done to them. */
function PersonRow({
  person,
  choices,
  onChanged,
}: {
  person: Person;
  choices: SkillChoice[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useConsole((state) => state.user?.id);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<FieldErrors>({});
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const [resetTo, setResetTo] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      setEditing(null);
      setResetTo(null);
      await onChanged();
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setPending(false);
    }
  };
  const save = () => {
    if (!editing) return;
    const body = {
      id: person.id,
      version: person.version,
      displayName: editing.displayName,
      role: editing.role,
      skills: editing.skills,
    };
    const found = fieldErrors(UpdatePersonBody, body);
    setProblems(found);
    if (Object.keys(found).length === 0)
      void act(() => callRoute(restRoutes.adminUpdatePerson, body));
  };
  const toggleActive = () => {
    const question = person.active
      ? 'admin.people.confirmDeactivate'
      : 'admin.people.confirmReactivate';
    if (!window.confirm(t(question, { name: person.displayName }))) return;
    void act(() =>
      callRoute(restRoutes.adminSetPersonActive, {
        id: person.id,
        version: person.version,
        active: !person.active,
      }),
    );
  };
  const reset = () => {
    if (resetTo === null) return;
    const found = fieldErrors(CreatePersonBody.shape.password, resetTo);
    setProblems(found.form ? { password: found.form } : {});
    if (found.form) return;
    void act(() =>
      callRoute(restRoutes.adminResetPassword, {
        id: person.id,
        version: person.version,
        password: resetTo,
      }),
    );
  };
  const serves = person.canServe.map((service) => service.name[language]).join(', ');
  return (
    <li className="admin-row">
      <h3>
        {person.displayName} <span>({person.username})</span>
      </h3>
      <p>
        {t(`admin.roles.${person.role}`)} ·{' '}
        {person.active ? t('admin.people.active') : t('admin.people.inactive')}
        {person.mustChangePassword && ` · ${t('admin.people.mustChange')}`}
        {person.inCall && ` · ${t('admin.people.inCall')}`}
      </p>
      <p>
        {serves
          ? t('admin.people.canServe', { services: serves })
          : t('admin.people.servesNothing')}
      </p>
      <ChangeError error={error} onReload={() => void onChanged()} />
      {editing ? (
        <PersonForm
          draft={editing}
          creating={false}
          choices={choices}
          problems={problems}
          pending={pending}
          onChange={setEditing}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="admin-actions">
          <Button
            aria-label={t('admin.people.editOf', { name: person.displayName })}
            onClick={() =>
              setEditing({
                username: person.username,
                displayName: person.displayName,
                role: person.role,
                password: '',
                skills: person.skills,
              })
            }
          >
            {t('admin.edit')}
          </Button>
          {person.id !== me && (
            <Button
              variant={person.active ? 'danger' : 'secondary'}
              aria-label={t(
                person.active ? 'admin.people.deactivateOf' : 'admin.people.reactivateOf',
                {
                  name: person.displayName,
                },
              )}
              disabled={pending}
              onClick={toggleActive}
            >
              {person.active ? t('admin.people.deactivate') : t('admin.people.reactivate')}
            </Button>
          )}
          <Button
            aria-label={t('admin.people.resetOf', { name: person.displayName })}
            onClick={() => setResetTo('')}
          >
            {t('admin.people.resetPassword')}
          </Button>
        </div>
      )}
      {resetTo !== null && (
        <form
          className="admin-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reset();
          }}
        >
          <TextField
            label={t('admin.people.newPasswordFor', { name: person.displayName })}
            type="password"
            autoComplete="new-password"
            value={resetTo}
            onChange={setResetTo}
            problem={problems.password}
          />
          <Button type="submit" variant="primary" disabled={pending}>
            {t('admin.people.resetPassword')}
          </Button>
          <Button onClick={() => setResetTo(null)}>{t('admin.cancel')}</Button>
        </form>
      )}
    </li>
  );
}

/** Officers, managers and administrators of the office: create, change, deactivate, reset. */
export function PeopleSection() {
  const { t } = useTranslation();
  const load = useCallback(() => callRoute(restRoutes.adminPeople, {}), []);
  const { data, error, reload } = useAdminList(load);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<FieldErrors>({});
  const [createError, setCreateError] = useState<ConsoleErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const create = async () => {
    const found = fieldErrors(CreatePersonBody, draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await callRoute(restRoutes.adminCreatePerson, draft);
      setDraft(EMPTY);
      setCreateError(null);
      await reload();
    } catch (caught) {
      const code = errorCodeOf(caught);
      if (code === 'DUPLICATE') setProblems({ username: 'admin.problems.username_taken' });
      else setCreateError(code);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {error && <p role="alert">{t(`errors.${error}`)}</p>}
      <ul className="admin-list">
        {data?.people.map((person) => (
          <PersonRow
            key={`${person.id}-${person.version}`}
            person={person}
            choices={data.skills}
            onChanged={reload}
          />
        ))}
      </ul>
      <h2>{t('admin.people.new')}</h2>
      <ChangeError error={createError} onReload={() => void reload()} />
      <PersonForm
        draft={draft}
        creating
        choices={data?.skills ?? []}
        problems={problems}
        pending={pending}
        onChange={setDraft}
        onSubmit={() => void create()}
      />
    </>
  );
}
