import { expect, test, type Page } from './support/test.js';
import { availableOfficer } from './support/console.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** What the kiosk says, in the visitor's language. */
const KIOSK = {
  id: {
    chat: 'Chat dengan petugas',
    deaf: 'Saya tuli',
    write: 'Tulis pesan',
    keyboard: 'Papan ketik',
    send: 'Kirim',
    read: 'Dibaca',
    greeting: 'Halo, Anda berikutnya. Saya segera melayani Anda.',
  },
  en: {
    chat: 'Chat with the officer',
    deaf: 'I am Deaf',
    write: 'Write a message',
    keyboard: 'Keyboard',
    send: 'Send',
    read: 'Read',
    greeting: 'Hello, you are next. I will be with you shortly.',
  },
} as const;

/** A visitor takes a ticket for public information in Indonesian; returns its number. */
async function takeTicketInIndonesian(kiosk: Page): Promise<string> {
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await kiosk.getByRole('button', { name: 'Informasi publik (PPID)' }).click();
  await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  expect(number).toMatch(/^A-\d{3}$/);
  return number;
}

for (const language of ['id', 'en'] as const) {
  test(`A Deaf visitor and the officer chat both ways during the wait and the call (${language})`, async ({
    browser,
  }) => {
    const says = KIOSK[language];
    const agent = await availableOfficer(browser);
    const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
    const number =
      language === 'id' ? await takeTicketInIndonesian(kiosk) : await takeTicket(kiosk);

    // The offer rings: the officer greets the visitor with a quick reply, sent in their language.
    const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
    await expect(offer).toContainText(number);
    await offer
      .getByRole('button', { name: 'Halo, Anda berikutnya. Saya segera melayani Anda.' })
      .click();
    const waitingChat = kiosk.getByRole('region', { name: says.chat });
    await expect(waitingChat.getByRole('log')).toContainText(says.greeting);

    // The visitor answers with a quick phrase; the officer reads it on the offer.
    await waitingChat.getByRole('button', { name: says.deaf }).click();
    await expect(offer.getByRole('log')).toContainText(says.deaf);
    await expect(waitingChat.getByText(says.read)).toBeVisible();
    if (language === 'en') {
      await checkScreen(kiosk, 'chat-kiosk-waiting');
      await checkScreen(agent, 'chat-console-offer');
    }

    await acceptOffer(agent, number);
    const callChat = kiosk.getByRole('region', { name: says.chat });
    await expect(callChat.getByRole('log')).toContainText(says.greeting);

    // In the call the visitor writes on the on-screen keyboard…
    await callChat.getByRole('button', { name: says.write }).click();
    const keyboard = callChat.getByRole('group', { name: says.keyboard });
    for (const key of ['o', 'k', 'e']) {
      await keyboard.getByRole('button', { name: key, exact: true }).click();
    }
    await callChat.getByRole('button', { name: says.send, exact: true }).click();
    const consoleChat = agent.getByRole('region', { name: 'Chat dengan pengunjung' });
    await expect(consoleChat.getByRole('log')).toContainText('oke');

    // …and the officer types back; what looks like markup stays text.
    const reply = 'Silakan tunjukkan <b>KTP</b> ke kamera.';
    await consoleChat.getByRole('textbox', { name: 'Pesan untuk pengunjung' }).fill(reply);
    await consoleChat.getByRole('button', { name: 'Kirim' }).click();
    await expect(callChat.getByRole('log')).toContainText(reply);
    await expect(callChat.locator('b')).toHaveCount(0);
    await checkScreen(kiosk, language === 'en' ? 'chat-kiosk' : 'chat-kiosk-id');
    await checkScreen(agent, language === 'en' ? 'chat-console' : 'chat-console-id');

    await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
    await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
    await agent.context().close();
    await kiosk.context().close();
  });
}
