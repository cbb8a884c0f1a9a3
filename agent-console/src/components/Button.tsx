import type { ButtonHTMLAttributes, Ref } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  variant?: 'primary' | 'secondary' | 'danger';
  /** Shown and announced as disabled but keeps focus, so a keyboard user is not thrown out. */
  disabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** The console's button. */
export function Button({
  variant = 'secondary',
  disabled = false,
  className,
  onClick,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={disabled || undefined}
      onClick={disabled ? (event) => event.preventDefault() : onClick}
    />
  );
}
