// The page's <h1>. It also names the browser tab and, after an in-app navigation, takes focus so
// that screen-reader users hear where they landed (a full page load would have done that).
import { useEffect, useRef } from 'react';

let isFirstPage = true;

interface PageTitleProps {
  children: string;
  appName: string;
  /** When the heading is personal ("Hola, Ana"), the tab and history can still say "Inicio". */
  documentTitle?: string;
}

export function PageTitle({ children, appName, documentTitle }: PageTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${documentTitle ?? children} · ${appName}`;
  }, [children, appName, documentTitle]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
