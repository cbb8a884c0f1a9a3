import fs from 'node:fs';
import { expect, test } from './support/test.js';
import { availableOfficer, signIn } from './support/console.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** A console in the office's time zone, so "this month" is the office's month; it saves downloads. */
const IN_OFFICE = { timezoneId: 'Asia/Jakarta', acceptDownloads: true };

/** Today in Jakarta, as the report and its export name days. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

test('A manager opens the reports, sees today’s visit in the chart and table, and exports it as CSV', async ({
  browser,
}) => {
  // A served visit of our own, so that today has something to report whatever ran before.
  const agent = await availableOfficer(browser);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1', {
    viewport: { width: 1080, height: 1920 },
  });
  await acceptOffer(agent, await takeTicket(kiosk));
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  // Its outcome, picked at wrap-up, is counted in the report by outcome.
  await agent
    .getByRole('group', { name: 'Bagaimana hasil kunjungan?' })
    .getByRole('radio', { name: 'Selesai dilayani' })
    .check();
  await agent.getByRole('button', { name: 'Simpan catatan dan hasil' }).click();
  await expect(agent.getByText('Catatan dan hasil tersimpan.')).toBeVisible();

  const manager = await signIn(browser, 'koordinator', IN_OFFICE);
  await expect(manager.getByRole('heading', { name: 'Antrian langsung' })).toBeVisible();
  await manager
    .getByRole('navigation', { name: 'Halaman koordinator' })
    .getByRole('link', { name: 'Laporan' })
    .click();
  await expect(manager).toHaveURL(/\/console\/reports$/);
  await expect(manager.getByRole('heading', { level: 1, name: 'Laporan layanan' })).toBeVisible();

  const chart = manager.getByRole('figure', {
    name: 'Kunjungan: dilayani, ditinggalkan, dibatalkan',
  });
  await expect(chart.getByRole('application')).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const table = manager.getByRole('table', { name: 'Angka per hari' });
  const todayRow = table.getByRole('row').filter({
    has: manager.getByRole('rowheader', {
      name: new Intl.DateTimeFormat('id-ID', {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(Date.parse(`${today()}T00:00:00Z`)),
    }),
  });
  const served = Number(await todayRow.getByRole('cell').nth(1).textContent());
  expect(served).toBeGreaterThanOrEqual(1);
  await checkScreen(manager, 'console-10-reports');

  // The grouping by officer, chosen with the keyboard.
  await manager.getByLabel('Kelompokkan menurut').selectOption('officer');
  await manager.getByRole('button', { name: 'Tampilkan laporan' }).press('Enter');
  const byOfficer = manager.getByRole('table', { name: 'Angka per petugas' });
  await expect(byOfficer.getByRole('rowheader', { name: 'Sari Wulandari' })).toBeVisible();
  // The grouping by outcome: the visit just served counts under the outcome its officer picked.
  await manager.getByLabel('Kelompokkan menurut').selectOption('outcome');
  await manager.getByRole('button', { name: 'Tampilkan laporan' }).click();
  const byOutcome = manager.getByRole('table', { name: 'Angka per hasil layanan' });
  const resolved = byOutcome
    .getByRole('row')
    .filter({ has: manager.getByRole('rowheader', { name: 'Selesai dilayani' }) });
  expect(Number(await resolved.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(byOutcome.getByRole('rowheader', { name: 'Tanpa hasil tercatat' })).toBeVisible();
  await checkScreen(manager, 'console-10-reports-by-outcome');
  await manager.getByLabel('Kelompokkan menurut').selectOption('day');
  await manager.getByRole('button', { name: 'Tampilkan laporan' }).click();
  await expect(table).toBeVisible();

  const downloading = manager.waitForEvent('download');
  await manager.getByRole('button', { name: 'Unduh CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^laporan-day-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const [header, ...lines] = csv.split('\r\n');
  expect(header).toMatch(/^\uFEFFPeriode;Tiket;Dilayani;Ditinggalkan;Dibatalkan;Panggilan balik;/);
  const line = lines.find((candidate) => candidate.startsWith(`${today()};`));
  expect(line, `a line for ${today()}`).toBeTruthy();
  // Tickets, then served: the same figure as the table's.
  expect(Number(line!.split(';')[2])).toBe(served);
});

test('A manager reads today’s audit log, narrows it to tickets, and exports it as CSV', async ({
  browser,
}) => {
  const manager = await signIn(browser, 'koordinator', IN_OFFICE);
  await manager.getByRole('link', { name: 'Log audit' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  // Earlier tests on this server took tickets from the demo kiosk today.
  const table = manager.getByRole('table', { name: /entri, terbaru lebih dulu/ });
  await expect(table.getByRole('cell', { name: 'Kios lobi 1' }).first()).toBeVisible();
  await manager.getByLabel('Tindakan').selectOption({ label: 'Nomor antrian' });
  await manager.getByRole('button', { name: 'Tampilkan', exact: true }).click();
  await expect(table.getByText('ticket.created').first()).toBeVisible();
  const actions = await table.getByRole('code').allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((action) => !action.startsWith('ticket.'))).toEqual([]);
  await checkScreen(manager, 'console-11-audit');

  const downloading = manager.waitForEvent('download');
  await manager.getByRole('button', { name: 'Unduh CSV' }).click();
  const csv = fs.readFileSync(await (await downloading).path(), 'utf8');
  const [header, ...lines] = csv.split('\r\n').filter(Boolean);
  expect(header).toBe('\uFEFFWaktu;Oleh;Tindakan;Data;Rincian');
  expect(lines).toHaveLength(actions.length);
  expect(lines.every((line) => line.split(';')[2]!.startsWith('ticket.'))).toBe(true);
});
