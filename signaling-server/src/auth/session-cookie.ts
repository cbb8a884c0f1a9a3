/** Name of the httpOnly cookie that carries a console session. */
export const SESSION_COOKIE = 'loket_session';
