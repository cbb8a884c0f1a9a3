/** The call screen and everything WebRTC behind it, in a chunk of their own. */
export const loadCallScreen = () => import('./CallScreen');
