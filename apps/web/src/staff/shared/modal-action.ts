// A confirmation in a native modal <dialog> (focus kept inside, Escape cancels): opened when the
// component mounts, closed when it unmounts. The action keeps the dialog busy while it runs; on
// failure the error stays in the dialog and the buttons come back. On success the caller moves
// on (navigates or unmounts the dialog), so busy is not reset.
import { useEffect, useRef, useState } from 'react';

export function useModalAction(action: () => Promise<void>) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return { ref, busy, error, run };
}
