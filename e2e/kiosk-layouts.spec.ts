import { expect, test, type Browser, type Page } from './support/test.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { expectOnScreen, shownPicture } from './support/reach.js';
import { checkScreen } from './support/screens.js';

/** A kiosk screen's shape and the settings a visitor chose in the accessibility menu. */
interface Layout {
  name: string;
  viewport: { width: number; height: number };
  large: boolean;
  lowReach: boolean;
}

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

/**
 * The four combinations the kiosk is checked in, and the seated visitor's layout (large text and
 * high contrast go together: a visitor with low vision usually wants both).
 */
const LAYOUTS: Layout[] = [
  { name: 'portrait', viewport: PORTRAIT, large: false, lowReach: false },
  { name: 'portrait-large', viewport: PORTRAIT, large: true, lowReach: false },
  { name: 'landscape', viewport: LANDSCAPE, large: false, lowReach: false },
  { name: 'landscape-large', viewport: LANDSCAPE, large: true, lowReach: false },
  { name: 'portrait-low-reach', viewport: PORTRAIT, large: false, lowReach: true },
];

const SERVICES = ['Informasi publik (PPID)', 'Pengaduan', 'Penempatan kerja'];

let loket: Loket;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  loket = await startLoket({});
});

test.afterAll(async () => {
  await loket?.stop();
});

/** Turns on what the layout asks for in the accessibility menu, checking the menu itself too. */
async function chooseSettings(kiosk: Page, layout: Layout, shoot: boolean): Promise<void> {
  await kiosk.getByRole('button', { name: 'Aksesibilitas' }).click();
  const menu = kiosk.getByRole('dialog', { name: 'Pengaturan aksesibilitas' });
  const toggles = [
    [menu.getByRole('button', { name: 'Teks besar' }), layout.large],
    [menu.getByRole('button', { name: 'Kontras tinggi' }), layout.large],
    [menu.getByRole('button', { name: /Jangkauan rendah/ }), layout.lowReach],
  ] as const;
  for (const [toggle, wanted] of toggles) {
    if ((await toggle.getAttribute('aria-pressed')) !== String(wanted)) await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', String(wanted));
  }
  await expectOnScreen(
    kiosk,
    `${layout.name} accessibility menu`,
    [...toggles.map(([toggle]) => toggle), menu.getByRole('button', { name: 'Tutup' })],
    { lowerPart: layout.lowReach },
  );
  if (shoot) await checkScreen(kiosk, `layout-${layout.name}-0-menu`);
  await menu.getByRole('button', { name: 'Tutup' }).click();
}

async function openKiosk(browser: Browser, layout: Layout): Promise<Page> {
  return openPairedKiosk(browser, loket.dataDir, 'Kios lobi 1', {
    baseURL: loket.baseURL,
    viewport: layout.viewport,
  });
}

/** From the attract screen to the service screen, checking both. */
async function startVisit(kiosk: Page, layout: Layout, shoot: boolean): Promise<void> {
  const lowerPart = layout.lowReach;
  await expectOnScreen(
    kiosk,
    `${layout.name} attract`,
    [
      kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }),
      kiosk.getByRole('button', { name: /Mulai dengan BISINDO/ }),
      kiosk.getByRole('button', { name: 'English' }),
      kiosk.getByRole('button', { name: 'Aksesibilitas' }),
    ],
    { lowerPart },
  );
  if (shoot) await checkScreen(kiosk, `layout-${layout.name}-1-attract`);
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Pilih layanan' })).toBeVisible();
  await expectOnScreen(
    kiosk,
    `${layout.name} service`,
    [
      kiosk.getByRole('button', { name: 'Saya menggunakan bahasa isyarat (BISINDO)' }),
      ...SERVICES.map((name) => kiosk.getByRole('button', { name })),
      kiosk.getByRole('button', { name: 'Kembali' }),
    ],
    { lowerPart },
  );
  if (shoot) await checkScreen(kiosk, `layout-${layout.name}-2-service`);
}

test('With no officer in, every action of the unavailable and call-back screens is on screen in every layout', async ({
  browser,
}) => {
  for (const layout of LAYOUTS) {
    const kiosk = await openKiosk(browser, layout);
    await chooseSettings(kiosk, layout, true);
    await startVisit(kiosk, layout, true);
    const lowerPart = layout.lowReach;
    await kiosk.getByRole('button', { name: SERVICES[0] }).click();
    await expect(kiosk.getByRole('heading', { name: 'Layanan belum tersedia' })).toBeVisible();
    await expectOnScreen(
      kiosk,
      `${layout.name} unavailable`,
      [
        kiosk.getByRole('button', { name: 'Minta ditelepon kembali' }),
        kiosk.getByRole('button', { name: 'Kembali ke awal' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-3-unavailable`);

    await kiosk.getByRole('button', { name: 'Minta ditelepon kembali' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Minta ditelepon kembali' })).toBeVisible();
    const keypad = kiosk.getByRole('group', { name: 'Tombol angka' });
    await expectOnScreen(
      kiosk,
      `${layout.name} call-back`,
      [
        ...['0', '5', '9'].map((digit) => keypad.getByRole('button', { name: digit, exact: true })),
        kiosk.getByRole('checkbox', { name: /Saya setuju nomor saya disimpan/ }),
        kiosk.getByRole('button', { name: 'Kirim' }),
        kiosk.getByRole('button', { name: 'Kembali' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-4-callback`);
    await kiosk.context().close();
  }
});

test('In a call every layout keeps the officer large and every action on screen', async ({
  browser,
}) => {
  // Five layouts, each a whole visit from the service screen to the survey's keyboard.
  test.setTimeout(420_000);
  const agent = await (
    await browser.newContext({ baseURL: loket.baseURL, viewport: { width: 1440, height: 900 } })
  ).newPage();
  await agent.goto('/console/');
  await agent.getByLabel('Nama pengguna').fill('petugas1');
  await agent.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await agent.getByRole('button', { name: 'Masuk' }).click();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(agent.getByText('Status: Tersedia')).toBeVisible();

  for (const layout of LAYOUTS) {
    const kiosk = await openKiosk(browser, layout);
    await chooseSettings(kiosk, layout, false);
    await startVisit(kiosk, layout, false);
    const lowerPart = layout.lowReach;
    await kiosk.getByRole('button', { name: SERVICES[0] }).click();
    await expect(kiosk.getByRole('heading', { name: 'Kamera dan mikrofon' })).toBeVisible();
    await expectOnScreen(
      kiosk,
      `${layout.name} consent`,
      [
        kiosk.getByRole('button', { name: 'Setuju', exact: true }),
        kiosk.getByRole('button', { name: 'Tidak setuju' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-5-consent`);
    await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();

    // The offer rings for a minute: time enough to look at the waiting screen first.
    await expect(kiosk.getByRole('heading', { name: 'Nomor antrian Anda' })).toBeVisible();
    await expect(kiosk.getByLabel('Kode QR untuk memantau antrian Anda di ponsel')).toBeVisible();
    await expectOnScreen(
      kiosk,
      `${layout.name} waiting`,
      [kiosk.getByRole('button', { name: 'Batalkan antrian' })],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-6-waiting`);

    const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
    await offer.getByRole('button', { name: 'Terima', exact: true }).click();
    await expect(
      kiosk.getByRole('heading', { name: 'Sedang terhubung dengan petugas' }),
    ).toBeVisible();
    const officer = await shownPicture(kiosk.getByLabel('Video petugas'));
    const own = await shownPicture(kiosk.getByLabel('Video Anda'));
    // Kept with the results, for the record of how much of the screen the officer gets.
    test.info().annotations.push({
      type: `officer picture, ${layout.name}`,
      description: `${Math.round(officer.width)}×${Math.round(officer.height)} px: ${Math.round(
        (100 * officer.height) / officer.viewportHeight,
      )} % of the height, ${Math.round((100 * officer.width) / officer.viewportWidth)} % of the width`,
    });
    if (layout.viewport.height > layout.viewport.width)
      expect
        .soft(officer.height / officer.viewportHeight, 'officer’s share of the height')
        .toBeGreaterThanOrEqual(0.6);
    else
      expect
        .soft(officer.width / officer.viewportWidth, 'officer’s share of the width')
        .toBeGreaterThanOrEqual(0.7);
    expect
      .soft(own.width * own.height, 'the visitor’s own view stays small')
      .toBeLessThan((officer.width * officer.height) / 6);
    await expectOnScreen(
      kiosk,
      `${layout.name} call`,
      [
        kiosk.getByRole('button', { name: 'Matikan mikrofon' }),
        kiosk.getByRole('button', { name: 'Akhiri panggilan' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-7-call`);

    await kiosk.getByRole('button', { name: 'Akhiri panggilan' }).click();
    const confirm = kiosk.getByRole('dialog', { name: 'Akhiri panggilan?' });
    await expectOnScreen(
      kiosk,
      `${layout.name} end call`,
      [
        confirm.getByRole('button', { name: 'Ya, akhiri' }),
        confirm.getByRole('button', { name: 'Tidak' }),
      ],
      { lowerPart },
    );
    await confirm.getByRole('button', { name: 'Ya, akhiri' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
    await expectOnScreen(
      kiosk,
      `${layout.name} thanks`,
      [
        kiosk.getByRole('button', { name: 'Kirim penilaian' }),
        kiosk.getByRole('button', { name: 'Lewati survei' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-8-thanks`);
    await kiosk.getByRole('button', { name: 'Komentar', exact: true }).click();
    const comment = kiosk.getByRole('dialog', { name: 'Komentar Anda' });
    const keyboard = comment.getByRole('group', { name: 'Papan ketik' });
    await expectOnScreen(
      kiosk,
      `${layout.name} comment`,
      [
        comment.getByRole('textbox', { name: 'Komentar Anda (tidak wajib)' }),
        keyboard.getByRole('button', { name: '1', exact: true }),
        keyboard.getByRole('button', { name: 'p', exact: true }),
        keyboard.getByRole('button', { name: 'Spasi' }),
        comment.getByRole('button', { name: 'Selesai' }),
      ],
      { lowerPart },
    );
    await checkScreen(kiosk, `layout-${layout.name}-9-comment`);
    await comment.getByRole('button', { name: 'Selesai' }).click();
    await kiosk.context().close();

    await expect(agent.getByText('Menyelesaikan catatan').first()).toBeVisible();
    await agent.getByRole('button', { name: 'Siap melayani' }).click();
    await expect(agent.getByText('Status: Tersedia')).toBeVisible();
  }
});
