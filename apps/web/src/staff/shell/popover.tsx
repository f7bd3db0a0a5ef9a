// The header's popovers (notifications, account menu) are disclosures - a button and a panel -
// rather than ARIA menus: the panels hold links and buttons that Tab reaches in order. Escape
// closes the panel and gives focus back to its button; a pointer press outside closes it too.
import { useEffect, useId, useRef, useState } from 'react';
import type { Dispatch, ReactNode, RefObject, SetStateAction } from 'react';

export interface Popover {
  open: boolean;
  setOpen: Dispatch<SetStateAction<boolean>>;
  panelId: string;
  rootRef: RefObject<HTMLDivElement | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** The panel also closes whenever `closeKey` changes (the page the user is on). */
export function usePopover(closeKey?: unknown): Popover {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [closeKey]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return { open, setOpen, panelId, rootRef, buttonRef };
}

interface PopoverDisclosureProps {
  popover: Popover;
  /** Block name of the classes: `name`, `name__button`, `name__panel`. */
  className: string;
  button: ReactNode;
  /** Called when the panel is about to open (to refresh what it shows). */
  onOpen?: () => void;
  children: ReactNode;
}

export function PopoverDisclosure({ popover, className, button, onOpen, children }: PopoverDisclosureProps) {
  const { open, setOpen, panelId, rootRef, buttonRef } = popover;
  return (
    <div className={className} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`${className}__button`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value);
          if (!open) onOpen?.();
        }}
      >
        {button}
      </button>
      <div id={panelId} className={`${className}__panel`} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
