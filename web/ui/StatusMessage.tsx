import { Alert } from './Alert.tsx';

/**
 * A success message in a polite live region that is always in the page (empty until there is
 * something to say), so screen readers announce it when it appears — also after the form that
 * was saved has closed.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return <div role="status">{message ? <Alert variant="success" title={message} /> : null}</div>;
}
