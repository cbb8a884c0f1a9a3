import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The one `<h1>` of a screen. It takes focus when the screen appears, so keyboard and screen
 * reader users start each screen at its top instead of on a button that no longer exists.
 */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className="heading">
      {children}
    </h1>
  );
}
