import {
  QUICK_REPLIES_MAX,
  QuickRepliesRecord,
  restRoutes,
  type QuickReplies,
} from '@loket/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminOutcome } from '../../components/admin/AdminOutcome';
import { Button } from '../../components/Button';
import { useAdminRecord } from '../../hooks/useAdminRecord';
import { callRoute } from '../../lib/api';
import { ListField } from './ListField';
import { listProblems, type ListProblems } from './list-problems';
import { moved } from './move';

const readQuickReplies = () => callRoute(restRoutes.quickReplies);

type Reply = QuickReplies['replies'][number];

/** The chat replies officers send with one tap, each in both languages: add, edit, reorder, remove. */
export function QuickRepliesSection() {
  const { t } = useTranslation();
  const record = useAdminRecord(readQuickReplies);
  // The list as read until the administrator changes it; saved, it is read again.
  const [edited, setEdited] = useState<Reply[] | null>(null);
  const [problems, setProblems] = useState<ListProblems>({});
  const rows = edited ?? record.data?.replies ?? [];
  const setRows = (next: (list: Reply[]) => Reply[]) => setEdited(next(rows));

  const change = (index: number, patch: Partial<Reply>) =>
    setRows((list) => list.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      // The version read: a save over someone else's is refused, and the page offers to reload.
      version: record.data?.version ?? 1,
      replies: rows.map((row) => ({ id: row.id.trim(), en: row.en.trim() })),
    };
    const found = listProblems(QuickRepliesRecord, body, (rest) => String(rest[0]));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (await record.save(() => callRoute(restRoutes.setQuickReplies, body))) setEdited(null);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <table className="data-table replies-table">
        <caption>{t('admin.replies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.replies.textId')}</th>
            <th scope="col">{t('admin.replies.textEn')}</th>
            <th scope="col">{t('admin.replies.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <tr key={index}>
                <td>
                  <ListField
                    label={t('admin.replies.textIdOf', { n })}
                    value={row.id}
                    problem={problems[`${index}.id`]}
                    onChange={(id) => change(index, { id })}
                  />
                </td>
                <td>
                  <ListField
                    label={t('admin.replies.textEnOf', { n })}
                    value={row.en}
                    problem={problems[`${index}.en`]}
                    onChange={(en) => change(index, { en })}
                  />
                </td>
                <td className="admin-actions">
                  {index > 0 && (
                    <Button onClick={() => setRows((list) => moved(list, index, -1))}>
                      {t('admin.replies.up', { n })}
                    </Button>
                  )}
                  {index < rows.length - 1 && (
                    <Button onClick={() => setRows((list) => moved(list, index, 1))}>
                      {t('admin.replies.down', { n })}
                    </Button>
                  )}
                  <Button
                    variant="danger"
                    onClick={() => setRows((list) => list.filter((_, at) => at !== index))}
                  >
                    {t('admin.replies.remove', { n })}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="admin-actions">
        <Button
          onClick={() => setRows((list) => [...list, { id: '', en: '' }])}
          disabled={rows.length >= QUICK_REPLIES_MAX}
        >
          {t('admin.replies.add')}
        </Button>
        <Button type="submit" variant="primary" disabled={record.busy}>
          {t('admin.replies.save')}
        </Button>
      </div>
      <AdminOutcome saved={record.saved} error={record.error} onReload={record.reload} />
    </form>
  );
}
