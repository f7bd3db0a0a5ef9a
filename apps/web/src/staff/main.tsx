// Entry point of the staff app (served at /app/).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { currentLanguage, initI18n } from '../i18n/i18n';
import { setRequestLanguage } from './api/client';
import { queryClient } from './api/query-client';
import { App } from './app';
import { SessionProvider } from './session/session-context';
import '../shared/styles/base.css';
import '../shared/styles/components.css';
import '../shared/styles/shell.css';

const i18n = initI18n();
setRequestLanguage(currentLanguage());
i18n.on('languageChanged', (language) => setRequestLanguage(language));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
