import type { PageRoute } from '#web/staff/navigation.ts';
import { ForgotPasswordPage } from './ForgotPasswordPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { ResetPasswordPage } from './ResetPasswordPage.tsx';

/** Pages before the login (no session needed, no menu). */
export const publicRoutes: PageRoute[] = [
  { path: 'login', element: <LoginPage />, action: null },
  { path: 'forgot-password', element: <ForgotPasswordPage />, action: null },
  { path: 'reset-password', element: <ResetPasswordPage />, action: null },
];
