/** The code of audio guidance, fetched only when a visitor switches it on. */
export const loadSpeech = () => import('./SpeechGuide');
