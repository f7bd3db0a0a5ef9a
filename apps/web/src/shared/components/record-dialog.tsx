// A form that opens when asked for (UI.md principle 1): a button, then a modal dialog with the
// form (React Aria: focus kept inside, Escape and the close button cancel, focus returns to the
// button). The content gets a `close` to call after a successful save.
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ReactNode } from 'react';

interface RecordDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  closeLabel: string;
  children: (close: () => void) => ReactNode;
  /** Wide dialogs hold long forms (a person's record); the default suits a few fields. */
  wide?: boolean;
}

export function RecordDialog({ title, isOpen, onOpenChange, closeLabel, children, wide }: RecordDialogProps) {
  return (
    <ModalOverlay className="record-dialog__overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className={wide ? 'record-dialog record-dialog--wide' : 'record-dialog'}>
        <Dialog className="record-dialog__body">
          {({ close }) => (
            <>
              <div className="record-dialog__head">
                <Heading slot="title" className="record-dialog__title">
                  {title}
                </Heading>
                <Button className="button button--quiet button--small" onPress={close}>
                  {closeLabel}
                </Button>
              </div>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
