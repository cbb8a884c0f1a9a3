/** The chat panel, in a chunk of its own: the first screen paints without it. */
export const loadChatPanel = () => import('./ChatPanel');
