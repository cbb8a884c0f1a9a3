import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Called when the visitor dismisses the dialog with Escape. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: the browser keeps focus inside it, makes the rest of
 * the screen inert and closes it on Escape. Render it to open it; unmount it to close it. Focus
 * goes back to where it was.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // A close that the dialog has since recovered from (React's dev double effects close and reopen
  // it) is not the visitor's.
  const closed = () => {
    if (!ref.current?.open) onClose();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={closed}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
