import { restRoutes, type AdminService, type ServiceFields } from '@loket/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminOutcome } from '../../components/admin/AdminOutcome';
import { RetireServiceDialog } from '../../components/admin/RetireServiceDialog';
import { ServiceForm } from '../../components/admin/ServiceForm';
import { Button } from '../../components/Button';
import { useAdminRecord } from '../../hooks/useAdminRecord';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { callRoute } from '../../lib/api';

const readServices = () => callRoute(restRoutes.adminServices);

/**
 * The office's services: add, edit, reorder and retire them. A retired service stays in the list
 * (tickets refer to it); it takes no new tickets and the waiting ones are still served.
 */
export function ServicesSection() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const record = useAdminRecord(readServices);
  const [editing, setEditing] = useState<AdminService | null>(null);
  const [retiring, setRetiring] = useState<AdminService | null>(null);
  const services = record.data?.services ?? [];
  const live = services.filter((service) => service.active);

  const saveOne = (change: () => Promise<AdminService>) =>
    record.save(async () => {
      await change();
      return callRoute(restRoutes.adminServices);
    });
  const save = async (fields: ServiceFields) => {
    const saved = await saveOne(() =>
      editing
        ? callRoute(restRoutes.updateService, {
            ...fields,
            id: editing.id,
            version: editing.version,
          })
        : callRoute(restRoutes.createService, fields),
    );
    if (saved) setEditing(null);
    return saved;
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = live.map((service) => service.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void record.save(() => callRoute(restRoutes.reorderServices, { ids }));
  };
  const retire = (service: AdminService) => {
    setRetiring(null);
    void saveOne(() =>
      callRoute(restRoutes.retireService, { id: service.id, version: service.version }),
    );
  };

  return (
    <>
      <table className="data-table">
        <caption>{t('admin.services.caption', { count: live.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.services.letter')}</th>
            <th scope="col">{t('admin.services.name')}</th>
            <th scope="col">{t('admin.services.waiting')}</th>
            <th scope="col">{t('admin.services.state')}</th>
            <th scope="col">{t('admin.services.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const name = service.name[language];
            const index = live.indexOf(service);
            return (
              <tr key={service.id}>
                <td>{service.letter}</td>
                <th scope="row">{name}</th>
                <td>{service.waiting}</td>
                <td>{service.active ? t('admin.services.live') : t('admin.services.retired')}</td>
                <td className="admin-actions">
                  {service.active && (
                    <>
                      <Button onClick={() => setEditing(service)}>
                        {t('admin.services.edit', { name })}
                      </Button>
                      {index > 0 && (
                        <Button onClick={() => move(index, -1)}>
                          {t('admin.services.up', { name })}
                        </Button>
                      )}
                      {index < live.length - 1 && (
                        <Button onClick={() => move(index, 1)}>
                          {t('admin.services.down', { name })}
                        </Button>
                      )}
                      <Button variant="danger" onClick={() => setRetiring(service)}>
                        {t('admin.services.retire', { name })}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AdminOutcome saved={record.saved} error={record.error} onReload={record.reload} />
      <ServiceForm
        key={editing?.id ?? 'new'}
        service={editing}
        busy={record.busy}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      {retiring && (
        <RetireServiceDialog
          service={retiring}
          onConfirm={() => retire(retiring)}
          onCancel={() => setRetiring(null)}
        />
      )}
    </>
  );
}
