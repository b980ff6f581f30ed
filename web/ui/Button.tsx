import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary';

export function buttonClass(variant: ButtonVariant = 'primary', small = false): string {
  return `kern-btn kern-btn--${variant}${small ? ' kern-btn--x-small' : ''}`;
}

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style'> {
  variant?: ButtonVariant;
  small?: boolean;
  children: ReactNode;
}

/** A KERN button; `type` defaults to "button" so only explicit submit buttons submit. */
export function Button({ variant = 'primary', small = false, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={buttonClass(variant, small)}>
      <span className="kern-label">{children}</span>
    </button>
  );
}
