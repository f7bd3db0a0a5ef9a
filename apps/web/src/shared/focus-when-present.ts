// Moves focus to an element that React is about to render. A single requestAnimationFrame is
// not enough: when the state update is flushed by React's scheduler after that frame, the
// element is not there yet and focus silently stays behind (a screen-reader user then hears
// nothing about the error). Retry for a short while instead.
export function focusWhenPresent(find: () => HTMLElement | null | undefined, attempts = 40): void {
  const element = find();
  if (element) {
    element.focus();
    return;
  }
  if (attempts > 0) window.setTimeout(() => focusWhenPresent(find, attempts - 1), 25);
}
