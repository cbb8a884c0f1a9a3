import { useRef, type ReactNode, type RefObject } from 'react';
import { useFocusTrap } from '../hooks/useFocusTrap';

interface DialogProps {
  role?: 'dialog' | 'alertdialog';
  labelledBy: string;
  describedBy?: string;
  /** What gets focus when the dialog opens. */
  initialFocus: RefObject<HTMLElement | null>;
  /** Escape answers the dialog the safe way (cancel, decline). */
  onEscape: () => void;
  children: ReactNode;
}

/** A modal dialog: focus stays inside until it closes, Escape closes it. */
export function Dialog({
  role = 'dialog',
  labelledBy,
  describedBy,
  initialFocus,
  onEscape,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, initialFocus, onEscape);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        className="dialog"
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
