import { Navigate, useLocation } from 'react-router';
import { PREFERENCES_PATH } from './paths';

/** /newsletters/preferences, linked from mails sent before the French paths: the same page at its new address (query kept: `?lang=en`). */
export default function OldPreferencesRedirect() {
  const { search } = useLocation();
  return <Navigate to={`${PREFERENCES_PATH}${search}`} replace />;
}
