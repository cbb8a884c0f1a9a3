import { DISPOSITIONS_MAX, DispositionsBody, restRoutes, type Disposition } from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminOutcome } from '../../components/admin/AdminOutcome';
import { Button } from '../../components/Button';
import { useAdminRecord } from '../../hooks/useAdminRecord';
import { callRoute } from '../../lib/api';
import { ListField } from './ListField';
import { listProblems, type ListProblems } from './list-problems';
import { moved } from './move';

const readDispositions = () => callRoute(restRoutes.dispositions);

/** A row being edited; `saved` rows keep their id, which calls refer to. */
interface Row extends Disposition {
  saved: boolean;
}

const rowsOf = (body: DispositionsBody): Row[] =>
  body.dispositions.map((d) => ({ ...d, saved: true }));

const fieldOf = (rest: PropertyKey[]) => (rest[0] === 'label' ? String(rest[1]) : 'code');

/**
 * The outcomes officers pick at wrap-up: add, rename, reorder, retire. An outcome visits were
 * closed with is retired, not removed (the server refuses with IN_USE), so reports still name it.
 */
export function DispositionsSection() {
  const { t } = useTranslation();
  const record = useAdminRecord(readDispositions);
  // The list as read until the administrator changes it; saved, it is read again.
  const [edited, setEdited] = useState<Row[] | null>(null);
  const [problems, setProblems] = useState<ListProblems>({});
  const rows = edited ?? (record.data ? rowsOf(record.data) : []);
  const setRows = (next: (list: Row[]) => Row[]) => setEdited(next(rows));

  const change = (index: number, patch: Partial<Row>) =>
    setRows((list) => list.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const add = () =>
    setRows((list) => [...list, { id: '', label: { id: '', en: '' }, saved: false }]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      // The version read: a save over someone else's is refused, and the page offers to reload.
      version: record.data?.version ?? 1,
      dispositions: rows.map(({ id, label, retired }) => ({
        id: id.trim(),
        label: { id: label.id.trim(), en: label.en.trim() },
        ...(retired && { retired: true }),
      })),
    };
    const found = listProblems(DispositionsBody, body, fieldOf);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (await record.save(() => callRoute(restRoutes.setDispositions, body))) setEdited(null);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <table className="data-table">
        <caption>{t('admin.outcomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.outcomes.code')}</th>
            <th scope="col">{t('admin.outcomes.nameId')}</th>
            <th scope="col">{t('admin.outcomes.nameEn')}</th>
            <th scope="col">{t('admin.outcomes.state')}</th>
            <th scope="col">{t('admin.outcomes.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = index + 1;
            const name = row.label.id || t('admin.outcomes.numbered', { n });
            return (
              <tr key={index}>
                <td>
                  <ListField
                    label={t('admin.outcomes.codeOf', { n })}
                    value={row.id}
                    readOnly={row.saved}
                    problem={problems[`${index}.code`]}
                    onChange={(id) => change(index, { id })}
                  />
                </td>
                <td>
                  <ListField
                    label={t('admin.outcomes.nameIdOf', { n })}
                    value={row.label.id}
                    problem={problems[`${index}.id`]}
                    onChange={(id) => change(index, { label: { ...row.label, id } })}
                  />
                </td>
                <td>
                  <ListField
                    label={t('admin.outcomes.nameEnOf', { n })}
                    value={row.label.en}
                    problem={problems[`${index}.en`]}
                    onChange={(en) => change(index, { label: { ...row.label, en } })}
                  />
                </td>
                <td>{row.retired ? t('admin.outcomes.retired') : t('admin.outcomes.offered')}</td>
                <td className="admin-actions">
                  {index > 0 && (
                    <Button onClick={() => setRows((list) => moved(list, index, -1))}>
                      {t('admin.outcomes.up', { name })}
                    </Button>
                  )}
                  {index < rows.length - 1 && (
                    <Button onClick={() => setRows((list) => moved(list, index, 1))}>
                      {t('admin.outcomes.down', { name })}
                    </Button>
                  )}
                  <Button onClick={() => change(index, { retired: !row.retired })}>
                    {row.retired
                      ? t('admin.outcomes.offer', { name })
                      : t('admin.outcomes.retire', { name })}
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => setRows((list) => list.filter((_, at) => at !== index))}
                  >
                    {t('admin.outcomes.remove', { name })}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('admin.outcomes.hint')}</p>
      {problems.list && (
        <p className="field-problem" role="alert">
          {t(problems.list, { defaultValue: t('admin.problems.invalid') })}
        </p>
      )}
      <div className="admin-actions">
        <Button onClick={add} disabled={rows.length >= DISPOSITIONS_MAX}>
          {t('admin.outcomes.add')}
        </Button>
        <Button type="submit" variant="primary" disabled={record.busy}>
          {t('admin.outcomes.save')}
        </Button>
      </div>
      <AdminOutcome saved={record.saved} error={record.error} onReload={record.reload} />
    </form>
  );
}
