import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createStaffI18n } from '#web/i18n.ts';
import { ProblemError, setApiLanguage } from './api.ts';
import { SESSION_KEY, stageOfProblem } from './session.tsx';
import { createStaffRouter } from './router.tsx';

const i18n = createStaffI18n();
setApiLanguage(i18n.language);
i18n.on('languageChanged', setApiLanguage);

/** A session that ended (expired, logged out elsewhere) or still owes its second factor sends the user to the login. */
function onApiError(error: unknown): void {
  if (!(error instanceof ProblemError) || error.status !== 401) return;
  if (stageOfProblem(error)) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  else queryClient.setQueryData(SESSION_KEY, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});
const router = createStaffRouter();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
