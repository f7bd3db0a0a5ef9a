// Messages that must be heard: errors interrupt (role=alert), confirmations wait (role=status).
import type { ReactNode, Ref } from 'react';

type AlertProps = {
  tone: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

export function Alert({ tone, children, ref }: AlertProps) {
  return (
    <div ref={ref} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
