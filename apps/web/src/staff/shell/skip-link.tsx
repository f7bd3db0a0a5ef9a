// First focusable element of every page: jumps keyboard users past the header and navigation.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function SkipLink() {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    // Focus directly instead of following #main, which would leave a fragment in the router's URL.
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={onClick}>
      {t('app.skipToContent')}
    </a>
  );
}
