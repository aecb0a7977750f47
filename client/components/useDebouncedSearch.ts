import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/**
 * A search box's text, saved (to the address bar) once typing pauses rather
 * than on every key, so that the list is not re-queried letter by letter.
 */
export function useDebouncedSearch(saved: string, save: (text: string) => void) {
  const [text, setText] = useState(saved);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced !== saved) save(debounced.trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [debounced]);
  return [text, setText] as const;
}
